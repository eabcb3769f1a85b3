import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom } from './support/browser';
import { useSession } from './support/session';
import { generateArticles, openLibraryPage, seedLibrary } from './support/library-data';
import { indexedArticleCount, storedItem } from './support/library-store';
import { epubcheck } from '../unit/support/epubcheck';
import type { SavedArticle } from '../../lib/library/saved-article';
import { htmlToMarkdown } from '../../lib/export/markdown';
import { slugify } from '../../lib/export/filename';

const session = useSession();
const records = generateArticles(40, { textLength: 1200 });
// One article with a word no other has, and only in its body.
records[7] = {
  ...records[7]!,
  textContent: `${records[7]!.textContent}\n\nA zeppelin flew over the harbour.`,
  contentHtml: `${records[7]!.contentHtml}<p>A zeppelin flew over the harbour.</p>`,
};

beforeEach(async () => {
  await session.browser.closePages();
  await session.browser.clearStorage();
  const page = await session.browser.ctx.newPage();
  await page.goto(session.browser.extensionUrl('library.html'));
  await seedLibrary(page, records);
  await page.close();
});

const libraryPage = () => openLibraryPage(session.browser);

const rowTitles = (page: Page) => page.locator('[data-testid=library-item] button.link').allInnerTexts();
const stored = (page: Page, id: string) => storedItem<SavedArticle>(page, `article:${id}`);

/** Type a search and wait for the full-text index to answer it. */
async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('library-search').fill(query);
  await expect.poll(() => page.getByTestId('search-state').count()).toBe(0);
}

describe('library page', () => {
  it('lists every article, sorts, filters by site and tag, and searches the body with matches marked', async () => {
    const page = await libraryPage();
    expect(await page.getByTestId('library-count').innerText()).toBe('40 saved');
    expect(await page.getByTestId('library-item').count()).toBe(40);
    // Newest save first.
    expect((await rowTitles(page))[0]).toBe(records[39]!.title);

    await page.getByTestId('sort').selectOption('title');
    const titles = await rowTitles(page);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

    await page.getByTestId('site-filter').selectOption('Port Daily');
    expect(await page.getByTestId('library-item').count()).toBe(records.filter((r) => r.siteName === 'Port Daily').length);
    await page.getByTestId('site-filter').selectOption('');
    await page.getByTestId('tag-filter').selectOption('sport');
    expect(await page.getByTestId('library-item').count()).toBe(records.filter((r) => r.tags.includes('sport')).length);
    await page.getByTestId('tag-filter').selectOption('');

    await search(page, 'zeppelin');
    await expect.poll(() => rowTitles(page)).toEqual([records[7]!.title]);
    await expect.poll(() => page.getByTestId('snippet').innerText()).toContain('zeppelin flew over the harbour');
    expect(await page.locator('[data-testid=snippet] mark').allInnerTexts()).toEqual(['zeppelin']);

    await search(page, 'harbour herald');
    const herald = records.filter((r) => r.siteName === 'Harbour Herald').length;
    await expect.poll(() => page.getByTestId('library-item').count()).toBe(herald);
    expect(await page.locator('[data-testid=library-item] .meta mark').first().innerText()).toBe('Harbour');
  });

  it('keeps its search index in storage and catches up with articles saved since', async () => {
    let page = await libraryPage();
    await search(page, 'zeppelin');
    await expect.poll(() => indexedArticleCount(page), { timeout: 10_000 }).toBe(40);
    await page.close();

    const [extra] = generateArticles(41, { textLength: 300 }).slice(40);
    const added = { ...extra!, textContent: 'A quokka visited the station.', contentHtml: '<p>A quokka visited the station.</p>' };
    page = await libraryPage();
    await seedLibrary(page, [added]);
    await page.reload();
    await search(page, 'quokka');
    await expect.poll(() => rowTitles(page)).toEqual([added.title]);
    await expect.poll(() => indexedArticleCount(page), { timeout: 10_000 }).toBe(41);
  });

  it('tags and deletes a selection in bulk, and undoes the delete', async () => {
    const page = await libraryPage();
    await page.getByTestId('tag-filter').selectOption('sport');
    const sport = records.filter((r) => r.tags.includes('sport'));
    await page.getByTestId('select-all').click();
    expect(await page.getByTestId('selected-count').innerText()).toBe(`${sport.length} selected`);
    await page.getByTestId('bulk-tag').fill('weekend');
    await page.getByTestId('add-tag').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(`Added “weekend” to ${sport.length} articles.`);
    expect((await stored(page, sport[0]!.id))?.tags).toEqual(['sport', 'weekend']);
    expect((await stored(page, records[0]!.id))?.tags).toEqual(records[0]!.tags);

    await page.getByTestId('delete-selected').click();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe(`${40 - sport.length} saved`);
    expect(await stored(page, sport[0]!.id)).toBeUndefined();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('40 saved');
    expect((await stored(page, sport[0]!.id))?.tags).toEqual(['sport', 'weekend']);
  });

  it('edits the title, tags and notes of a saved article', async () => {
    const page = await libraryPage();
    const target = records[3]!;
    await page.getByRole('button', { name: target.title, exact: true }).click();
    await page.getByTestId('edit-title').fill('A title of my own');
    await page.getByTestId('edit-tags').fill('later, Later, reading ');
    await page.getByTestId('edit-notes').fill('Quote the second paragraph.');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('edit-status').innerText()).toBe('Changes saved.');
    expect(await stored(page, target.id)).toMatchObject({
      title: 'A title of my own',
      tags: ['later', 'reading'],
      notes: 'Quote the second paragraph.',
      savedAt: target.savedAt,
    });
    expect(await rowTitles(page)).toContain('A title of my own');
  });

  it('exports a selection as a ZIP of Markdown with the front matter set in the options, and as an EPUB', async () => {
    const options = await session.browser.ctx.newPage();
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.getByTestId('template').fill('kind: article\nfrom: {{site}}\nmy: {{colour}}');
    await expect.poll(() => options.getByTestId('template-problems').innerText()).toContain('Unknown placeholder: {{colour}}.');
    expect(await options.getByTestId('template-save').isDisabled()).toBe(true);
    await options.getByTestId('template').fill('kind: article\nfrom: {{site}}');
    await expect.poll(() => options.getByTestId('template-preview').innerText()).toBe('---\nkind: article\nfrom: "City News"\n---');
    await options.getByTestId('template-save').click();
    await expect.poll(() => options.getByTestId('template-status').innerText()).toBe('Saved.');

    const page = await libraryPage();
    await page.getByTestId('site-filter').selectOption('Port Daily');
    const chosen = records.filter((r) => r.siteName === 'Port Daily');
    await page.getByTestId('select-all').click();
    const zip = await downloadFrom(page, () => page.getByTestId('export-selected').click());
    expect(zip.name).toMatch(/^clean-copy-md-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files)).toHaveLength(chosen.length);
    for (const bytes of Object.values(files)) expect(strFromU8(bytes)).toMatch(/^---\nkind: article\nfrom: "Port Daily"\n---\n\n# /);
    // Converted in the page's export worker, the body is what the converter writes in Node.
    for (const r of chosen) expect(strFromU8(files[`${slugify(r.title)}.md`]!)).toContain(`\n\n# ${r.title}\n\n${htmlToMarkdown(r.contentHtml)}\n`);

    await page.getByTestId('export-format').selectOption('epub');
    const epub = await downloadFrom(page, () => page.getByTestId('export-selected').click());
    expect(epub.name).toMatch(/\.epub$/);
    const book = new Uint8Array(epub.bytes);
    expect(Object.keys(unzipSync(book)).filter((n) => n.includes('chapter-'))).toHaveLength(chosen.length);
    expect((await epubcheck(book)).errors).toEqual([]);
  }, 90_000);

  it('is opened from the popup’s Saved tab', async () => {
    const popup = await session.browser.ctx.newPage();
    await popup.goto(session.browser.extensionUrl('popup.html?tabId=-1'));
    await popup.getByTestId('saved-tab').click();
    const [page] = await Promise.all([session.browser.ctx.waitForEvent('page'), popup.getByTestId('open-library').click()]);
    await page.waitForLoadState();
    expect(page.url()).toBe(session.browser.extensionUrl('library.html'));
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('40 saved');
  });
});
