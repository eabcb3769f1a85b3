import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session';

const session = useSession();
/** axe-core from npm, run inside each page: no network, no browser extension of its own. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations axe finds on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: Violation[] }> } }).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

let tabId = 0;

beforeAll(async () => {
  const tab = await session.browser.openTab(session.server.url('/fortune/div-soup.html'));
  const popup = await session.browser.openPopupFor(tab);
  tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
  await popup.getByTestId('save').click();
  await popup.waitForFunction(() => /✓/.test(document.querySelector('[data-testid=save]')?.textContent ?? ''));
  await popup.close();
});

describe('axe-core finds no serious or critical violation', () => {
  it('in the popup, with an article and with the Saved tab', async () => {
    const popup = await session.browser.openPopupForTabId(tabId);
    await popup.getByTestId('removed-summary').click();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByTestId('saved-tab').click();
    await popup.waitForSelector('[data-testid=saved-item]');
    expect(await seriousViolations(popup)).toEqual([]);
    // In dark mode, with a saved article opened from the list (the Saved ✓ button and the way back).
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.locator('[data-testid=saved-item] button.link').first().click();
    await popup.waitForSelector('[data-testid=back-to-page]');
    expect(await seriousViolations(popup), 'dark').toEqual([]);
  });

  it('in the reader, in each theme, with its panels open and in Remove mode', async () => {
    const reader = await session.browser.ctx.newPage();
    await reader.goto(session.browser.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    await reader.getByTestId('removed-summary').click();
    await reader.getByTestId('settings-toggle').click();
    for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
      await reader.getByTestId('setting-theme').selectOption(theme);
      expect(await seriousViolations(reader), theme).toEqual([]);
    }
    await reader.getByTestId('remove-mode').click();
    expect(await seriousViolations(reader)).toEqual([]);
  });

  it('in the library, with an article open', async () => {
    const library = await session.browser.ctx.newPage();
    await library.goto(session.browser.extensionUrl('library.html'));
    await library.waitForSelector('[data-testid=library-item]');
    expect(await seriousViolations(library)).toEqual([]);
    await library.locator('[data-testid=library-item] button.link').first().click();
    await library.waitForSelector('[data-testid=detail]');
    expect(await seriousViolations(library)).toEqual([]);
    // Dark, and a phone-wide window where the article covers the list.
    await library.emulateMedia({ colorScheme: 'dark' });
    await library.setViewportSize({ width: 390, height: 800 });
    expect(await seriousViolations(library), 'dark, 390 px').toEqual([]);
  });

  it('with highlights: the selection bar, the note editor, the list and the reading controls, in the reader and the library', async () => {
    const library = await session.browser.ctx.newPage();
    await library.goto(session.browser.extensionUrl('library.html'));
    await library.locator('[data-testid=library-item] button.link').first().click();
    await library.waitForSelector('[data-testid=detail] [data-testid=preview] p');
    const id = await library.locator('[data-testid=library-item]').first().getAttribute('data-id');
    // Select the first paragraph's words as a reader's drag would, then let go.
    await library.evaluate(() => {
      const p = document.querySelector('[data-testid=detail] [data-testid=preview] p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await library.waitForSelector('[data-testid=highlight-bar]');
    expect(await seriousViolations(library), 'selection bar').toEqual([]);
    await library.getByTestId('highlight-add-note').click();
    await library.getByTestId('highlight-note').fill('A note');
    expect(await seriousViolations(library), 'note editor').toEqual([]);
    await library.getByTestId('highlight-save').click();
    await library.waitForSelector('[data-testid=highlight-list]');
    await library.getByTestId('favourite').click();
    expect(await seriousViolations(library), 'list and controls').toEqual([]);

    const reader = await session.browser.ctx.newPage();
    await reader.goto(session.browser.extensionUrl(`reader.html?id=${id}`));
    await reader.waitForSelector('[data-testid=reader-body] mark[data-highlight]', { timeout: 15_000 });
    for (const theme of ['light', 'dark', 'contrast']) {
      await reader.getByTestId('settings-toggle').click();
      await reader.getByTestId('setting-theme').selectOption(theme);
      await reader.getByTestId('settings-toggle').click();
      await reader.locator('[data-testid=reader-body] mark[data-highlight]').first().click();
      await reader.waitForSelector('[data-testid=highlight-editor]');
      expect(await seriousViolations(reader), theme).toEqual([]);
      await reader.getByTestId('highlight-close').click();
    }
  });

  it('on the options page, with a rule listed', async () => {
    const reader = await session.browser.ctx.newPage();
    await reader.goto(session.browser.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    await reader.getByTestId('remove-mode').click();
    await reader.getByTestId('reader-body').locator('p').last().click();
    const options = await session.browser.ctx.newPage();
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid=rule]');
    expect(await seriousViolations(options)).toEqual([]);
    await options.getByTestId('rule-edit').click();
    expect(await seriousViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options), 'dark').toEqual([]);
  });
});
