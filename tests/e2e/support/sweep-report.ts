import { CORPORA } from './corpus';
import type { Outcome, PageResult } from './sweep-page';

const OUTCOMES: Outcome[] = ['article', 'message', 'hang', 'failed'];

/** The value below which `p` of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ms = (n: number | undefined) => (n === undefined ? '–' : `${n.toLocaleString('en')}`);

function timeRow(label: string, results: PageResult[], key: 'clickMs' | 'tabMs'): string {
  const times = results
    .filter((r) => r.outcome === 'article' || r.outcome === 'message')
    .map((r) => r[key])
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const cells = [0.5, 0.9, 0.99].map((p) => ms(percentile(times, p)));
  return `| ${label} | ${times.length} | ${cells.join(' | ')} | ${ms(times.at(-1))} |`;
}

function countRow(label: string, results: PageResult[]): string {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const errors = results.filter((r) => r.errors.length > 0).length;
  const blocked = results.reduce((n, r) => n + r.blockedTab + r.blockedExtension, 0);
  return `| ${label} | ${results.length} | ${OUTCOMES.map(count).join(' | ')} | ${errors} | ${blocked.toLocaleString('en')} |`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The sweep's findings as Markdown: times, outcomes per corpus, messages, the slowest pages, hangs, failures and errors. */
export function sweepReport(results: PageResult[]): string {
  const out: string[] = [];
  out.push('Times in ms, over the pages that showed their article or a message (a hang has no time).', '');
  out.push('| measured | pages | p50 | p90 | p99 | max |', '| --- | --: | --: | --: | --: | --: |');
  out.push(timeRow('toolbar click → article or message', results, 'clickMs'));
  out.push(timeRow('popup.html?tabId=N opened → article or message', results, 'tabMs'));
  for (const corpus of CORPORA) {
    const mine = results.filter((r) => r.corpus === corpus);
    if (mine.length) out.push(timeRow(`click → shown, ${corpus}`, mine, 'clickMs'));
  }
  out.push(
    '',
    '| corpus | pages | article | message | hang | failed | pages with errors | blocked requests |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
  );
  for (const corpus of CORPORA) {
    const mine = results.filter((r) => r.corpus === corpus);
    if (mine.length) out.push(countRow(corpus, mine));
  }
  out.push(countRow('**all**', results));

  const categories = new Map<string, PageResult[]>();
  for (const r of results.filter((r) => r.outcome === 'message')) categories.set(r.category!, [...(categories.get(r.category!) ?? []), r]);
  if (categories.size) {
    out.push('', '| message shown | pages | examples |', '| --- | --: | --- |');
    for (const [category, pages] of [...categories].sort((a, b) => b[1].length - a[1].length)) {
      const examples = pages
        .slice(0, 4)
        .map((p) => `${p.corpus}/${p.id}`)
        .join(', ');
      out.push(`| ${cell(category)} | ${pages.length} | ${cell(examples)}${pages.length > 4 ? ', …' : ''} |`);
    }
  }

  const slowest = results.filter((r) => r.clickMs !== undefined && r.outcome !== 'hang').sort((a, b) => b.clickMs! - a.clickMs!);
  out.push(
    '',
    'The 10 slowest pages (toolbar click → shown):',
    '',
    '| page | outcome | click → shown | popup.html → shown | words |',
    '| --- | --- | --: | --: | --: |',
  );
  for (const r of slowest.slice(0, 10)) {
    const what = r.outcome === 'message' ? `message: ${r.category}` : r.outcome;
    out.push(`| ${cell(`${r.corpus}/${r.id}`)} | ${cell(what)} | ${ms(r.clickMs)} | ${ms(r.tabMs)} | ${r.words ?? '–'} |`);
  }

  const listed = (title: string, rows: PageResult[], line: (r: PageResult) => string) => {
    out.push('', `${title}: ${rows.length === 0 ? 'none.' : ''}`);
    if (rows.length) out.push('', ...rows.map((r) => `- ${r.corpus}/${r.id}: ${cell(line(r))}`));
  };
  listed(
    'Hangs (neither the article nor a message within the limit)',
    results.filter((r) => r.outcome === 'hang' || r.tabOutcome === 'hang'),
    (r) => (r.outcome === 'hang' ? `toolbar popup still showed “${r.text || 'nothing'}”` : `popup.html?tabId still showed “${r.text || 'nothing'}”`),
  );
  listed(
    'Pages the sweep could not drive',
    results.filter((r) => r.outcome === 'failed'),
    (r) => r.text ?? '',
  );
  listed(
    'Errors in extension pages',
    results.filter((r) => r.errors.length > 0),
    (r) => r.errors.join('; ').slice(0, 300),
  );
  listed(
    'Toolbar popup and popup.html?tabId disagreed',
    results.filter((r) => r.tabOutcome && r.tabOutcome !== 'hang'),
    (r) => `${r.outcome} then ${r.tabOutcome}`,
  );
  listed(
    'Previews with U+FFFD (decoded with the wrong charset?)',
    results.filter((r) => (r.replacementChars ?? 0) > 0),
    (r) => `${r.replacementChars}`,
  );
  listed(
    'Tabs that crashed',
    results.filter((r) => r.tabCrashed),
    (r) => r.outcome,
  );
  listed(
    'Tabs that did not fire load within the limit (clicked anyway)',
    results.filter((r) => r.slowLoad),
    (r) => r.outcome,
  );
  return out.join('\n');
}
