// npm run bench:library [-- --count 10000 --pictured 1000] — the library at scale in real Chromium with the built extension.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, ExtensionBrowser } from '../e2e/support/browser';
import { startServer, type FixtureServer } from '../e2e/support/server';
import { generateArticles, seedLibrary } from '../e2e/support/library-data';
import { indexedArticleCount } from '../e2e/support/library-store';
import { PICTURE_HOSTS, pictureFootprint, seedPictureArticles, servePictures, setKeepPictures, withFigures } from './picture-bench';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    saves: { type: 'string', default: '15' },
    pictured: { type: 'string', default: '1000' },
    'picture-saves': { type: 'string', default: '7' },
  },
});
const COUNT = Number(values.count);
const SAVES = Number(values.saves);
/** Articles with 5 kept pictures each, added beside the text ones. */
const PICTURED = Number(values.pictured);
/** Saves of a page with 10 pictures, with and without keeping them. */
const PICTURE_SAVES = Number(values['picture-saves']);
/** Pictures on the page each timed save keeps. */
const FIGURES = 10;
/** Opens of the library timed for each first-paint figure of the pictures part. */
const PAINTS = 5;
const CANONICAL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const record = (measure: string, value: number, unit: string, limit?: number) =>
  rows.push({
    measure,
    value: `${value.toFixed(unit === 'MB' ? 1 : 0)} ${unit}`,
    target: limit === undefined ? '' : `≤ ${Math.round(limit)} ${unit}`,
    ok: limit === undefined ? null : value <= limit,
  });

/**
 * The real Save button in the popup for a page with its own canonical
 * address: the time from the click to the popup saying it is saved, which is
 * one read of the article's key and one write of its three keys.
 */
async function timeSave(browser: ExtensionBrowser, server: FixtureServer, amp: string, n: number, saved: number, figures = 0): Promise<number> {
  const path = `/bench/story-${n}.html`;
  server.route(
    path,
    (figures ? withFigures(amp, n, figures) : amp).replace(
      `<link rel="canonical" href="${CANONICAL}">`,
      `<link rel="canonical" href="https://bench.example/story/${n}">`,
    ),
  );
  const tab = await browser.openTab(server.url(path));
  const popup = await browser.openPopupFor(tab);
  try {
    // The popup counts the library when it opens; the click waits until the count is shown, as a reader's would.
    await popup
      .getByTestId('saved-tab')
      .filter({ hasText: `Saved (${saved})` })
      .waitFor({ timeout: 60_000 });
    return await popup.evaluate(`new Promise((done) => {
      const button = document.querySelector('[data-testid=save]');
      const start = performance.now();
      new MutationObserver(() => { if (/^Saved/.test(button.textContent)) done(performance.now() - start); }).observe(button, { childList: true, subtree: true, characterData: true });
      button.click();
    })`);
  } finally {
    await popup.close();
    await tab.close();
  }
}

/** Opens the library page and times navigation start → its list's first row drawn (a frame after it enters the DOM). */
async function openLibrary(browser: ExtensionBrowser): Promise<{ page: Page; paint: number }> {
  const page = await browser.ctx.newPage();
  try {
    await page.addInitScript(() => {
      new MutationObserver((_m, observer) => {
        if (!document.querySelector('[data-testid=library-item]')) return;
        observer.disconnect();
        requestAnimationFrame(() => ((window as unknown as { __firstRow: number }).__firstRow = performance.now()));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(browser.extensionUrl('library.html'));
    await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, undefined, { timeout: 60_000 });
    return { page, paint: await page.evaluate<number>('window.__firstRow') };
  } catch (e) {
    await page.close();
    throw e;
  }
}

/** The library's first paint, the page closed after. */
async function firstPaint(browser: ExtensionBrowser): Promise<number> {
  const { page, paint } = await openLibrary(browser);
  await page.close();
  return paint;
}

async function seedTo(_browser: ExtensionBrowser, page: Page, from: number, to: number): Promise<void> {
  const step = 500;
  for (let i = from; i < to; i += step) {
    await seedLibrary(
      page,
      generateArticles(Math.min(step, to - i), { textLength: 5000 + ((i * 7919) % 5000), start: Date.parse('2024-01-01T00:00:00Z') + i * 60_000 }).map(
        (r, k) => ({ ...r, ...renamed(r, i + k) }),
      ),
      250,
    );
    if ((i / step) % 4 === 0) log(`  seeded ${Math.min(i + step, to)}`);
  }
}

/** generateArticles numbers from 0 on every call; give each batch its own addresses and titles. */
function renamed(r: ReturnType<typeof generateArticles>[number], n: number) {
  const url = `https://news${n % 8}.example/story/${n}`;
  return { id: `g${n.toString(36)}`, url, canonicalUrl: url, title: r.title.replace(/report \d+$/, `report ${n}`) };
}

async function main(): Promise<void> {
  const server = await startServer();
  // The profile remembers the reader granting access to sites once, so "Keep pictures" can be turned on by a click.
  // A copy of the build, so building again while the bench runs cannot change the extension under it.
  const build = await mkdtemp(join(tmpdir(), 'clean-copy-bench-'));
  await cp(EXTENSION_DIR, build, { recursive: true });
  const browser = await ExtensionBrowser.launch(build, { grantedHosts: PICTURE_HOSTS });
  const amp = await readFile(resolve(import.meta.dirname, '../fixtures/fortune/amp.html'), 'utf8');
  try {
    await browser.clearStorage();
    const seedPage = await browser.ctx.newPage();
    await seedPage.goto(browser.extensionUrl('library.html'));

    // Save cost at 1, 1,000 and COUNT: median of SAVES saves through the popup at each point.
    const milestones = [0, 999, COUNT - SAVES].filter((m, i, all) => m >= 0 && all.indexOf(m) === i);
    let saved = 0;
    let serial = 0;
    const saveTimes: number[] = [];
    for (const at of milestones) {
      await seedTo(browser, seedPage, saved, at);
      // Let the storage settle (the browser compacts its database after a bulk write) before timing.
      if (at > saved) await new Promise((r) => setTimeout(r, 5000));
      saved = at;
      const times: number[] = [];
      for (let k = 0; k < SAVES; k++) times.push(await timeSave(browser, server, amp, serial++, at + k));
      saved += SAVES;
      saveTimes.push(median(times));
      log(`save #${at + 1}: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    }
    await seedTo(browser, seedPage, saved, COUNT);
    record(`save 1st article (median of ${SAVES})`, saveTimes[0]!, 'ms');
    record('save 1,000th article', saveTimes[1]!, 'ms', saveTimes[0]! * 1.5);
    record(`save ${COUNT.toLocaleString('en')}th article`, saveTimes.at(-1)!, 'ms', saveTimes[0]! * 1.5);
    await seedPage.close();

    const first = await openLibrary(browser);
    const indexStart = Date.now();
    await first.page.waitForFunction((n) => document.querySelector('[data-testid=library-count]')?.textContent?.startsWith(n), COUNT.toLocaleString('en'));
    await first.page.getByTestId('library-search').fill('harbour');
    await first.page.waitForSelector('[data-testid=search-state]', { state: 'detached', timeout: 600_000 });
    const firstIndexMs = Date.now() - indexStart;
    // Let the page store its index, then open it again as a reader would.
    const storedStamps = () => indexedArticleCount(first.page);
    for (let i = 0; i < 240 && (await storedStamps()) < COUNT; i++) await new Promise((r) => setTimeout(r, 500));
    await first.page.close();

    const paints: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < 3; i++) {
      await page?.close();
      const opened = await openLibrary(browser);
      page = opened.page;
      paints.push(opened.paint);
    }
    record('library open → first list paint (median of 3)', median(paints), 'ms', 100);
    const readyStart = Date.now();
    await page!.getByTestId('library-search').fill('a');
    await page!.waitForSelector('[data-testid=search-state]', { state: 'detached', timeout: 120_000 });
    record('first-ever index build (one time)', firstIndexMs, 'ms');
    record('stored index loaded on a later open', Date.now() - readyStart, 'ms');

    // Search: typing a query → the list redrawn with its results.
    const latencies: number[] = [];
    for (const q of ['harbour', 'council vote', 'ferry strike wage', 'climat', 'report 9999', 'tram', 'museum festival', 'zzznothing']) {
      latencies.push(
        await page!.evaluate(`new Promise((done) => {
          const input = document.querySelector('[data-testid=library-search]');
          const start = performance.now();
          input.value = ${JSON.stringify(q)};
          input.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
        })`),
      );
    }
    record('search latency (median of 8 queries)', median(latencies), 'ms', 50);
    record('search latency (slowest of 8)', Math.max(...latencies), 'ms');

    // Export everything as a ZIP of Markdown, sampling the page's JS heap while it runs.
    await page!.getByTestId('library-search').fill('');
    await page!.getByTestId('select-all').click();
    const cdp = await browser.ctx.newCDPSession(page!);
    await cdp.send('Performance.enable');
    const heap = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
    const baseline = await heap();
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const start = Date.now();
    let zip: Buffer;
    try {
      const [download] = await Promise.all([page!.waitForEvent('download', { timeout: 600_000 }), page!.getByTestId('export-selected').click()]);
      zip = await readFile(await download.path());
    } finally {
      sampling = false;
      await sampler.catch(() => undefined);
    }
    const exportMs = Date.now() - start;
    record(`export ${COUNT.toLocaleString('en')} to ZIP of Markdown`, exportMs, 'ms', 5000);
    record('  peak JS heap during export', peak, 'MB');
    record('  JS heap before export', baseline, 'MB');
    record('  ZIP size', zip.length / 2 ** 20, 'MB');
    await page!.close();

    if (PICTURED > 0 || PICTURE_SAVES > 0) await benchPictures(browser, server, amp, serial, COUNT);
  } finally {
    await browser.close();
    await server.close();
    await rm(build, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r.measure.length));
  const out = [
    `${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`,
    ...rows.map((r) => `${r.measure.padEnd(width)}  ${r.value.padStart(10)}  ${r.target}${r.ok === null ? '' : r.ok ? '  ok' : '  MISSED'}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * Saving a page with 10 pictures, with "Keep pictures" off (its links only:
 * the baseline) and on, at the library's full size; then PICTURED articles
 * with 5 kept pictures each beside the text ones, the library's first paint
 * against the one measured before them, and the pictures' footprint.
 */
async function benchPictures(browser: ExtensionBrowser, server: FixtureServer, amp: string, serial: number, saved: number): Promise<void> {
  // An extension page that does nothing of its own: it draws the pictures and writes the seeded ones.
  const openDrawer = async () => {
    const page = await browser.ctx.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    return page;
  };
  let drawer = await openDrawer();
  const saves = Array.from({ length: PICTURE_SAVES * 2 }, (_, k) => serial + k);
  const meanPicture = await servePictures(drawer, server, saves, FIGURES);
  log(`pictures: ${FIGURES} a page, ${(meanPicture / 1024).toFixed(0)} kB each on average`);

  const timed = async (keep: boolean, from: number) => {
    await setKeepPictures(browser, keep);
    const times: number[] = [];
    for (let k = 0; k < PICTURE_SAVES; k++) times.push(await timeSave(browser, server, amp, from + k, saved++, FIGURES));
    log(`save with ${FIGURES} pictures, keep ${keep ? 'on' : 'off'}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    return median(times);
  };
  const links = await timed(false, serial);
  const kept = await timed(true, serial + PICTURE_SAVES);
  record(`save page with ${FIGURES} pictures, links only (baseline, median of ${PICTURE_SAVES})`, links, 'ms');
  record(`save page with ${FIGURES} pictures, kept (median of ${PICTURE_SAVES})`, kept, 'ms', 1000);

  if (PICTURED > 0) {
    // First paint with and without the pictured articles, each after the same settling and the same warm-up open.
    const steadyPaints = async (total: number) => {
      // The storage settles after a bulk write; one open lets the list copy and the search index catch up, as the reader's next open would.
      await new Promise((r) => setTimeout(r, 10_000));
      const warm = await browser.ctx.newPage();
      await warm.goto(browser.extensionUrl('library.html'));
      await warm.waitForFunction((n) => document.querySelector('[data-testid=library-count]')?.textContent?.startsWith(n), total.toLocaleString('en'));
      await warm.getByTestId('library-search').fill('harbour');
      await warm.waitForSelector('[data-testid=search-state]', { state: 'detached', timeout: 600_000 });
      await warm.waitForTimeout(5000);
      await warm.close();
      const paints: number[] = [];
      for (let i = 0; i < PAINTS; i++) paints.push(await firstPaint(browser));
      log(`library first paint at ${total}: ${paints.map((t) => t.toFixed(0)).join(', ')} ms`);
      return median(paints);
    };
    const before = await pictureFootprint(drawer);
    await drawer.close();
    const paintWithout = await steadyPaints(saved);
    drawer = await openDrawer();
    const seedStart = Date.now();
    const separately = await seedPictureArticles(drawer, server, PICTURED, 5, serial + PICTURE_SAVES * 2);
    log(`seeded ${PICTURED} articles with 5 pictures each in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);
    const after = await pictureFootprint(drawer);
    await drawer.close();
    record(`${PICTURED.toLocaleString('en')} articles × 5 pictures: each article's counted apart`, separately / 2 ** 20, 'MB');
    record(
      `  footprint, a shared picture counted once (${(after.pictures - before.pictures).toLocaleString('en')} pictures)`,
      (after.bytes - before.bytes) / 2 ** 20,
      'MB',
    );
    const paintWith = await steadyPaints(saved + PICTURED);
    record(`library first paint, ${saved.toLocaleString('en')} articles (baseline, median of ${PAINTS})`, paintWithout, 'ms', 100);
    record(`library first paint, ${PICTURED.toLocaleString('en')} pictured articles more (median of ${PAINTS})`, paintWith, 'ms', 100);
  } else await drawer.close();
}

await main();
