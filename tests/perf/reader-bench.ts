// npm run bench:reader [-- --runs 7 --shots --baseline DIR] — the reader's speed targets in real Chromium with the built extension.
// --baseline: another build of the extension (e.g. the main branch's .output/chrome-mv3), timed in the same run,
// turn about with this one, for the popup and the reader.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ExtensionBrowser } from '../e2e/support/browser';
import { startServer } from '../e2e/support/server';
import { generateArticles, seedLibrary } from '../e2e/support/library-data';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, shots: { type: 'boolean', default: false }, baseline: { type: 'string' } },
});
const RUNS = Number(values.runs);
const ROOT = resolve(import.meta.dirname, '../..');
const WORDS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Row {
  measure: string;
  median: number;
  runs: number[];
  target?: number;
}
const rows: Row[] = [];

/** The toolbar popup: click → first paragraph of the preview, as a reader sees it. */
async function popupRun(browser: ExtensionBrowser, tab: Page): Promise<number> {
  const { popup, clickedAt } = await browser.clickToolbarButton(tab);
  try {
    return (await popup.waitFor('[data-testid=preview] p')) - clickedAt;
  } finally {
    await popup.close();
  }
}

/** The popup's Read button: click → first paragraph in the reader's tab (which cleans the page again on its own). */
async function readerRun(browser: ExtensionBrowser, tab: Page): Promise<number> {
  const popup = await browser.openPopupFor(tab);
  const opened = browser.ctx.waitForEvent('page', { timeout: 15_000 });
  const clickedAt = await popup.evaluate(() => {
    const at = Date.now();
    document.querySelector<HTMLButtonElement>('[data-testid=open-reader]')!.click();
    return at;
  });
  const reader = await opened;
  // The reader marks the frame after the one that first showed the article (its effect runs after that paint).
  await reader.waitForFunction(() => performance.getEntriesByName('clean-copy:article-shown').length > 0, undefined, { timeout: 15_000 });
  const shownAt = await reader.evaluate(() => {
    if (!document.querySelector('[data-testid=reader-body] p')) throw new Error('The reader shows no paragraph');
    return performance.timeOrigin + performance.getEntriesByName('clean-copy:article-shown')[0]!.startTime;
  });
  await reader.close();
  if (!popup.isClosed()) await popup.close();
  return shownAt - clickedAt;
}

/**
 * One typography change on the open reader: from the input event to the end
 * of the first frame that shows it (style, layout and paint of the whole
 * article). `change: null` times a frame with no change, the baseline.
 */
function timeChange(reader: Page, change: { testId: string; value: string } | null): Promise<number> {
  // A string, not a function: tsx would name the inner functions with a helper the page does not have.
  return reader.evaluate(`new Promise((done, fail) => {
    setTimeout(() => fail(new Error('The reader did not repaint within 5 s: is its tab in front?')), 5000);
    const c = ${JSON.stringify(change)};
    const root = document.documentElement;
    const look = () => root.dataset.theme + ' ' + root.dataset.font + ' ' + root.getAttribute('style');
    const before = look();
    const start = performance.now();
    if (c) {
      const input = document.querySelector('[data-testid=' + c.testId + ']');
      input.value = c.value;
      input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
    }
    // Each frame: once the page has taken the change, lay it out, and stop the clock in a task after that frame's paint.
    const frame = () => {
      if (c && look() === before) return requestAnimationFrame(frame);
      void document.body.offsetHeight;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now() - start);
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(frame);
  })`);
}

/** The i-th change of a list, or the one after it when the page already shows that value: every change must show. */
async function nextChange(reader: Page, list: { testId: string; value: string }[], i: number): Promise<{ testId: string; value: string }> {
  const change = list[i % list.length]!;
  const now = await reader.getByTestId(change.testId).inputValue();
  return now === change.value ? list[(i + 1) % list.length]! : change;
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await ExtensionBrowser.launch();
  const version = browser.ctx.browser()?.version() ?? '';
  try {
    await browser.clearStorage();
    const tab = await browser.openTab(server.url('/fortune/div-soup.html'));

    const base = values.baseline ? await ExtensionBrowser.launch(resolve(values.baseline)) : null;
    const baseTab = base ? await base.openTab(server.url('/fortune/div-soup.html')) : null;
    try {
      for (const [name, run, target] of [
        ['popup: toolbar click → first paragraph (seed page)', popupRun, 150],
        ['reader: Read button click → first paragraph (seed page)', readerRun, 300],
      ] as const) {
        log(name);
        // The baseline build may have no reader: it is timed for the popup only.
        const other = name.startsWith('popup') && base && baseTab ? ([base, baseTab] as const) : null;
        // One warm-up each: the first run loads the extension's pages from disk.
        await run(browser, tab);
        if (other) await run(...other);
        const mine: number[] = [];
        const theirs: number[] = [];
        // Turn about, so both builds see the same moments of a busy machine.
        for (let i = 0; i < RUNS; i++) {
          mine.push(await run(browser, tab));
          if (other) theirs.push(await run(...other));
        }
        rows.push({ measure: name, median: median(mine), runs: mine, target });
        if (other) rows.push({ measure: `${name}, baseline build`, median: median(theirs), runs: theirs });
      }
    } finally {
      await base?.close();
    }

    // Before the typography is changed below: the pictures show the default type.
    if (values.shots) {
      log('screenshots of the reader in three themes');
      const popup = await browser.openPopupFor(tab);
      const tabId = new URL(popup.url()).searchParams.get('tabId');
      await popup.close();
      const shot = await browser.ctx.newPage();
      await shot.setViewportSize({ width: 1100, height: 900 });
      await shot.goto(browser.extensionUrl(`reader.html?tabId=${tabId}`));
      await shot.waitForSelector('[data-testid=reader-body] p', { timeout: 15_000 });
      await shot.bringToFront();
      await shot.getByTestId('settings-toggle').click();
      for (const theme of ['light', 'sepia', 'dark']) {
        if (theme !== 'light') await shot.getByTestId('settings-toggle').click();
        await shot.getByTestId('setting-theme').selectOption(theme);
        await shot.waitForFunction((t) => document.documentElement.dataset.theme === t, theme, { timeout: 5_000 });
        // The panel closed again, so the picture shows the article.
        await shot.getByTestId('settings-toggle').click();
        await shot.screenshot({ path: resolve(ROOT, `docs/reader-${theme}.png`), timeout: 15_000 });
      }
    }
    // A saved article of 10,000 words, opened in the reader from storage.
    const [long] = generateArticles(1, { textLength: WORDS * 6.5 });
    const words = long!.textContent.split(/\s+/).filter(Boolean).length;
    const seed = await browser.ctx.newPage();
    await seed.goto(browser.extensionUrl('library.html'));
    await seedLibrary(seed, [long!]);
    await seed.close();
    const reader = await browser.ctx.newPage();
    await reader.goto(browser.extensionUrl(`reader.html?id=${encodeURIComponent(long!.id)}`));
    await reader.waitForSelector('[data-testid=reader-body] p', { timeout: 15_000 });
    // Frames are drawn only for the tab in front.
    await reader.bringToFront();
    await reader.getByTestId('settings-toggle').click();
    log(`typography on ${words} words`);
    const changes: [string, { testId: string; value: string }[]][] = [
      ['theme', ['sepia', 'dark', 'contrast', 'light'].map((value) => ({ testId: 'setting-theme', value }))],
      ['font', ['sans', 'mono', 'serif', 'mono'].map((value) => ({ testId: 'setting-font', value }))],
      ['size', ['22', '17', '24', '19'].map((value) => ({ testId: 'setting-size', value }))],
      ['line height', ['1.9', '1.4', '1.8', '1.6'].map((value) => ({ testId: 'setting-lineHeight', value }))],
      ['width', ['50', '90', '60', '70'].map((value) => ({ testId: 'setting-width', value }))],
    ];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await timeChange(reader, null));
    rows.push({ measure: `typography baseline: a frame with no change (${words} words)`, median: median(baseline), runs: baseline });
    for (const [name, list] of changes) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timeChange(reader, await nextChange(reader, list, i)));
      rows.push({ measure: `typography: ${name} → repainted (${words} words)`, median: median(times), runs: times, target: 50 });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`\nChromium ${version}, headless, ${RUNS} runs each (after one warm-up), medians in ms\n`);
  console.log('| measure | median | runs | target |');
  console.log('| --- | ---: | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.measure} | ${r.median.toFixed(0)} | ${r.runs.map((x) => x.toFixed(0)).join(', ')} | ${r.target === undefined ? 'comparison' : `≤ ${r.target} ${r.median <= r.target ? '✓' : '✗'}`} |`,
    );
}

await main();
