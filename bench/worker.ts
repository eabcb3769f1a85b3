import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchPage } from './corpus';
import { aebPage, quantile, snippetPage, type AebPage, type SnippetCounts } from './metrics';
import { defuddleText, readabilityText } from './extractors';
import { parseHtml } from '../lib/extract/parse-html';
import { countWords } from '../lib/text';
import { renderedText } from './rendered-text';
import { cleanArticle, extractArticle, readArticle } from '../lib/extract/extract-article';

export type PageScore = AebPage | SnippetCounts;

export interface PageResult {
  corpus: BenchPage['corpus'];
  id: string;
  ms: { parse: number; readability: number; cleanCopy: number; defuddle: number };
  scores: { cleanCopy: PageScore; readability: PageScore; defuddle: PageScore; ablation: Record<string, PageScore> };
  meta?: { title: boolean; lang: boolean; published: boolean; byline: boolean };
  lost?: string;
  /** Words in the expected text, for corpora scored against a text. */
  truthWords?: number;
  errors: string[];
}

export interface PageTask {
  page: BenchPage;
  ablation: string[];
  /** Times (a), (b) and (c) are measured, each on a fresh parse; the page's time for each is their median. */
  repeats: number;
}

function score(page: BenchPage, text: string): PageScore {
  const t = page.truth;
  return t.kind === 'snippets' ? snippetPage(t.with, t.without, text) : aebPage(t.text, text);
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

// A worker cannot take --expose-gc on its command line; the flag can still be set before the function is first asked for.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options: { type: 'minor' }) => void;

/**
 * Clear the young generation before a timed step, so no step pays for
 * collecting the garbage of the step before it: the copy plain Readability
 * makes and drops, for one, was collected inside the next step's time. A
 * scavenge costs a millisecond or two and is outside every timing.
 */
function settle(): number {
  collect({ type: 'minor' });
  return performance.now();
}

interface Timed {
  doc: Document;
  plain: string;
  result?: ReturnType<typeof extractArticle>;
  ms: { parse: number; readability: number; cleanCopy: number };
}

/** (a) parse, (b) plain Readability and (c) Clean Copy, timed once on a fresh parse of the page. */
function timeOnce(page: BenchPage, errors: string[]): Timed {
  const t0 = settle();
  const doc = parseHtml(page.html, page.url);
  const t1 = performance.now();
  const s1 = settle();
  let plain = '';
  try {
    plain = readabilityText(doc);
  } catch (e) {
    errors.push(`readability: ${(e as Error).message}`);
  }
  const t2 = performance.now();
  const s2 = settle();
  let result;
  try {
    result = extractArticle(doc, { url: page.url });
  } catch (e) {
    errors.push(`clean-copy: ${(e as Error).message}`);
  }
  const t3 = performance.now();
  return { doc, plain, result, ms: { parse: t1 - t0, readability: t2 - s1, cleanCopy: t3 - s2 } };
}

async function run({ page, ablation, repeats }: PageTask): Promise<PageResult> {
  const errors: string[] = [];
  // The first timing's outputs are scored; the others are the same (the pipeline is deterministic) and only timed.
  const first = timeOnce(page, errors);
  const { doc, plain } = first;
  const times = [first.ms];
  for (let i = 1; i < repeats; i++) {
    const again = timeOnce(page, []);
    again.doc.defaultView?.close();
    times.push(again.ms);
  }
  const record = first.result?.ok ? first.result.article : undefined;
  let ours = record?.textContent ?? '';
  const s3 = settle();
  let theirs = '';
  try {
    theirs = await defuddleText(page.html, page.url);
  } catch (e) {
    errors.push(`defuddle: ${(e as Error).message}`);
  }
  const t4 = performance.now();
  if (record && (page.corpus === 'readability' || page.corpus === 'defuddle')) ours = renderedText(doc, record.contentHtml);

  // Readability runs once; each rule is then switched off on its own copy of the article.
  const abl: Record<string, PageScore> = {};
  const read = ablation.length ? readArticle(doc, { url: page.url }) : undefined;
  for (const rule of ablation) {
    try {
      const cleaned = read?.ok ? cleanArticle({ ...read.raw, body: read.raw.body.cloneNode(true) as Element }, { [rule]: false }) : undefined;
      abl[rule] = score(page, cleaned?.ok ? cleaned.article.textContent : '');
    } catch (e) {
      errors.push(`clean-copy without ${rule}: ${(e as Error).message}`);
    }
  }

  const result: PageResult = {
    corpus: page.corpus,
    id: page.id,
    ms: {
      parse: quantile(
        times.map((t) => t.parse),
        0.5,
      ),
      readability: quantile(
        times.map((t) => t.readability),
        0.5,
      ),
      cleanCopy: quantile(
        times.map((t) => t.cleanCopy),
        0.5,
      ),
      defuddle: t4 - s3,
    },
    scores: { cleanCopy: score(page, ours), readability: score(page, plain), defuddle: score(page, theirs), ablation: abl },
    errors,
  };
  if (page.truth.kind === 'readability') {
    const m = page.truth.meta;
    result.meta = {
      title: norm(record?.title) === norm(m.title),
      lang: norm(record?.lang) === norm(m.lang),
      published: !m.publishedTime ? !record?.publishedTime : Date.parse(record?.publishedTime ?? '') === Date.parse(m.publishedTime),
      byline: !m.byline ? (record?.authors.length ?? 0) === 0 : norm(m.byline).includes(norm(record?.authors[0] ?? '~')),
    };
    result.truthWords = countWords(page.truth.text);
    const kept = (result.scores.cleanCopy as AebPage).recall;
    if (kept < 0.9) result.lost = page.truth.text.replace(/\s+/g, ' ').slice(0, 160);
  }
  // jsdom keeps a window alive until it is closed; a thousand pages would hold gigabytes.
  doc.defaultView?.close();
  return result;
}

parentPort!.on('message', (task: PageTask) => {
  run(task).then(
    (r) => parentPort!.postMessage(r),
    (e: Error) => parentPort!.postMessage({ corpus: task.page.corpus, id: task.page.id, fatal: e.message }),
  );
});
