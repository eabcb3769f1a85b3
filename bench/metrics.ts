// Scoring rules as the shared corpus README states them (AEB shingles; trafilatura snippets).

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text ? (text.match(TOKEN) ?? []) : [];
}

/** Multiset of 4-token shingles; 1 to 3 tokens make one short shingle. */
export function shingles(toks: readonly string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  if (toks.length === 0) return counts;
  const starts = Math.max(1, toks.length - n + 1);
  for (let i = 0; i < starts; i++) {
    const key = toks.slice(i, i + n).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface AebPage {
  precision: number;
  recall: number;
  /** False when the prediction is empty: left out of the precision average. */
  predicted: boolean;
}

/** Per-page precision and recall of predicted against true text (counts normalised per page). */
export function aebPage(truth: string, predicted: string): AebPage {
  const t = shingles(tokens(truth));
  const p = shingles(tokens(predicted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of t) {
    const q = p.get(k) ?? 0;
    tp += Math.min(c, q);
    if (c > q) fn += c - q;
  }
  for (const [k, q] of p) {
    const c = t.get(k) ?? 0;
    if (q > c) fp += q - c;
  }
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, predicted: p.size > 0 };
}

export function aebCorpus(pages: readonly AebPage[]): { p: number; r: number; f1: number } {
  const withOutput = pages.filter((x) => x.predicted);
  const p = mean(withOutput.map((x) => x.precision));
  const r = mean(pages.map((x) => x.recall));
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function snippetPage(withSnippets: readonly string[], without: readonly string[], predicted: string): SnippetCounts {
  const text = collapse(predicted);
  const c: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of withSnippets) text.includes(collapse(s)) ? c.tp++ : c.fn++;
  for (const s of without) text.includes(collapse(s)) ? c.fp++ : c.tn++;
  return c;
}

export function snippetCorpus(pages: readonly SnippetCounts[]) {
  const s = pages.reduce((a, b) => ({ tp: a.tp + b.tp, fn: a.fn + b.fn, fp: a.fp + b.fp, tn: a.tn + b.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  return {
    p: s.tp / (s.tp + s.fp),
    r: s.tp / (s.tp + s.fn),
    f1: (2 * s.tp) / (2 * s.tp + s.fp + s.fn),
    withKept: s.tp / (s.tp + s.fn),
    withoutAbsent: s.tn / (s.tn + s.fp),
  };
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}
