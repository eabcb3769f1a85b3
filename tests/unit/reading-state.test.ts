import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { selectorsOf } from '../../lib/annotations/highlights';
import { exportAllJson } from '../../lib/export/formats';
import { filterEntriesBy } from '../../lib/library/arrange';
import { importBackup } from '../../lib/library/import-backup';
import type { Library } from '../../lib/library/library';
import { resaveChanges } from '../../lib/library/resave';
import type { LibraryEntry } from '../../lib/library/saved-article';
import { sanitizeHtml } from '../../lib/sanitize';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const win = new JSDOM('').window as unknown as Window;
let library: Library;
beforeEach(() => {
  ({ library } = freshLibrary());
});

const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('reading states', () => {
  it('marks articles archived or favourite, and the library filters on both', async () => {
    const a = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1' }));
    const b = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/2' }));
    expect(await library.mark([a.id, b.id], { state: 'archived' })).toBe(2);
    expect(await library.mark([a.id], { favourite: true })).toBe(1);
    expect(await library.mark([a.id], { favourite: true })).toBe(0);
    const entries = await library.list();
    expect(filterEntriesBy(entries, { favourite: true }).map((e) => e.id)).toEqual([a.id]);
    expect(filterEntriesBy(entries, { state: 'archived' })).toHaveLength(2);
    expect(filterEntriesBy(entries, { state: 'unread' })).toHaveLength(0);
    expect((await library.get(a.id))?.updatedAt).not.toBe(a.updatedAt);
  });

  it('counts an entry stored before reading states as unread and not a favourite', () => {
    const old = {
      id: 'x',
      title: 't',
      siteName: '',
      authors: [],
      url: 'https://a.example/',
      canonicalUrl: '',
      publishedTime: '',
      savedAt: 's',
      updatedAt: 'u',
      wordCount: 1,
      tags: [],
    } as LibraryEntry;
    expect(filterEntriesBy([old], { state: 'unread' })).toEqual([old]);
    expect(filterEntriesBy([old], { favourite: true })).toEqual([]);
  });

  it('keeps the scroll position, makes an unread article one being read, and does not count it as an edit', async () => {
    const a = await library.save(sampleArticle());
    const read = await library.setPosition(a.id, 0.4);
    expect(read).toMatchObject({ readingPosition: 0.4, state: 'reading', updatedAt: a.updatedAt });
    expect((await library.setPosition(a.id, 7)).readingPosition).toBe(1);
    await library.mark([a.id], { state: 'archived' });
    expect((await library.setPosition(a.id, 0.2)).state).toBe('archived');
  });

  it('survives a save from the page', async () => {
    const a = await library.save(sampleArticle());
    await library.mark([a.id], { state: 'archived', favourite: true });
    await library.setPosition(a.id, 0.5);
    expect(await library.save(sampleArticle({ contentHtml: '<p>New</p>' }))).toMatchObject({ state: 'archived', favourite: true, readingPosition: 0.5 });
  });
});

describe('highlights', () => {
  const TEXT = 'The council voted on Tuesday.\n\nThe tram will run every ten minutes.\n\nWorks start in May.';

  it('are placed again when the story is saved with changed markup and text, and a lost one is kept and reported', async () => {
    const a = await library.save(sampleArticle({ textContent: TEXT }));
    await library.addHighlight(a.id, at(TEXT, 'every ten minutes'), 'check the timetable');
    const withTwo = await library.addHighlight(a.id, at(TEXT, 'Works start in May'));
    const [first, second] = withTwo.highlights;
    expect(selectorsOf(first!).quote).toMatchObject({ exact: 'every ten minutes', prefix: expect.stringMatching(/tram will run $/) });

    const changed = `An update at the top.\n\n${TEXT.replace('Works start in May.', 'Works start in June.').replace('will run every', 'will run\nevery')}`;
    const fresh = sampleArticle({ textContent: changed, contentHtml: '<div><p>An update at the top.</p></div>' });
    expect(resaveChanges(withTwo, fresh).map((c) => c.kind)).toContain('highlights');
    const again = await library.save(fresh);
    expect(again.highlights.map((h) => h.id)).toEqual([first!.id, second!.id]);
    const moved = selectorsOf(again.highlights[0]!).position;
    expect(changed.slice(moved.start, moved.end)).toBe('every ten minutes');
    expect(again.highlights[0]!.bodyValue).toBe('check the timetable');
    // Its words are gone: kept as it was, not dropped.
    expect(again.highlights[1]).toEqual(second);
  });

  it('travel in a backup, with states, as W3C annotations, byte for byte', async () => {
    const a = await library.save(sampleArticle({ textContent: TEXT }));
    await library.addHighlight(a.id, at(TEXT, 'voted on Tuesday'), 'a “note” with\nlines');
    await library.mark([a.id], { state: 'reading', favourite: true });
    await library.setPosition(a.id, 0.25);
    const now = new Date('2026-05-06T07:08:09.000Z');
    const first = exportAllJson(await library.all(), now).data as string;
    const doc = JSON.parse(first) as { articles: { highlights: unknown[] }[] };
    expect(doc.articles[0]!.highlights[0]).toMatchObject({
      type: 'Annotation',
      target: { selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
    });
    await fakeBrowser.storage.local.clear();
    const report = await importBackup(library, first, { sanitize: (html) => sanitizeHtml(html, win), now: () => now });
    expect(report).toEqual({ imported: 1, updated: 0, skipped: [] });
    expect(exportAllJson(await library.all(), now).data).toBe(first);
  });
});
