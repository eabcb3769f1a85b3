import { JSDOM } from 'jsdom';
import type { ConsoleMessage, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom, ExtensionBrowser, type DownloadedFile } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { expected, norm } from '../fixtures/fortune/expected';
import { hostilePage, vectors } from './support/hostile-page';
import { ACTIVE_ELEMENTS, activeContent, previewActiveContent, URL_ATTRIBUTES } from './support/active-content';

let browser: ExtensionBrowser;
let server: FixtureServer;
let tab: Page;
let popup: Page;
let previewText: string;

/** What happened in which page, and in which phase: "load" is the hostile page on its own, "extension" is after the click. */
let phase: 'load' | 'extension' = 'load';
const dialogs: string[] = [];
const consoleLines: string[] = [];

function watch(page: Page) {
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${phase} ${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message: ConsoleMessage) => consoleLines.push(`${phase} ${page.url()}: ${message.type()} ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`${phase} ${page.url()}: pageerror ${error.message}`));
}

beforeAll(async () => {
  server = await startServer();
  server.route('/e2e/hostile.html', hostilePage());
  browser = await ExtensionBrowser.launch();
  browser.ctx.on('page', watch);

  tab = await browser.openTab(server.url('/e2e/hostile.html'));
  // The page runs its own vectors as it loads: that is the page's business, not the extension's. Let it settle.
  await tab.waitForLoadState('networkidle');
  await tab.waitForTimeout(300);
  phase = 'extension';
  await tab.evaluate('window.__phase = "extension"');

  popup = await browser.openPopupFor(tab);
  await popup.getByTestId('preview').waitFor();
});

afterAll(async () => {
  expect(browser?.offsiteResponses ?? []).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe(`an article laced with ${vectors.length} XSS vectors`, () => {
  it('is still whole in the page itself (the fixture is sound)', async () => {
    const text = norm((await tab.locator('article').evaluate((el) => el.textContent)) ?? '');
    for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
  });

  it('comes through as text in the popup, with nothing active left in the preview', async () => {
    expect(norm(await popup.getByTestId('title').innerText())).toBe(expected.title);
    previewText = norm(await popup.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    for (const paragraph of expected.paragraphs) expect(previewText).toContain(norm(paragraph));
    expect(await previewActiveContent(popup)).toEqual([]);
  });

  it('stays inert when saved and opened again from the library', async () => {
    await popup.getByTestId('save').click();
    await popup.getByTestId('saved-tab').click();
    await popup.getByTestId('saved-item').first().locator('button.link').click();
    await popup.getByTestId('preview').waitFor();
    expect(norm(await popup.getByTestId('preview').evaluate((el) => el.textContent ?? ''))).toBe(previewText);
    expect(await previewActiveContent(popup)).toEqual([]);
  });

  it('exports HTML with nothing active in it', async () => {
    const html = await downloadFrom(popup, () => popup.locator('button[data-export="html"]').click());
    const { document } = new JSDOM(html.text).window;
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(activeContent(document.querySelector('article')!, ACTIVE_ELEMENTS, URL_ATTRIBUTES)).toEqual([]);
  });

  let markdown: DownloadedFile;
  it('exports Markdown with no script links', async () => {
    markdown = await downloadFrom(popup, () => popup.locator('button[data-export="md"]').click());
    expect(markdown.text).not.toMatch(/\]\(\s*<?\s*(?:javascript|vbscript|data:text)/i);
    for (const paragraph of expected.paragraphs.slice(0, 3)) expect(norm(markdown.text)).toContain(norm(paragraph));
  });

  // Markdown viewers that pass inline HTML through would turn raw tags back into markup: alt and title text included.
  it('exports Markdown with no raw HTML tags, alt and title text included', () => {
    expect(markdown.text).not.toMatch(/<(?:script|iframe|object|embed|img|svg|math|style|form|a)\b/i);
  });

  it('ran no script: no dialog, no alert() in the page after the click, no blocked inline script in the extension', async () => {
    // Late events (image errors, toggles, frame loads) get time to fire first.
    await popup.waitForTimeout(500);
    const pageHits = (await tab.evaluate('window.__hits')) as string[];
    expect(pageHits.filter((hit) => !hit.startsWith('load:'))).toEqual([]);
    expect(dialogs.filter((d) => !d.startsWith('load '))).toEqual([]);
    const extensionLines = consoleLines.filter((line) => line.includes(`chrome-extension://${browser.extensionId}/`));
    expect(extensionLines.filter((line) => /XSS-HIT|Content Security Policy|violates|Refused to|pageerror/i.test(line))).toEqual([]);
    expect(consoleLines.filter((line) => line.startsWith('extension ') && line.includes('XSS-HIT'))).toEqual([]);
    // The instrumentation works: the hostile page did run some of its own vectors while loading.
    expect(pageHits.length + dialogs.length).toBeGreaterThan(0);
  });
});
