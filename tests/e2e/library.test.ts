import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom, ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { clearLibraryStore, storedItems } from './support/library-store';
import { openLibraryPage } from './support/library-data';
import { expected, markdownText, norm } from '../fixtures/fortune/expected';
import { slugify } from '../../lib/export/filename';

let browser: ExtensionBrowser;
let server: FixtureServer;
let ampPage: string;

const CANONICAL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/';
/** The AMP fixture, served with a canonical link of its own, so the library keeps it apart. */
const OTHER_CANONICAL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/amp-edition/';

beforeAll(async () => {
  server = await startServer();
  const amp = await readFile(resolve(import.meta.dirname, '../fixtures/fortune/amp.html'), 'utf8');
  ampPage = amp;
  expect(amp).toContain(`<link rel="canonical" href="${CANONICAL}">`);
  server.route(
    '/variant/amp-own-canonical.html',
    amp.replace(`<link rel="canonical" href="${CANONICAL}">`, `<link rel="canonical" href="${OTHER_CANONICAL}">`),
  );
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

    await items
      .first()
      .getByRole('button', { name: `Delete ${expected.title}` })
      .click();
    await expect.poll(() => items.count()).toBe(0);
    expect(await second.getByTestId('saved-tab').innerText()).toBe('Saved (0)');
    await expect.poll(() => second.getByTestId('saved').innerText()).toContain('Nothing saved yet');

    // Gone from storage, not only from the list.
    const third = await browser.reopen(first);
    expect(await third.getByTestId('save').innerText()).toBe('Save');
    expect(await storedItems(third)).toEqual({});
  });

  it('keeps a title renamed in the library when the page is saved again, and says so before the save', async () => {
    const popup = await popupFor('/fortune/div-soup.html');
    await save(popup);
    await expect.poll(() => popup.getByTestId('resave-changes').innerText()).toBe('The page reads as it was saved.');

    const library = await openLibraryPage(browser);
    await library.getByRole('button', { name: expected.title, exact: true }).click();
    await library.getByTestId('edit-title').fill('My Fortune piece');
    await library.getByTestId('edit-save').click();
    await expect.poll(() => library.getByTestId('edit-status').innerText()).toBe('Changes saved.');

    const again = await browser.reopen(popup);
    await expect.poll(() => again.getByTestId('resave-changes').innerText()).toContain('Keeps your title “My Fortune piece” (the page now says');
    const entry = async () => Object.values(await storedItems(again, 'entry:'))[0] as { title: string; updatedAt: string };
    const before = await entry();
    await again.getByTestId('save').click();
    await expect.poll(async () => (await entry()).updatedAt).not.toBe(before.updatedAt);
    expect((await entry()).title).toBe('My Fortune piece');
  });
});

describe('saving under pressure', () => {
  /** The AMP fixture under its own canonical address `n`, so each is a different article. */
  const story = (n: number) => {
    const path = `/variant/story-${n}.html`;
    server.route(path, ampPage.replace(`<link rel="canonical" href="${CANONICAL}">`, `<link rel="canonical" href="https://fortune.example/story/${n}">`));
    return path;
  };

  it('keeps all five articles saved from five tabs at the same moment', async () => {
    const popups: Page[] = [];
    for (const n of [1, 2, 3, 4, 5]) popups.push(await popupFor(story(n)));
    // Every click is made before any save can finish.
    await Promise.all(popups.map((p) => p.evaluate(`document.querySelector('[data-testid=save]').click()`)));
    for (const p of popups) await expect.poll(() => p.getByTestId('save').innerText()).toMatch(/^Saved/);
    const entries = await storedItems(popups[0]!, 'entry:');
    expect(
      Object.values(entries)
        .map((e) => (e as { canonicalUrl: string }).canonicalUrl)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5].map((n) => `https://fortune.example/story/${n}`));
    const fresh = await browser.reopen(popups[0]!);
    expect(await fresh.getByTestId('saved-tab').innerText()).toBe('Saved (5)');
  });

  it('says so when the storage refuses a write, keeps the article in the popup to retry, and touches nothing saved', async () => {
    const first = await popupFor(story(1));
    await save(first);
    const before = await storedItems(first);
    const popup = await popupFor(story(2));
    // Every write into the library database fails as a full disk or quota would.
    await popup.evaluate(`globalThis.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }`);
    await popup.getByTestId('save').click();
    const alert = popup.locator('[data-testid=notice].notice-error');
    await expect.poll(() => alert.innerText()).toContain('storage for Clean Copy is full');
    expect(await alert.innerText()).toContain('The article is still here; try again.');
    expect(await popup.getByTestId('save').innerText()).toBe('Save');
    expect(norm(await popup.getByTestId('preview').innerText())).toContain(norm(expected.paragraphs[0]!));
    expect(await storedItems(popup)).toEqual(before);
    expect(await popup.getByTestId('saved-tab').innerText()).toBe('Saved (1)');

    // Space again: the same popup saves on the next click.
    await popup.evaluate('IDBObjectStore.prototype.put = globalThis.realPut');
    await save(popup);
    expect(await popup.getByTestId('saved-tab').innerText()).toBe('Saved (2)');
    expect(Object.keys(await storedItems(popup, 'entry:'))).toHaveLength(2);
  });
});

describe('a library saved by an earlier version in storage.local', () => {
  it('moves into the library database when a page opens, and nothing is left behind or lost', async () => {
    const popup = await popupFor('/fortune/div-soup.html');
    // The library as version 0.1 kept it: every key in storage.local, beside a setting.
    const old = Object.fromEntries(
      [1, 2].flatMap((n) => {
        const id = `old${n}`;
        const entry = {
          id,
          title: `Kept story ${n}`,
          siteName: 'Old Site',
          authors: [],
          url: `https://old.example/${n}`,
          canonicalUrl: `https://old.example/${n}`,
          publishedTime: '',
          savedAt: `2025-0${n}-01T00:00:00.000Z`,
          updatedAt: `2025-0${n}-01T00:00:00.000Z`,
          wordCount: 3,
          tags: ['kept'],
        };
        return [
          [`entry:${id}`, entry],
          [
            `article:${id}`,
            {
              ...entry,
              schemaVersion: 2,
              contentHtml: `<p>Old body ${n}</p>`,
              textContent: `Old body ${n}`,
              excerpt: '',
              lang: 'en',
              dir: 'ltr',
              readingMinutes: 1,
              removed: [],
              notes: '',
            },
          ],
        ];
      }),
    );
    await popup.evaluate(async (items) => {
      const { local } = (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void>; set(i: object): Promise<void> } } } }).chrome.storage;
      await local.clear();
      await local.set({ ...items, frontMatterTemplate: 'title: {{title}}' });
    }, old);
    await clearLibraryStore(popup);

    const next = await browser.reopen(popup);
    expect(await next.getByTestId('saved-tab').innerText()).toBe('Saved (2)');
    const items = await savedItems(next);
    await expect.poll(() => items.allInnerTexts()).toEqual([expect.stringContaining('Kept story 2'), expect.stringContaining('Kept story 1')]);
    expect(Object.keys(await storedItems(next)).sort()).toEqual(['article:old1', 'article:old2', 'entry:old1', 'entry:old2']);
    expect(await next.evaluate('chrome.storage.local.get(null)')).toEqual({ frontMatterTemplate: 'title: {{title}}', 'library:home': 'indexeddb' });
    await items.first().locator('button.link').click();
    await expect.poll(() => next.getByTestId('preview').innerText()).toContain('Old body 2');
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
    const doc = JSON.parse(json.text) as {
      format: string;
      version: number;
      articles: { title: string; canonicalUrl: string; authors: string[]; contentHtml: string }[];
    };
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
