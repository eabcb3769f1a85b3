/** One address of a `srcset` with what its descriptor says: a width in pixels, or a pixel density. */
export interface SrcsetCandidate {
  url: string;
  width?: number;
  density?: number;
}

/** The candidates of a `srcset`, each with its width (`800w`) or density (`2x`; 1x when none is given). */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    const url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      out.push({ url: url.replace(/,+$/, ''), density: 1 });
      continue;
    }
    const from = i;
    for (let depth = 0; i < srcset.length && !(srcset[i] === ',' && depth === 0); i++) {
      if (srcset[i] === '(') depth++;
      else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
    }
    const descriptor = srcset.slice(from, i).trim();
    const w = /^(\d+)w$/i.exec(descriptor);
    const x = /^(\d*\.?\d+)x$/i.exec(descriptor);
    if (w) out.push({ url, width: Number(w[1]) });
    else if (x) out.push({ url, density: Number(x[1]) });
    else out.push({ url, density: 1 });
  }
  return out;
}

/** Wider than this is more than a reading column on a large screen ever shows. */
const SENSIBLE_WIDTH = 2048;
const SENSIBLE_DENSITY = 2;

/**
 * The candidate a clean copy keeps: the largest that is still sensible (at
 * most SENSIBLE_WIDTH pixels wide or twice the density), so a picture looks
 * sharp without carrying a print-size original; the smallest when every one
 * is larger than that.
 */
export function bestSrcsetUrl(srcset: string): string | null {
  const all = srcsetCandidates(srcset);
  if (all.length === 0) return null;
  const size = (c: SrcsetCandidate) => c.width ?? (c.density ?? 1) * 1000;
  const limit = (c: SrcsetCandidate) => (c.width !== undefined ? SENSIBLE_WIDTH : SENSIBLE_DENSITY * 1000);
  const sensible = all.filter((c) => size(c) <= limit(c));
  const pool = sensible.length > 0 ? sensible : all;
  const pick = pool.reduce((best, c) => ((sensible.length > 0 ? size(c) > size(best) : size(c) < size(best)) ? c : best));
  return pick.url;
}

/**
 * The addresses of a `srcset`, read as browsers read it: an address runs to
 * the next white space (commas inside it, as in "w_400,h_300" or a data:
 * address, belong to it), and its descriptors run to the next comma outside
 * parentheses. Splitting at every comma cuts such addresses in pieces.
 */
export function srcsetUrls(srcset: string): string[] {
  return srcsetCandidates(srcset).map((c) => c.url);
}
