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
      { kind: 'kept-title', message: 'Keeps your title “Mine” (the page now says “Theirs”).' },
      { kind: 'text', message: 'Updates the text (12 → 40 words).' },
      { kind: 'authors', message: 'Changes the byline to Cy Dee.' },
      { kind: 'lead-image', message: 'Changes the lead picture.' },
      { kind: 'kept', message: 'Keeps your 2 tags and notes.' },
    ]);
  });

  it('says the title will change when the reader never edited it', async () => {
    const saved = await library.save(sampleArticle());
    expect(resaveChanges(saved, sampleArticle({ title: 'New' }))).toEqual([{ kind: 'title', message: 'Changes the title to “New”.' }]);
  });
});
