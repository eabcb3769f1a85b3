// npm run bench [-- --corpus DIR] [--only aeb,trafilatura] [--limit N] [--workers N] [--repeat N] [--no-ablation] [--json FILE] [--report FILE]
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type BenchPage, type CorpusName } from './corpus';
import { aebCorpus, mean, quantile, snippetCorpus, type AebPage, type SnippetCounts } from './metrics';
import type { PageResult, PageTask } from './worker';
import { RULE_NAMES } from '../lib/clean/rules';
import { halfOf, HALVES } from './split';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: fileURLToPath(new URL('../../shared/corpus', import.meta.url)) },
    only: { type: 'string', default: 'aeb,trafilatura,readability,defuddle' },
    limit: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'no-ablation': { type: 'boolean', default: false },
    json: { type: 'string' },
    timeout: { type: 'string', default: '60' },
    repeat: { type: 'string', default: '3' },
    report: { type: 'string' },
  },
});

const corpora = values.only.split(',') as CorpusName[];
const limit = values.limit ? Number(values.limit) : Infinity;
const ablation = values['no-ablation'] ? [] : [...RULE_NAMES];
const timeoutMs = Number(values.timeout) * 1000;
const repeats = Math.max(1, Number(values.repeat));

// --report FILE prints the report again from a run saved with --json, without running anything.
const saved = values.report ? (JSON.parse(readFileSync(values.report, 'utf8')) as { summary: Record<string, unknown>; results: PageResult[] }) : undefined;
const pages: BenchPage[] = saved ? [] : corpora.flatMap((c) => loadCorpus(values.corpus, c, limit));
if (!saved) process.stderr.write(`${pages.length} pages from ${corpora.join(', ')}; ${values.workers} workers; ablation of ${ablation.length} rules\n`);

interface Failure {
  corpus: string;
  id: string;
  reason: string;
}

async function runAll(): Promise<{ results: PageResult[]; failures: Failure[]; peakRssMb: number }> {
  const results: PageResult[] = [];
  const failures: Failure[] = [];
  let next = 0;
  let peakRss = 0;
  const workerUrl = new URL('./worker.ts', import.meta.url);
  const spawn = () => new Worker(workerUrl, { execArgv: ['--import', 'tsx'] });
  const lane = async (): Promise<void> => {
    let worker = spawn();
    while (next < pages.length) {
      const page = pages[next++]!;
      const task: PageTask = { page, ablation: page.corpus === 'aeb' || page.corpus === 'trafilatura' ? ablation : [], repeats };
      const outcome = await new Promise<PageResult | { fatal: string } | 'timeout'>((resolve) => {
        const settle = (value: PageResult | { fatal: string } | 'timeout') => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          resolve(value);
        };
        const onMessage = (m: PageResult | { fatal: string }) => settle(m);
        const onError = (e: Error) => settle({ fatal: e.message });
        const timer = setTimeout(() => settle('timeout'), timeoutMs * (repeats + task.ablation.length));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.postMessage(task);
      });
      if (outcome === 'timeout' || 'fatal' in outcome) {
        failures.push({ corpus: page.corpus, id: page.id, reason: outcome === 'timeout' ? 'timeout' : outcome.fatal });
        await worker.terminate();
        worker = spawn();
      } else {
        results.push(outcome);
        for (const e of outcome.errors) failures.push({ corpus: page.corpus, id: page.id, reason: e });
      }
      peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
      if ((results.length + failures.length) % 50 === 0) process.stderr.write(`  ${results.length}/${pages.length}\n`);
    }
    await worker.terminate();
  };
  await Promise.all(Array.from({ length: Number(values.workers) }, lane));
  return { results, failures, peakRssMb: peakRss / 2 ** 20 };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

function table(head: string[], rows: (string | number)[][]): string {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

const started = Date.now();
const { results, failures, peakRssMb } = saved
  ? { results: saved.results, failures: (saved.summary.failures ?? []) as Failure[], peakRssMb: NaN }
  : await runAll();
const by = (c: CorpusName) => results.filter((r) => r.corpus === c);
const SYSTEMS = ['cleanCopy', 'readability', 'defuddle'] as const;
const LABEL = { cleanCopy: 'Clean Copy', readability: 'Readability 0.6 (plain)', defuddle: 'Defuddle 0.19 (linkedom)' };
const out: string[] = [];
const summary: Record<string, unknown> = {
  date: (saved?.summary.date as string | undefined) ?? new Date().toISOString(),
  machine:
    (saved?.summary.machine as string | undefined) ??
    `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
};

out.push(`Clean Copy benchmark — ${summary.date as string}, ${summary.machine as string}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

if (corpora.includes('aeb') || corpora.includes('trafilatura')) {
  const rows = SYSTEMS.map((s) => {
    const aeb = aebCorpus(by('aeb').map((r) => r.scores[s] as AebPage));
    const tr = snippetCorpus(by('trafilatura').map((r) => r.scores[s] as SnippetCounts));
    summary[s] = { aeb, trafilatura: tr };
    return [LABEL[s], f3(aeb.p), f3(aeb.r), `**${f3(aeb.f1)}**`, f3(tr.p), f3(tr.r), `**${f3(tr.f1)}**`, f3(tr.withKept), f3(tr.withoutAbsent)];
  });
  out.push(`### Quality on aeb (${by('aeb').length} pages) and trafilatura (${by('trafilatura').length} pages)\n`);
  out.push(table(['extractor', 'aeb P', 'aeb R', 'aeb F1', 'traf P', 'traf R', 'traf F1', 'with kept', 'without absent'], rows));
}

if (corpora.includes('readability')) {
  // Readability's suite includes parser tests with a handful of words; Clean Copy calls those "no article".
  const tiny = by('readability').filter((r) => r.truthWords !== undefined && r.truthWords < 30);
  const pagesR = by('readability').filter((r) => !tiny.includes(r));
  const kept = pagesR.map((r) => (r.scores.cleanCopy as AebPage).recall);
  const share = (k: 'title' | 'lang' | 'published' | 'byline') => pagesR.filter((r) => r.meta?.[k]).length / pagesR.length;
  out.push(
    `\n### Readability's test pages (${pagesR.length} of ${pagesR.length + tiny.length}; ${tiny.length} parser tests under 30 words left out, where Clean Copy says "No article found"): how much of Readability's expected text Clean Copy keeps\n`,
  );
  out.push(
    table(
      ['median kept', 'mean kept', 'worst page', 'pages below 90%', 'title agrees', 'byline agrees', 'lang agrees', 'date agrees'],
      [
        [
          f3(quantile(kept, 0.5)),
          f3(mean(kept)),
          f3(Math.min(...kept)),
          kept.filter((k) => k < 0.9).length,
          f3(share('title')),
          f3(share('byline')),
          f3(share('lang')),
          f3(share('published')),
        ],
      ],
    ),
  );
  const low = pagesR.filter((r) => (r.scores.cleanCopy as AebPage).recall < 0.9);
  if (low.length) out.push(`\nBelow 90%: ${low.map((r) => `${r.id} (${f3((r.scores.cleanCopy as AebPage).recall)})`).join(', ')}`);
  summary.readabilityPages = { medianKept: quantile(kept, 0.5), below90: low.map((r) => r.id) };
}

if (corpora.includes('defuddle')) {
  const pagesD = by('defuddle');
  const rows = SYSTEMS.map((s) => {
    const scores = pagesD.map((r) => r.scores[s] as AebPage);
    return [
      LABEL[s],
      f3(
        quantile(
          scores.map((x) => x.recall),
          0.5,
        ),
      ),
      f3(mean(scores.map((x) => x.recall))),
      f3(mean(scores.filter((x) => x.predicted).map((x) => 1 - x.precision))),
    ];
  });
  out.push(`\n### Defuddle's fixtures (${pagesD.length}): text of defuddle's expected output kept, and extra text kept\n`);
  out.push(table(['extractor', 'median kept', 'mean kept', 'mean extra'], rows));
}

{
  // The two fixed halves of every corpus (bench/split.ts): rules are tuned on one and judged on the other.
  const rows: (string | number)[][] = [];
  const halves: Record<string, Record<string, Record<string, number>>> = {};
  // Readability's parser tests under 30 words are left out of its pages, as in the table above.
  const scored = (corpus: string) => by(corpus as CorpusName).filter((r) => r.truthWords === undefined || r.truthWords >= 30);
  const add = (corpus: string, measure: string, of: (rs: PageResult[]) => number) => {
    const v = HALVES.map((h) => of(scored(corpus).filter((r) => halfOf(r.id) === h)));
    const n = HALVES.map((h) => scored(corpus).filter((r) => halfOf(r.id) === h).length);
    const d = v[1]! - v[0]!;
    rows.push([corpus, measure, `${f3(v[0]!)} (${n[0]})`, `${f3(v[1]!)} (${n[1]})`, Number.isFinite(d) ? `${d >= 0 ? '+' : ''}${d.toFixed(3)}` : '–']);
    (halves[corpus] ??= {})[measure] = { tune: v[0]!, judged: v[1]! };
  };
  const aeb = (s: (typeof SYSTEMS)[number], k: 'p' | 'r' | 'f1') => (rs: PageResult[]) => aebCorpus(rs.map((r) => r.scores[s] as AebPage))[k];
  const traf = (s: (typeof SYSTEMS)[number], k: 'f1' | 'withKept' | 'withoutAbsent') => (rs: PageResult[]) =>
    snippetCorpus(rs.map((r) => r.scores[s] as SnippetCounts))[k];
  if (corpora.includes('aeb')) {
    add('aeb', 'Clean Copy F1', aeb('cleanCopy', 'f1'));
    add('aeb', 'Clean Copy P', aeb('cleanCopy', 'p'));
    add('aeb', 'Clean Copy R', aeb('cleanCopy', 'r'));
    add('aeb', 'Readability F1', aeb('readability', 'f1'));
  }
  if (corpora.includes('trafilatura')) {
    add('trafilatura', 'Clean Copy F1', traf('cleanCopy', 'f1'));
    add('trafilatura', 'Clean Copy with kept', traf('cleanCopy', 'withKept'));
    add('trafilatura', 'Clean Copy without absent', traf('cleanCopy', 'withoutAbsent'));
    add('trafilatura', 'Readability F1', traf('readability', 'f1'));
  }
  if (corpora.includes('readability')) {
    add('readability', 'Clean Copy mean kept', (rs) => mean(rs.map((r) => (r.scores.cleanCopy as AebPage).recall)));
    for (const k of ['title', 'byline', 'published'] as const)
      add('readability', `${k === 'published' ? 'date' : k} agrees`, (rs) => rs.filter((r) => r.meta?.[k]).length / rs.length);
  }
  if (corpora.includes('defuddle')) {
    add('defuddle', 'Clean Copy mean kept', (rs) => mean(rs.map((r) => (r.scores.cleanCopy as AebPage).recall)));
    add('defuddle', 'Clean Copy mean extra', (rs) =>
      mean(rs.filter((r) => (r.scores.cleanCopy as AebPage).predicted).map((r) => 1 - (r.scores.cleanCopy as AebPage).precision)),
    );
  }
  if (rows.length) {
    out.push(`\n### The two halves of each corpus (fixed by a hash of the page id): tuned on "tune", judged on "judged" (pages in brackets)\n`);
    out.push(table(['corpus', 'measure', 'tune', 'judged', 'judged − tune'], rows));
    summary.halves = halves;
  }
}

const timed = results;
const col = (k: keyof PageResult['ms']) => timed.map((r) => r.ms[k]);
const ratio = timed.map((r) => r.ms.cleanCopy / r.ms.readability).filter(Number.isFinite);
out.push(
  `\n### Speed per page (${timed.length} pages, jsdom for parse, Readability and Clean Copy; ms; each page's time is the median of ${repeats} timings on fresh parses)\n`,
);
out.push(
  table(
    ['step', 'median', 'p95'],
    [
      ['(a) DOM parse (jsdom)', ms(quantile(col('parse'), 0.5)), ms(quantile(col('parse'), 0.95))],
      ['(b) plain Readability', ms(quantile(col('readability'), 0.5)), ms(quantile(col('readability'), 0.95))],
      ['(c) Clean Copy pipeline', ms(quantile(col('cleanCopy'), 0.5)), ms(quantile(col('cleanCopy'), 0.95))],
      ['Defuddle incl. its linkedom parse', ms(quantile(col('defuddle'), 0.5)), ms(quantile(col('defuddle'), 0.95))],
      [
        '(c)/(b) median of medians',
        f3(quantile(col('cleanCopy'), 0.5) / quantile(col('readability'), 0.5)),
        f3(quantile(col('cleanCopy'), 0.95) / quantile(col('readability'), 0.95)),
      ],
      ['(c)/(b) per page', f3(quantile(ratio, 0.5)), f3(quantile(ratio, 0.95))],
    ],
  ),
);
{
  const r = quantile(col('cleanCopy'), 0.5) / quantile(col('readability'), 0.5);
  out.push(`\nSpeed target: Clean Copy's median within 1.3× plain Readability's on the same documents: ${f3(r)}, ${r <= 1.3 ? 'met' : 'NOT met'}.`);
}
const ofSystem = (prefix: string) => failures.filter((f) => f.reason.startsWith(prefix));
const ours = failures.filter((f) => f.reason === 'timeout' || f.reason.startsWith('clean-copy') || !/^(?:readability|defuddle):/.test(f.reason));
out.push(`\nPeak memory of the benchmark process (both workers, every extractor): ${peakRssMb.toFixed(0)} MiB.`);
out.push(
  `Clean Copy crashes or timeouts: ${ours.length}${
    ours.length
      ? ' — ' +
        ours
          .slice(0, 10)
          .map((f) => `${f.corpus}/${f.id}: ${f.reason}`)
          .join('; ')
      : ''
  }. Readability errors: ${ofSystem('readability:').length}. Defuddle errors: ${ofSystem('defuddle:').length}.`,
);
summary.speed = {
  parseMedian: quantile(col('parse'), 0.5),
  readabilityMedian: quantile(col('readability'), 0.5),
  cleanCopyMedian: quantile(col('cleanCopy'), 0.5),
  ratioMedian: quantile(ratio, 0.5),
  ratioP95: quantile(ratio, 0.95),
};
summary.failures = failures;

if (ablation.length && by('aeb').length + by('trafilatura').length > 0) {
  const base = {
    aeb: aebCorpus(by('aeb').map((r) => r.scores.cleanCopy as AebPage)).f1,
    tr: snippetCorpus(by('trafilatura').map((r) => r.scores.cleanCopy as SnippetCounts)).f1,
  };
  const rows = ablation.map((rule) => {
    const aeb = aebCorpus(by('aeb').map((r) => (r.scores.ablation[rule] ?? r.scores.cleanCopy) as AebPage)).f1;
    const tr = snippetCorpus(by('trafilatura').map((r) => (r.scores.ablation[rule] ?? r.scores.cleanCopy) as SnippetCounts)).f1;
    return [
      rule,
      f3(aeb),
      `${aeb - base.aeb >= 0 ? '+' : ''}${(aeb - base.aeb).toFixed(3)}`,
      f3(tr),
      `${tr - base.tr >= 0 ? '+' : ''}${(tr - base.tr).toFixed(3)}`,
    ];
  });
  out.push(`\n### What each rule is worth: F1 with that rule switched off (all rules on: aeb ${f3(base.aeb)}, trafilatura ${f3(base.tr)})\n`);
  out.push(table(['rule off', 'aeb F1', 'Δ', 'trafilatura F1', 'Δ'], rows));
}

console.log(out.join('\n'));
if (values.json) writeFileSync(values.json, JSON.stringify({ summary, results }, null, 1));
