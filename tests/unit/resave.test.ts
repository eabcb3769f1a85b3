import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/library/library';
import { resaveChanges } from '../../lib/library/resave';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

let library: Library;
beforeEach(() => {
  ({ library } = freshLibrary());
});

describe('saving a page again over the reader’s edits', () => {
  it('keeps a title the reader changed in the library, with tags and notes, and takes the page’s new text', async () => {
    const first = await library.save(sampleArticle(), ['Transport']);
    await library.update(first.id, { title: 'Trams, my name for it', notes: 'ask about the depot' });
    const again = await library.save(sampleArticle({ title: 'Tram line reaches the suburbs', contentHtml: '<p>Now open.</p>', wordCount: 2 }));
    expect(again).toMatchObject({
      title: 'Trams, my name for it',
      notes: 'ask about the depot',
      tags: ['Transport'],
      contentHtml: '<p>Now open.</p>',
      edited: ['title'],
    });
    expect((await library.get(first.id))?.title).toBe('Trams, my name for it');
    expect((await library.list())[0]?.title).toBe('Trams, my name for it');
  });

  it('follows the page’s title when the reader never changed it', async () => {
    await library.save(sampleArticle());
    const again = await library.save(sampleArticle({ title: 'A new headline' }));
    expect(again).toMatchObject({ title: 'A new headline', edited: [] });
  });

  it('does not mark the title as the reader’s when an edit leaves it as it was', async () => {
    const first = await library.save(sampleArticle());
    const edited = await library.update(first.id, { title: `  ${first.title} `, notes: 'only a note' });
    expect(edited.edited).toEqual([]);
    expect((await library.save(sampleArticle({ title: 'Newer' }))).title).toBe('Newer');
  });
});

describe('what a save from the page would change', () => {
  it('says nothing when the page reads as it was saved', async () => {
    const saved = await library.save(sampleArticle(), ['a']);
    expect(resaveChanges(saved, sampleArticle())).toEqual([]);
  });

  it('names the kept title, the new text with its word counts, the byline, and what of the reader’s stays', async () => {
    const first = await library.save(sampleArticle(), ['a', 'b']);
    const saved = await library.update(first.id, { title: 'Mine', notes: 'n' });
    const fresh = sampleArticle({
      title: 'Theirs',
      contentHtml: '<p>longer</p>',
      wordCount: 40,
      authors: ['Cy Dee'],
      leadImage: 'https://city.example/new.jpg',
    });
    expect(resaveChanges(saved, fresh)).toEqual([
      { kind: 'kept-title', message: 'Keeps your title “Mine” (the page now says “Theirs”).', key: 'resaveKeptTitle', values: ['Mine', 'Theirs'] },
      { kind: 'text', message: 'Updates the text (12 → 40 words).', key: 'resaveText', values: ['12', '40'] },
      { kind: 'authors', message: 'Changes the byline to Cy Dee.', key: 'resaveAuthors', values: ['Cy Dee'] },
      { kind: 'lead-image', message: 'Changes the lead picture.', key: 'resaveLeadImage', values: [] },
      { kind: 'kept', message: 'Keeps your 2 tags and notes.', key: 'resaveKept', values: [] },
    ]);
  });

  it('says the title will change when the reader never edited it', async () => {
    const saved = await library.save(sampleArticle());
    expect(resaveChanges(saved, sampleArticle({ title: 'New' }))).toEqual([
      { kind: 'title', message: 'Changes the title to “New”.', key: 'resaveTitle', values: ['New'] },
    ]);
  });
});

describe('re-save wording', () => {
  it('has every key a change can carry in each interface language, taking as many values as it is given', async () => {
    const { readFileSync } = await import('node:fs');
    const saved = await library.update((await library.save(sampleArticle(), ['t'])).id, { title: 'Mine', notes: 'n' });
    const changes = [
      ...resaveChanges(
        saved,
        sampleArticle({ title: 'Theirs', contentHtml: '<p>x</p>', wordCount: 3, authors: ['A B'], leadImage: 'https://a.example/x.jpg' }),
      ),
      ...resaveChanges({ ...saved, edited: [] }, sampleArticle({ title: 'Other', authors: [], leadImage: undefined })),
    ];
    expect(new Set(changes.map((c) => c.key)).size).toBeGreaterThanOrEqual(7);
    for (const lang of ['en', 'de', 'fr', 'es']) {
      const messages = JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
        string,
        { message: string; placeholders?: Record<string, unknown> }
      >;
      for (const change of changes) {
        expect(messages[change.key], `${lang} ${change.key}`).toBeDefined();
        expect(Object.keys(messages[change.key]!.placeholders ?? {}), `${lang} ${change.key}`).toHaveLength(change.values.length);
      }
    }
  });
});
