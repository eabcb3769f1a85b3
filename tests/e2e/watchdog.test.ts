import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './support/browser';
import { type FixtureServer, startServer } from './support/server';

/** The popup's own wait for a tab (entrypoints/popup/read-tab.ts). */
const TAB_BUDGET_MS = 8000;
/** Longer than the budget plus a slow machine's click, shorter than the budget plus the retry. */
const BUSY_MS = 14_000;

/**
 * The seed story on a page that can be told to keep its one thread busy for
 * longer than the popup waits: nothing injected into it can answer until the
 * loop ends. Then it is an ordinary page again.
 */
function busyPage(): string {
  const story = readFileSync(fileURLToPath(new URL('../fixtures/fortune/wordpress.html', import.meta.url)), 'utf8');
  const loop = `<script>window.holdThread = (ms) => setTimeout(() => { const end = Date.now() + ms; while (Date.now() < end) {} }, 0);</script>`;
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
    // A toolbar click grants access to the tab (the browser waits on a busy tab to click, so this comes first).
    const first = await browser.openPopupFor(tab);
    const tabId = Number(new URL(first.url()).searchParams.get('tabId'));
    await first.close();

    await tab.evaluate(`holdThread(${BUSY_MS})`);
    const popup = await browser.ctx.newPage();
    const openedAt = Date.now();
    await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    const notice = popup.locator('[data-testid=notice].notice-error');
    await notice.waitFor({ timeout: TAB_BUDGET_MS + 5000 });
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(TAB_BUDGET_MS - 500);
    expect(await notice.locator('p').innerText()).toMatch(/did not answer within 8 seconds/);
    expect(await popup.getByTestId('preview').count()).toBe(0);
    // The retry waits on the tab again, with a fresh budget, and shows the article once the page is free.
    await notice.getByRole('button').click();
    await popup.getByTestId('preview').waitFor({ timeout: TAB_BUDGET_MS + 5000 });
    expect(await popup.getByTestId('title').innerText()).toMatch(/^Secret U\.S\.-Russia talks/);
  }, 60_000);
});
