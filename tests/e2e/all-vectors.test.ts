import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_FORMATS } from '../../lib/export/bulk-formats';
import { FORMATS } from '../../lib/export/formats';
import { ACTIVE_ELEMENTS, activeContent, previewActiveContent, URL_ATTRIBUTES } from './support/active-content';
import { allVectorsPage, sharedVectors } from './support/all-vectors-page';
import { type DownloadedFile, downloadFrom, ExtensionBrowser } from './support/browser';
import { type FixtureServer, startServer } from './support/server';

/** The popup's own wait for a tab (entrypoints/popup/read-tab.ts), and the slack a busy test machine needs on top. */
const TAB_BUDGET_MS = 8000;
const SLACK_MS = 4000;
const TITLE = 'Secret U.S.-Russia talks led to plan that blindsided Ukraine';
const html = allVectorsPage();

/**
 * Watches every extension page from before its first script: each Content
 * Security Policy violation and each uncaught error is kept in a list the
 * test reads back. Extension pages only; the hostile page may do as it likes.
 */
const WATCH = `
  if (location.protocol === 'chrome-extension:') {
    const seen = [];
    Object.defineProperty(window, '__ccWatch', { value: seen });
    addEventListener('securitypolicyviolation', (e) => seen.push('csp ' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample + ' ' + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 80) : '')), true);
    // Uncaught errors only: a picture that fails to load fires a plain Event here too.
    addEventListener('error', (e) => { if (e instanceof ErrorEvent) seen.push('error ' + e.message); }, true);
    addEventListener('unhandledrejection', (e) => seen.push('rejection ' + e.reason), true);
  }`;

/** Markup in exported text that a Markdown viewer or an HTML reader could act on. */
const ACTIVE_TEXT =
  /<(?:script|iframe|object|embed|form|svg|style|base|meta|link)\b|\son[a-z]+\s*=|\]\(\s*<?\s*(?:javascript|vbscript|data:text)|(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)/i;

function activeInHtml(markup: string, contentType: 'text/html' | 'application/xhtml+xml' = 'text/html'): string[] {
  const { document } = new JSDOM(markup, { contentType }).window;
  const scripts = Array.from(document.querySelectorAll('script')).map(() => '<script>');
  return [...scripts, ...activeContent(document.body ?? document.documentElement, ACTIVE_ELEMENTS, URL_ATTRIBUTES)];
}

/** Each exported file checked as what it is: pages and chapters as documents, the rest as text. */
function activeInFile(name: string, bytes: Uint8Array): string[] {
  if (name.endsWith('.html')) return activeInHtml(strFromU8(bytes)).map((f) => `${name}: ${f}`);
  if (name.endsWith('.xhtml')) return activeInHtml(strFromU8(bytes), 'application/xhtml+xml').map((f) => `${name}: ${f}`);
  if (name.endsWith('.json')) {
    const doc = JSON.parse(strFromU8(bytes)) as { articles: { contentHtml: string; canonicalUrl: string; url: string }[] };
    return doc.articles.flatMap((a) => [
      ...activeInHtml(a.contentHtml).map((f) => `${name}: ${f}`),
      ...[a.url, a.canonicalUrl].filter((u) => u && !/^https?:/.test(u)).map((u) => `${name}: address ${u}`),
    ]);
  }
  if (name.endsWith('.zip') || name.endsWith('.epub')) {
    return Object.entries(unzipSync(bytes)).flatMap(([inner, content]) => activeInFile(inner, content));
  }
  // A book's package files are XML data with their own <meta>: only script and script addresses count there.
  if (/\.(?:opf|ncx|xml)$|^mimetype$/.test(name)) return /<script\b|javascript:|vbscript:/i.test(strFromU8(bytes)) ? [`${name}: script`] : [];
  // Plain text is never markup: a reader sees "<svg>" as the page wrote it.
  if (name.endsWith('.txt')) return [];
  // Front matter is YAML data, quoted; a Markdown viewer does not render it as markup.
  const text = strFromU8(bytes).replace(/^---\n[\s\S]*?\n---\n/, '');
  return ACTIVE_TEXT.test(text) ? [`${name}: ${text.match(ACTIVE_TEXT)![0]}`] : [];
}

for (const scripts of ['off', 'on'] as const) {
  describe(`the seed story with all ${sharedVectors().length} shared vectors in it, the page's scripts ${scripts}`, () => {
    let browser: ExtensionBrowser;
    let server: FixtureServer;
    let tab: Page;
    let popup: Page;
    let previewText = '';
    let phase: 'load' | 'extension' = 'load';
    const dialogs: string[] = [];
    const extensionPages: Page[] = [];

    async function watched(page: Page): Promise<string[]> {
      return page.evaluate('Array.from(window.__ccWatch ?? ["the watch did not start"])');
    }

    beforeAll(async () => {
      server = await startServer();
      server.route('/e2e/all-vectors.html', html);
      browser = await ExtensionBrowser.launch();
      await browser.ctx.addInitScript(WATCH);
      browser.ctx.on('page', (page) => {
        page.on('dialog', (dialog: Dialog) => {
          dialogs.push(`${phase} ${page.url()}: ${dialog.type()}`);
          void dialog.dismiss().catch(() => undefined);
        });
      });
      if (scripts === 'off') {
        await browser.ctx.route('**/e2e/all-vectors.html*', (route) =>
          route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" }, body: html }),
        );
      }
      tab = await browser.openTab(server.url('/e2e/all-vectors.html'));
      await tab.waitForTimeout(300);
      phase = 'extension';
    });

    afterAll(async () => {
      expect(browser?.offsiteResponses ?? []).toEqual([]);
      await browser?.close();
      await server?.close();
    });

    it('answers the toolbar click with the article within the popup’s budget', async () => {
      const { popup: toolbar, clickedAt } = await browser.clickToolbarButton(tab);
      try {
        await toolbar.waitFor('[data-testid=preview], [data-testid=notice].notice-error', TAB_BUDGET_MS + SLACK_MS);
        const elapsed = Date.now() - clickedAt;
        expect(elapsed).toBeLessThan(TAB_BUDGET_MS + SLACK_MS);
        expect(await toolbar.evaluate('document.querySelector("[data-testid=preview]") !== null')).toBe(true);
        expect((await toolbar.text('[data-testid=title]')).startsWith(TITLE)).toBe(true);
      } finally {
        await toolbar.close();
      }
    });

    it('previews the story as text, with nothing active in the preview', async () => {
      popup = await browser.openPopupFor(tab);
      extensionPages.push(popup);
      expect((await popup.getByTestId('title').innerText()).startsWith(TITLE)).toBe(true);
      previewText = await popup.getByTestId('preview').innerText();
      expect(previewText.length).toBeGreaterThan(500);
      expect(await previewActiveContent(popup)).toEqual([]);
    });

    it('exports every format of the popup with no active content', async () => {
      // The file of highlights alone is offered only for a saved copy that has some; a page's article has none.
      for (const format of Object.keys(FORMATS).filter((f) => f !== 'highlights')) {
        const file: DownloadedFile = await downloadFrom(popup, () => popup.locator(`button[data-export="${format}"]`).click());
        expect(file.bytes.length).toBeGreaterThan(500);
        expect(activeInFile(file.name, new Uint8Array(file.bytes))).toEqual([]);
      }
    });

    it('saves it, opens it from the library page, and exports every library format with no active content', async () => {
      await popup.getByTestId('save').click();
      await popup.getByTestId('saved-tab').click();
      await popup.getByTestId('saved-item').first().waitFor();
      const library = await browser.ctx.newPage();
      extensionPages.push(library);
      await library.goto(browser.extensionUrl('library.html'));
      await library.getByTestId('library-item').first().locator('button.link').click();
      await library.getByTestId('detail').getByTestId('preview').waitFor();
      await expect.poll(() => library.getByTestId('detail').getByTestId('preview').innerText()).toBe(previewText);
      expect(
        await library.getByTestId('detail').evaluate((el) => Array.from(el.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!)),
      ).not.toContainEqual(expect.stringMatching(/^\s*(?:javascript|vbscript|data):/i));
      expect(await previewActiveContent(library)).toEqual([]);
      await library.getByTestId('select-all').click();
      for (const { id } of BULK_FORMATS) {
        await library.getByTestId('export-format').selectOption(id);
        const file = await downloadFrom(library, () => library.getByTestId('export-selected').click());
        expect(activeInFile(file.name, new Uint8Array(file.bytes))).toEqual([]);
      }
    });

    it('ran nothing in any extension page: no dialog, no global, no policy violation, no uncaught error', async () => {
      await popup.waitForTimeout(500);
      expect(dialogs.filter((d) => d.startsWith('extension '))).toEqual([]);
      for (const page of extensionPages) expect(await watched(page)).toEqual([]);
      // The globals of a popup that showed the hostile story are those of one that showed nothing.
      const blank = await browser.ctx.newPage();
      await blank.goto(browser.extensionUrl('popup.html?tabId=-1'));
      await blank.locator('main').waitFor();
      const globals = (page: Page) => page.evaluate('Object.getOwnPropertyNames(window)') as Promise<string[]>;
      const usual = new Set(await globals(blank));
      expect((await globals(popup)).filter((name) => !usual.has(name))).toEqual([]);
      // The watch itself works: an inline handler added to the popup now is reported.
      await popup.evaluate('document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=1>")');
      await expect.poll(() => watched(popup)).toContainEqual(expect.stringMatching(/^csp script-src/));
    });
  });
}
