// npx tsx bench/quick.ts [--only aeb,trafilatura,readability,defuddle] [--save FILE] [--against FILE] [--half tune|judged]
// Clean Copy alone, untimed, for working on rules: scores per half, and which pages changed against a saved run.
import { readFileSync, writeFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type BenchPage, type CorpusName } from './corpus';
import { aebCorpus, aebPage, snippetCorpus, snippetPage, type AebPage, type SnippetCounts } from './metrics';
import { HALVES, halfOf } from './split';
import { renderedText } from './rendered-text';
import { countWords } from '../lib/text';
import { parseHtml } from '../lib/extract/parse-html';
import { extractArticle } from '../lib/extract/extract-article';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: fileURLToPath(new URL('../../shared/corpus', import.meta.url)) },
    only: { type: 'string', default: 'aeb,trafilatura,readability,defuddle' },
    save: { type: 'string' },
    against: { type: 'string' },
    half: { type: 'string' },
  },
});

interface Row {
  corpus: CorpusName;
  id: string;
  url: string;
  aeb?: AebPage;
  snippets?: SnippetCounts & { missed: string[]; kept: string[] };
  meta?: Record<string, [string, string]>;
  /** Words in Readability's expected text: its parser tests under 30 words are left out, as in the full bench. */
  words?: number;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function run(page: BenchPage): Row {
  const doc = parseHtml(page.html, page.url);
  const result = extractArticle(doc, { url: page.url });
  const a = result.ok ? result.article : undefined;
  // Readability's and Defuddle's pages are survival checks: captions count as kept, as in the full bench.
  const text = a && (page.corpus === 'readability' || page.corpus === 'defuddle') ? renderedText(doc, a.contentHtml) : (a?.textContent ?? '');
  const row: Row = { corpus: page.corpus, id: page.id, url: page.url };
  const t = page.truth;
  if (t.kind === 'snippets') {
    const flat = text.replace(/\s+/g, ' ');
    const c = snippetPage(t.with, t.without, text);
    const has = (s: string) => flat.includes(s.replace(/\s+/g, ' ').trim());
    row.snippets = { ...c, missed: t.with.filter((s) => !has(s)), kept: t.without.filter(has) };
  } else if (t.kind === 'text') row.aeb = aebPage(t.text, text);
  else {
    row.aeb = aebPage(t.text, text);
    row.words = countWords(t.text);
    row.meta = {
      title: [a?.title ?? '', t.meta.title ?? ''],
      byline: [a?.authors[0] ?? '', t.meta.byline ?? ''],
      date: [a?.publishedTime ?? '', t.meta.publishedTime ?? ''],
      lang: [a?.lang ?? '', t.meta.lang ?? ''],
    };
  }
  doc.defaultView?.close();
  return row;
}

function metaAgrees(k: string, [got, want]: [string, string]): boolean {
  if (k === 'date') return !want ? !got : Date.parse(got) === Date.parse(want);
  if (k === 'byline') return !want ? !got : norm(want).includes(norm(got || '~'));
  return norm(got) === norm(want);
}

// jsdom's windows outlive close() in one long process; a worker per batch of pages hands its heap back.
if (!isMainThread) {
  const { corpus, ids } = workerData as { corpus: string; ids: string[] };
  const want = new Set(ids);
  const byCorpus = new Map<CorpusName, BenchPage[]>();
  const out: Row[] = [];
  for (const key of want) {
    const c = key.split('/')[0] as CorpusName;
    if (!byCorpus.has(c)) byCorpus.set(c, loadCorpus(corpus, c));
  }
  for (const [, pages] of byCorpus) for (const page of pages) if (want.has(`${page.corpus}/${page.id}`)) out.push(run(page));
  parentPort!.postMessage(out);
  process.exit(0);
}

const corpora = values.only.split(',') as CorpusName[];
const keys: string[] = [];
for (const c of corpora) for (const page of loadCorpus(values.corpus, c)) if (!values.half || halfOf(page.id) === values.half) keys.push(`${c}/${page.id}`);
const BATCH = 60;
const batches: string[][] = [];
for (let i = 0; i < keys.length; i += BATCH) batches.push(keys.slice(i, i + BATCH));
const rows: Row[] = [];
let next = 0;
const lane = async () => {
  while (next < batches.length) {
    const ids = batches[next++]!;
    const w = new Worker(new URL(import.meta.url), { workerData: { corpus: values.corpus, ids }, execArgv: ['--import', 'tsx'] });
    rows.push(...(await new Promise<Row[]>((resolve, reject) => w.once('message', resolve).once('error', reject))));
  }
};
await Promise.all([lane(), lane()]);
const order = new Map(keys.map((k, i) => [k, i]));
rows.sort((a, b) => order.get(`${a.corpus}/${a.id}`)! - order.get(`${b.corpus}/${b.id}`)!);

const f3 = (x: number) => x.toFixed(4);
const recallMean = (rs: Row[]) => rs.reduce((n, r) => n + r.aeb!.recall, 0) / rs.length;
for (const c of corpora) {
  for (const h of HALVES) {
    const rs = rows.filter((r) => r.corpus === c && halfOf(r.id) === h && (r.words === undefined || r.words >= 30));
    if (!rs.length) continue;
    let line: string;
    if (c === 'aeb') {
      const s = aebCorpus(rs.map((r) => r.aeb!));
      line = `F1 ${f3(s.f1)} P ${f3(s.p)} R ${f3(s.r)}`;
    } else if (c === 'trafilatura') {
      const s = snippetCorpus(rs.map((r) => r.snippets!));
      line = `F1 ${f3(s.f1)} with ${f3(s.withKept)} without ${f3(s.withoutAbsent)}`;
    } else if (c === 'readability') {
      const share = (k: string) => f3(rs.filter((r) => metaAgrees(k, r.meta![k]!)).length / rs.length);
      line = `kept ${f3(recallMean(rs))} title ${share('title')} byline ${share('byline')} date ${share('date')} lang ${share('lang')}`;
    } else {
      const extra = rs.filter((r) => r.aeb!.predicted);
      line = `kept ${f3(recallMean(rs))} extra ${f3(extra.reduce((n, r) => n + 1 - r.aeb!.precision, 0) / extra.length)}`;
    }
    console.log(`${c.padEnd(12)} ${h.padEnd(6)} (${String(rs.length).padStart(3)}) ${line}`);
  }
}

if (values.against) {
  const before = new Map((JSON.parse(readFileSync(values.against, 'utf8')) as Row[]).map((r) => [`${r.corpus}/${r.id}`, r]));
  for (const r of rows) {
    const b = before.get(`${r.corpus}/${r.id}`);
    if (!b) continue;
    const tag = `${halfOf(r.id)} ${r.corpus}/${r.id} ${r.url}`;
    if (r.aeb && b.aeb && (Math.abs(r.aeb.precision - b.aeb.precision) > 0.002 || Math.abs(r.aeb.recall - b.aeb.recall) > 0.002))
      console.log(`${tag}: P ${f3(b.aeb.precision)}→${f3(r.aeb.precision)} R ${f3(b.aeb.recall)}→${f3(r.aeb.recall)}`);
    if (r.snippets && b.snippets && (r.snippets.tp !== b.snippets.tp || r.snippets.fp !== b.snippets.fp))
      console.log(
        `${tag}: tp ${b.snippets.tp}→${r.snippets.tp} fp ${b.snippets.fp}→${r.snippets.fp} missed ${JSON.stringify(r.snippets.missed)} kept ${JSON.stringify(r.snippets.kept)}`,
      );
    if (r.meta && b.meta)
      for (const k of Object.keys(r.meta))
        if (metaAgrees(k, r.meta[k]!) !== metaAgrees(k, b.meta[k]!)) console.log(`${tag}: ${k} ${JSON.stringify(b.meta[k])} → ${JSON.stringify(r.meta[k])}`);
  }
}
if (values.save) writeFileSync(values.save, JSON.stringify(rows));
