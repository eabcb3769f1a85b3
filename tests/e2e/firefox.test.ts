import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR, FirefoxExtension } from './support/firefox';
import { storedItems } from './support/library-store';
import { startServer, type FixtureServer } from './support/server';
import { expected, markdownText, norm } from '../fixtures/fortune/expected';
import { slugify } from '../../lib/export/filename';
import { ARTICLE } from '../../lib/library/library';

/**
 * The Firefox build's core flow in Debian's Firefox ESR: install, read a tab,
 * preview, save, export. The rest of the end-to-end suite covers the same
 * screens in depth in Chromium; this file shows the Firefox build does them too.
 */

/** The oldest Firefox ESR still supported (Debian's firefox-esr has been 140 and later). */
const OLDEST_ESR = 140;

let firefox: FirefoxExtension;
let server: FixtureServer;
let popup: Page;

beforeAll(async () => {
  server = await startServer();
  firefox = await FirefoxExtension.launch();
  const tab = await firefox.openTab(server.url('/fortune/wordpress.html'));
  popup = await firefox.openPopupFor(tab);
});

afterAll(async () => {
  // Nothing reached the proxy that stands in for every host but 127.0.0.1: not the page, the extension or Firefox.
  expect(firefox?.offsiteRequests ?? []).toEqual([]);
  await firefox?.close();
  await server?.close();
});

const text = (page: Page, testId: string) => page.$eval(`[data-testid=${testId}]`, (el) => (el as HTMLElement).innerText);

describe('the Firefox build', () => {
  it('admits Firefox ESR 140, the oldest ESR still supported, and later', () => {
    // This Firefox refused nothing: the add-on was installed in beforeAll, which fails on a minimum above its version.
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { strict_min_version: string } };
    };
    expect(Number.parseInt(manifest.browser_specific_settings.gecko.strict_min_version, 10)).toBeLessThanOrEqual(OLDEST_ESR);
  });

  it('reads the tab and previews the clean article', async () => {
    expect(await popup.$$eval('.notice-error', (notices) => notices.map((n) => n.textContent))).toEqual([]);
    expect(norm(await text(popup, 'title'))).toBe(expected.title);
    expect(norm(await text(popup, 'authors'))).toBe(expected.authors.join(', '));
    expect(norm(await text(popup, 'site'))).toBe('Fortune');
    expect(await text(popup, 'removed-summary')).toMatch(/^\d+ blocks? of clutter removed$/);
    const preview = norm(await popup.$eval('[data-testid=preview]', (el) => el.textContent ?? ''));
    for (const paragraph of expected.paragraphs) expect(preview).toContain(norm(paragraph));
    for (const clutter of expected.clutter) expect(preview).not.toContain(clutter);
  });

  it('saves the article to the library', async () => {
    expect(await text(popup, 'save')).toBe('Save');
    await popup.click('[data-testid=save]');
    await popup.waitForFunction(() => document.querySelector('[data-testid=save]')?.textContent?.startsWith('Saved'), { timeout: 15_000 });

    // Read back from the extension's storage in a page of its own, as the library page would.
    const library = await firefox.openExtensionPage('library.html');
    await library.waitForSelector('[data-testid=library-item]', { timeout: 15_000 });
    expect(norm(await library.$eval('[data-testid=library-item]', (el) => (el as HTMLElement).innerText))).toContain(expected.title);
    const stored = Object.entries(await storedItems(library, ARTICLE));
    expect(stored).toHaveLength(1);
    const [, article] = stored[0]! as [string, { title: string; siteName: string }];
    expect(article.title).toBe(expected.title);
    expect(article.siteName).toBe('Fortune');
    await library.close();
  });

  it('exports the article as a file in the download folder', async () => {
    const name = `${slugify(expected.title)}.md`;
    await popup.click('button[data-export="md"]');
    const file = await firefox.downloaded(name);
    expect(file.text.startsWith('---\n')).toBe(true);
    expect(file.text).toContain(`title: ${JSON.stringify(expected.title)}`);
    expect(file.text).toContain(`# ${expected.title}`);
    const body = markdownText(file.text);
    for (const paragraph of expected.paragraphs) expect(body).toContain(norm(paragraph));
    for (const clutter of ['Recommended Video', 'Read More:']) expect(body).not.toContain(clutter);
  });
});
