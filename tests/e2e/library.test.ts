import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom, ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { expected, markdownText, norm } from '../fixtures/fortune/expected';
import { slugify } from '../../lib/export/filename';

let browser: ExtensionBrowser;
let server: FixtureServer;

const CANONICAL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/';
/** The AMP fixture, served with a canonical link of its own, so the library keeps it apart. */
const OTHER_CANONICAL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/amp-edition/';

beforeAll(async () => {
  server = await startServer();
  const amp = await readFile(resolve(import.meta.dirname, '../fixtures/fortune/amp.html'), 'utf8');
  expect(amp).toContain(`<link rel="canonical" href="${CANONICAL}">`);
  server.route('/variant/amp-own-canonical.html', amp.replace(`<link rel="canonical" href="${CANONICAL}">`, `<link rel="canonical" href="${OTHER_CANONICAL}">`));
  browser = await ExtensionBrowser.launch();
});

beforeEach(async () => {
  await browser.clearStorage();
});

afterEach(async () => {
  await browser.closePages();
});

afterAll(async () => {
  expect(browser?.offsiteResponses ?? []).toEqual([]);
  await browser?.close();
  await server?.close();
});

async function popupFor(path: string): Promise<Page> {
  return browser.openPopupFor(await browser.openTab(server.url(path)));
}

async function save(popup: Page): Promise<void> {
  await popup.getByTestId('save').click();
  await expect.poll(() => popup.getByTestId('save').innerText()).toMatch(/^Saved/);
}

async function savedItems(popup: Page) {
  await popup.getByTestId('saved-tab').click();
  return popup.getByTestId('saved-item');
}

describe('saving', () => {
  it('keeps the article across popups, does not duplicate it, and deletes it', async () => {
    const first = await popupFor('/fortune/div-soup.html');
    expect(await first.getByTestId('save').innerText()).toBe('Save');
    await save(first);
    expect(await first.getByTestId('saved-tab').innerText()).toBe('Saved (1)');
    await first.close();

    // A new popup for the same tab reads the library back from browser.storage.
    const second = await browser.reopen(first);
    expect(await second.getByTestId('save').innerText()).toMatch(/^Saved ✓/);
    expect(await second.getByTestId('saved-tab').innerText()).toBe('Saved (1)');
    let items = await savedItems(second);
    await expect.poll(() => items.count()).toBe(1);
    expect(norm(await items.first().locator('button.link').innerText())).toBe(expected.title);
    expect(await items.first().locator('.meta').innerText()).toMatch(/^Fortune · saved \d{1,2} \w+ \d{4}$/);

    // Saving again updates the one entry.
    await second.getByRole('button', { name: 'Article' }).click();
    await save(second);
    items = await savedItems(second);
    await expect.poll(() => second.getByTestId('saved-tab').innerText()).toBe('Saved (1)');
    expect(await items.count()).toBe(1);

    // The same story from another page shape (same canonical URL) is the same entry too.
    const wordpress = await popupFor('/fortune/wordpress.html');
    expect(await wordpress.getByTestId('save').innerText()).toMatch(/^Saved ✓/);
    await wordpress.getByTestId('save').click();
    // The list is read when the Saved tab opens, once the save it waits for is done.
    const wordpressItems = await savedItems(wordpress);
    await expect.poll(() => wordpressItems.count()).toBe(1);
    await wordpress.close();

    await items.first().getByRole('button', { name: `Delete ${expected.title}` }).click();
    await expect.poll(() => items.count()).toBe(0);
    expect(await second.getByTestId('saved-tab').innerText()).toBe('Saved (0)');
    await expect.poll(() => second.getByTestId('saved').innerText()).toContain('Nothing saved yet');

    // Gone from storage, not only from the list.
    const third = await browser.reopen(first);
    expect(await third.getByTestId('save').innerText()).toBe('Save');
    expect(await third.evaluate('chrome.storage.local.get(null).then((all) => Object.keys(all).length)')).toBe(0);
  });
});

describe('export all', () => {
  it('exports every saved article as one JSON file and as a ZIP of Markdown', async () => {
    const divSoup = await popupFor('/fortune/div-soup.html');
    await save(divSoup);
    const amp = await popupFor('/variant/amp-own-canonical.html');
    expect(await amp.getByTestId('save').innerText()).toBe('Save');
    await save(amp);
    const items = await savedItems(amp);
    await expect.poll(() => items.count()).toBe(2);

    const dayBefore = new Date().toISOString().slice(0, 10);
    const json = await downloadFrom(amp, () => amp.getByTestId('export-all-json').click());
    const dayAfter = new Date().toISOString().slice(0, 10);
    expect(json.name).toMatch(/^clean-copy-\d{4}-\d{2}-\d{2}\.json$/);
    expect([dayBefore, dayAfter]).toContain(json.name.slice(11, 21));
    const doc = JSON.parse(json.text) as { format: string; version: number; articles: { title: string; canonicalUrl: string; authors: string[]; contentHtml: string }[] };
    expect(doc.format).toBe('clean-copy');
    expect(doc.version).toBe(1);
    expect(doc.articles).toHaveLength(2);
    expect(doc.articles.map((a) => a.canonicalUrl).sort()).toEqual([CANONICAL, OTHER_CANONICAL].sort());
    for (const article of doc.articles) {
      expect(article.title).toBe(expected.title);
      expect(article.authors).toEqual(expected.authors);
      expect(article.contentHtml.length).toBeGreaterThan(5000);
    }

    const zip = await downloadFrom(amp, () => amp.getByTestId('export-all-zip').click());
    expect(zip.name).toMatch(/^clean-copy-md-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(zip.bytes));
    const slug = slugify(expected.title);
    // Two articles with one title: the second file name gets a number.
    expect(Object.keys(entries).sort()).toEqual([`${slug}-2.md`, `${slug}.md`]);
    for (const [name, bytes] of Object.entries(entries)) {
      const md = strFromU8(bytes);
      expect(md.startsWith('---\n'), name).toBe(true);
      expect(md).toContain(`title: ${JSON.stringify(expected.title)}`);
      const body = markdownText(md);
      for (const paragraph of expected.paragraphs) expect(body).toContain(norm(paragraph));
    }
  });

  it('says there is nothing to export when the library is empty', async () => {
    const popup = await popupFor('/fortune/wordpress.html');
    await savedItems(popup);
    let downloads = 0;
    popup.on('download', () => downloads++);
    await popup.getByTestId('export-all-json').click();
    await expect.poll(() => popup.getByTestId('notice').innerText()).toContain('Nothing saved yet to export.');
    expect(downloads).toBe(0);
  });
});
