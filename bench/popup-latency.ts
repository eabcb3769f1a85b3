/**
 * Click → preview in the real toolbar popup, for this checkout's build and a
 * baseline build side by side in the same run (alternating, so both see the
 * same machine load). Prints medians and the ratio to the baseline.
 *
 *   npm run build && tsx bench/popup-latency.ts --baseline OTHER/.output/chrome-mv3 [--runs 9]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { allVectorsPage } from '../tests/e2e/support/all-vectors-page';
import { EXTENSION_DIR, ExtensionBrowser } from '../tests/e2e/support/browser';
import { startServer } from '../tests/e2e/support/server';
import { TIMED_OUT, withBudget } from '../lib/budget';

const { values } = parseArgs({ options: { baseline: { type: 'string' }, runs: { type: 'string', default: '9' } } });
if (!values.baseline) throw new Error('Give --baseline DIR: a built chrome-mv3 folder of the version to compare with.');
const runs = Number(values.runs);
/** Past this a click counts as a hang (and as this many ms in the figures). */
const LIMIT_MS = 15_000;

const hostile = allVectorsPage();
const pages: { name: string; path: string; html: string; csp?: string }[] = [
  {
    name: 'seed story (WordPress page)',
    path: '/bench/seed.html',
    html: readFileSync(resolve(import.meta.dirname, '../tests/fixtures/fortune/wordpress.html'), 'utf8'),
  },
  { name: 'seed story + 372 vectors, scripts off', path: '/bench/hostile-off.html', html: hostile, csp: "script-src 'none'" },
  { name: 'seed story + 372 vectors, scripts on', path: '/bench/hostile-on.html', html: hostile },
];

const server = await startServer();
for (const page of pages) server.route(page.path, page.html);
const builds = [
  { name: 'this build', dir: EXTENSION_DIR },
  { name: 'baseline', dir: resolve(values.baseline) },
];
const browsers = await Promise.all(builds.map((b) => ExtensionBrowser.launch(b.dir)));
for (const browser of browsers) {
  for (const page of pages.filter((p) => p.csp)) {
    await browser.ctx.route(`**${page.path}*`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp! }, body: page.html }),
    );
  }
}

const times = new Map<string, number[]>();
const outcomes = new Map<string, string>();
try {
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      // Each run starts with the other build, so neither always goes first.
      const order = run % 2 ? [...builds.entries()].reverse() : [...builds.entries()];
      for (const [i, build] of order) {
        const browser = browsers[i]!;
        const tab = await browser.openTab(server.url(page.path));
        await tab.waitForTimeout(200);
        const { popup, clickedAt } = await browser.clickToolbarButton(tab);
        const key = `${page.name}|${build.name}`;
        try {
          const shown = await withBudget(popup.waitFor('[data-testid=preview], [data-testid=notice].notice-error', LIMIT_MS), LIMIT_MS + 5000);
          if (shown === TIMED_OUT) throw new Error('no answer');
          const shownAt = shown;
          const preview = await popup.evaluate<boolean>('document.querySelector("[data-testid=preview]") !== null');
          outcomes.set(key, preview ? 'preview' : `message: ${(await popup.text('[data-testid=notice] p')).slice(0, 60)}`);
          times.set(key, [...(times.get(key) ?? []), shownAt - clickedAt]);
        } catch {
          outcomes.set(key, `nothing within ${LIMIT_MS / 1000} s`);
          times.set(key, [...(times.get(key) ?? []), LIMIT_MS]);
        } finally {
          // A popup or tab that no longer answers must not stop the run.
          await withBudget(popup.close(), 5000);
          await withBudget(tab.close(), 5000);
        }
      }
    }
  }
} finally {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`Click → preview in the toolbar popup, ${runs} runs each, builds alternating (ms)\n`);
console.log('| page | build | median | min | max | outcome | ratio to baseline |');
console.log('| --- | --- | ---: | ---: | ---: | --- | ---: |');
for (const page of pages) {
  const base = median(times.get(`${page.name}|baseline`) ?? [0]);
  for (const build of builds) {
    const xs = times.get(`${page.name}|${build.name}`) ?? [];
    const m = median(xs);
    console.log(
      `| ${page.name} | ${build.name} | ${m} | ${Math.min(...xs)} | ${Math.max(...xs)} | ${outcomes.get(`${page.name}|${build.name}`)} | ${(m / base).toFixed(2)} |`,
    );
  }
}
