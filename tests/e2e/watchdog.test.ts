import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './support/browser';
import { type FixtureServer, startServer } from './support/server';

/** The popup's own wait for a tab (entrypoints/popup/read-tab.ts). */
const TAB_BUDGET_MS = 8000;
const BUSY_MS = 11_000;

/**
 * The seed story on a page that, once loaded, keeps its one thread busy for
 * longer than the popup waits: nothing injected into it can answer until the
 * loop ends. Then it is an ordinary page again.
 */
function busyPage(): string {
  const story = readFileSync(fileURLToPath(new URL('../fixtures/fortune/wordpress.html', import.meta.url)), 'utf8');
  const loop = `<script>addEventListener('load', () => setTimeout(() => { const end = Date.now() + ${BUSY_MS}; while (Date.now() < end) {} }, 50));</script>`;
  return story.replace('</body>', `${loop}</body>`);
}

let browser: ExtensionBrowser;
let server: FixtureServer;

// A browser of its own: a page that holds its thread would hold up other tests' pages sharing its process.
beforeAll(async () => {
  server = await startServer();
  server.route('/e2e/busy.html', busyPage());
  browser = await ExtensionBrowser.launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a tab that does not answer', () => {
  it('gets a plain message within the budget, and "Try again" reads it once it answers', async () => {
    const tab = await browser.openTab(server.url('/e2e/busy.html'));
    await tab.waitForTimeout(200);
    const { popup, clickedAt } = await browser.clickToolbarButton(tab);
    try {
      expect(await popup.text('[data-testid=notice]')).not.toMatch(/\S/); // still waiting: no verdict before the budget
      const shownAt = await popup.waitFor('[data-testid=notice].notice-error', TAB_BUDGET_MS + 5000);
      expect(shownAt - clickedAt).toBeGreaterThanOrEqual(TAB_BUDGET_MS - 500);
      expect(await popup.text('[data-testid=notice] p')).toMatch(/did not answer within 8 seconds/);
      expect(await popup.evaluate('document.querySelector("[data-testid=preview]") === null')).toBe(true);
      // The retry waits on the tab again, with a fresh budget, and shows the article once the page is free.
      await popup.evaluate('Array.from(document.querySelectorAll("[data-testid=notice] button")).find((b) => /try again/i.test(b.textContent)).click()');
      await popup.waitFor('[data-testid=preview]', TAB_BUDGET_MS + 5000);
      expect(await popup.text('[data-testid=title]')).toMatch(/^Secret U\.S\.-Russia talks/);
    } finally {
      await popup.close();
    }
  }, 60_000);
});
