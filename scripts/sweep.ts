/**
 * The corpus sweep: every page of the extraction corpora, opened in real
 * Chromium with the built extension and cleaned through the real popup, with
 * a hard time limit a page. Prints a Markdown summary (docs/sweep.md keeps
 * the last one) and writes every page's result as JSON beside the build.
 *
 *   npm run sweep                            all pages of ../shared/corpus
 *   npm run sweep -- --corpus DIR            another copy of the corpora
 *   npm run sweep -- --only aeb --limit 20   a part of it
 *   npm run sweep -- --write-sample FILE     list the fixed CI sample in FILE (JSON)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ExtensionBrowser } from '../tests/e2e/support/browser';
import { type CorpusPage, isUtf8, listCorpusPages, pickSample } from '../tests/e2e/support/corpus';
import { startServer } from '../tests/e2e/support/server';
import { HARD_LIMIT_MS, OffsiteBlocker, type PageResult, sweepPage, within } from '../tests/e2e/support/sweep-page';
import { sweepReport } from '../tests/e2e/support/sweep-report';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus') },
    only: { type: 'string' },
    limit: { type: 'string' },
    'per-browser': { type: 'string', default: '100' },
    out: { type: 'string', default: resolve(ROOT, '.output/sweep.json') },
    'write-sample': { type: 'string' },
  },
});

const corpusRoot = resolve(values.corpus);
let pages = listCorpusPages(corpusRoot);
if (pages.length === 0) throw new Error(`No corpus pages under ${corpusRoot} (<corpus>/html/<id>.html.gz)`);

/** The CI sample: 7 pages spread through each corpus, and the first 2 whose bytes are not UTF-8. */
function ciSample(all: CorpusPage[], root: string): CorpusPage[] {
  const bytes = (p: CorpusPage) => gunzipSync(readFileSync(join(root, p.corpus, 'html', `${p.id}.html.gz`)));
  return pickSample(all, 7, { notUtf8: 2, isNotUtf8: (p) => !isUtf8(bytes(p)) });
}

if (values['write-sample']) {
  const sample = ciSample(pages, corpusRoot).map(({ corpus, id }) => ({ corpus, id }));
  writeFileSync(resolve(values['write-sample']), `${JSON.stringify(sample, null, 2)}\n`);
  console.log(`${sample.length} pages listed in ${values['write-sample']}`);
  process.exit(0);
}

if (values.only) {
  const wanted = new Set(values.only.split(','));
  pages = pages.filter((p) => wanted.has(p.corpus));
}
if (values.limit) pages = pages.slice(0, Number(values.limit));
const perBrowser = Number(values['per-browser']);

const server = await startServer({ corpus: corpusRoot });
const results: PageResult[] = [];
const offsite: string[] = [];
let version = '';
let session: { browser: ExtensionBrowser; blocker: OffsiteBlocker; used: number } | undefined;

async function closeSession() {
  if (!session) return;
  offsite.push(...session.browser.offsiteResponses);
  await within(session.browser.close(), 30_000, 'closing the browser').catch((e) => console.error(`could not close the browser: ${e}`));
  session = undefined;
}

const started = Date.now();
for (const [i, page] of pages.entries()) {
  if (session && (session.used >= perBrowser || !session.browser.ctx.browser()?.isConnected())) await closeSession();
  if (!session) {
    const browser = await ExtensionBrowser.launch();
    version ||= `Chromium ${browser.ctx.browser()?.version() ?? '?'}`;
    session = { browser, blocker: await OffsiteBlocker.install(browser), used: 0 };
  }
  session.used++;
  const result = await sweepPage(session.browser, server, session.blocker, page);
  results.push(result);
  const time = result.clickMs === undefined ? '' : ` ${result.clickMs} ms`;
  const extra = [result.category, result.errors.length ? `${result.errors.length} error(s)` : '', result.text && result.outcome === 'failed' ? result.text : '']
    .filter(Boolean)
    .join('; ');
  console.error(`${i + 1}/${pages.length} ${page.corpus}/${page.id}: ${result.outcome}${time}${extra ? ` (${extra})` : ''}`);
  // A page that hung or could not be driven may have left the browser in a bad way: start the next page in a fresh one.
  if (result.outcome === 'hang' || result.outcome === 'failed') await closeSession();
}
await closeSession();
await server.close();

mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(results, null, 1)}\n`);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`# Corpus sweep, ${new Date().toISOString().slice(0, 10)}\n`);
console.log(
  `${results.length} pages in ${minutes} min; a page is a hang after ${HARD_LIMIT_MS / 1000} s. Browser: ${version}. Results: ${relative(ROOT, values.out) || values.out}\n`,
);
console.log(sweepReport(results));
console.log(`\nResponses from hosts other than 127.0.0.1: ${offsite.length === 0 ? 'none' : offsite.join(', ')}.`);
