import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom } from './support/browser';
import { useSession } from './support/session';
import { generateArticles, openLibraryPage, seedLibrary } from './support/library-data';
import { clearLibraryStore, storedItem, storedItems } from './support/library-store';
import { newHighlight } from '../../lib/annotations/highlights';

const session = useSession();

beforeEach(async () => {
  await session.browser.closePages();
  await session.browser.clearStorage();
});

const libraryPage = () => openLibraryPage(session.browser);

/** Articles stored: records with their entries. */
const storageSize = async (page: Page) => Object.keys(await storedItems(page, 'article:')).length + Object.keys(await storedItems(page, 'entry:')).length;
/** The backup without its one line that depends on when it was made. */
const withoutStamp = (json: string) => json.replace(/^ {2}"exportedAt": ".*",$/m, '');

describe('backup and restore in the browser', () => {
  it('exports 1,000 articles, restores them into an empty library, and exports the same bytes again, highlights and reading states included', async () => {
    const records = generateArticles(1000, { textLength: 3000 });
    // Some articles read, archived, favourite, with highlights and notes (one of them on text that is no longer there).
    for (const [i, r] of records.slice(0, 3).entries()) {
      const made = new Date(Date.parse(r.savedAt) + 60_000);
      const words = { start: 10 * (i + 1), end: 10 * (i + 1) + 25 };
      r.highlights = [newHighlight(r.textContent, words, i === 1 ? 'a “note”\nwith two lines' : '', `urn:clean-copy:highlight:${r.id}-${i}`, made, r.url)];
      if (i === 2)
        r.highlights.push(newHighlight('words gone from the story', { start: 0, end: 10 }, 'kept', `urn:clean-copy:highlight:${r.id}-x`, made, r.url));
      r.state = (['reading', 'archived', 'unread'] as const)[i]!;
      r.favourite = i !== 1;
      r.readingPosition = i === 0 ? 0.375 : 0;
    }
    let page = await libraryPage();
    await seedLibrary(page, records);
    await page.reload();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('1,000 saved');

    const first = await downloadFrom(page, () => page.getByTestId('export-backup').click());
    expect(first.name).toMatch(/^clean-copy-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(first.text) as { format: string; version: number; articles: { id: string; tags: string[]; notes: string; savedAt: string }[] };
    expect(doc).toMatchObject({ format: 'clean-copy', version: 1 });
    expect(doc.articles).toHaveLength(1000);
    expect(new Set(doc.articles.map((a) => a.id))).toEqual(new Set(records.map((r) => r.id)));
    expect(doc.articles[0]).toMatchObject({ savedAt: records.at(-1)!.savedAt, tags: records.at(-1)!.tags });

    await clearLibraryStore(page);
    await page.reload();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('0 saved');

    await page.getByTestId('import-file').setInputFiles(first.path);
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain('Imported 1000 new, updated 0, skipped 0.');
    expect(await storageSize(page)).toBe(2000);
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('1,000 saved');

    page = await libraryPage();
    const second = await downloadFrom(page, () => page.getByTestId('export-backup').click());
    expect(second.bytes.length).toBe(first.bytes.length);
    expect(withoutStamp(second.text)).toBe(withoutStamp(first.text));
    const restored = await storedItem<{ highlights: unknown[]; state: string; favourite: boolean; readingPosition: number }>(page, `article:${records[2]!.id}`);
    expect(restored).toMatchObject({ highlights: records[2]!.highlights, state: 'unread', favourite: true });
    expect(await storedItem(page, `article:${records[0]!.id}`)).toMatchObject({ state: 'reading', readingPosition: 0.375, highlights: records[0]!.highlights });
  }, 180_000);

  it('refuses a foreign or broken file and leaves the library as it was', async () => {
    const page = await libraryPage();
    await seedLibrary(page, generateArticles(3, { textLength: 500 }));
    await page.reload();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('3 saved');
    const before = JSON.stringify(await storedItems(page));
    for (const [name, text, why] of [
      ['foreign.json', JSON.stringify({ items: [{ title: 'x' }] }), /not a Clean Copy backup/],
      ['broken.json', '{"format":"clean-copy","version":1,"articles":[', /not a JSON file/],
    ] as const) {
      const file = join(tmpdir(), `clean-copy-${process.pid}-${name}`);
      await writeFile(file, text);
      await page.getByTestId('import-file').setInputFiles(file);
      await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(why);
      expect(await page.getByTestId('notice').innerText()).toContain('Nothing was imported.');
    }
    expect(JSON.stringify(await storedItems(page))).toBe(before);
  });

  it('imports a backup whose HTML is hostile and renders it sanitised', async () => {
    const page = await libraryPage();
    const [a] = generateArticles(1, { textLength: 300 });
    const hostile = {
      ...a!,
      title: 'Hostile import',
      contentHtml: '<p>Safe text</p><img src=x onerror="window.__xss=1"><script>window.__xss=2</script><a href="javascript:window.__xss=3">link</a>',
    };
    const file = join(tmpdir(), `clean-copy-${process.pid}-hostile.json`);
    await writeFile(file, JSON.stringify({ format: 'clean-copy', version: 1, exportedAt: new Date().toISOString(), articles: [hostile] }));
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('Imported 1 new');
    const stored = await storedItem<{ contentHtml: string }>(page, `article:${a!.id}`);
    expect(stored!.contentHtml).not.toMatch(/onerror|<script|javascript:/);
    await page.getByRole('button', { name: 'Hostile import' }).click();
    await expect.poll(() => page.getByTestId('preview').innerText()).toContain('Safe text');
    expect(await page.locator('[data-testid=preview] script, [data-testid=preview] [onerror], [data-testid=preview] a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate('window.__xss ?? null')).toBeNull();
  });
});
