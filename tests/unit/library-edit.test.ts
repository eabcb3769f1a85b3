import { beforeEach, describe, expect, it } from 'vitest';
import { Library, NotSavedError, type KeyValueArea } from '../../lib/library/library';
import { normalizeTags, parseTagList, editTags } from '../../lib/library/tags';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

let area: KeyValueArea;
let library: Library;
beforeEach(() => {
  ({ area, library } = freshLibrary());
});

const save = (n: number, tags: string[] = []) => library.save(sampleArticle({ canonicalUrl: `https://a.example/${n}`, title: `Story ${n}` }), tags);

describe('tags', () => {
  it('are trimmed, collapsed and kept once regardless of case, first spelling winning', () => {
    expect(normalizeTags([' EU ', 'eu', 'climate  policy', '', 'Eu'])).toEqual(['EU', 'climate policy']);
    expect(parseTagList('a, b ,, A,c')).toEqual(['a', 'b', 'c']);
    expect(editTags(['a', 'B'], ['c', 'b'], ['A'])).toEqual(['B', 'c']);
  });

  it('are added on save and kept when the article is saved again', async () => {
    const first = await save(1, ['Transport']);
    await library.update(first.id, { notes: 'read later' });
    const again = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1', title: 'Story 1, revised' }), ['city']);
    expect(again.tags).toEqual(['Transport', 'city']);
    expect(again.notes).toBe('read later');
    expect((await library.list())[0]!.tags).toEqual(['Transport', 'city']);
  });
});

describe('editing a saved article', () => {
  it('changes title, tags and notes in the record and in its list entry', async () => {
    const a = await save(1);
    const edited = await library.update(a.id, { title: '  A better   title ', tags: ['x', ' y ', 'X'], notes: 'Check the figures.' });
    expect(edited).toMatchObject({ title: 'A better title', tags: ['x', 'y'], notes: 'Check the figures.', savedAt: a.savedAt });
    expect(edited.updatedAt > a.updatedAt).toBe(true);
    expect(await library.get(a.id)).toEqual(edited);
    expect((await library.list())[0]).toMatchObject({ title: 'A better title', tags: ['x', 'y'] });
  });

  it('keeps the old title when the new one is blank, and refuses an article that is not saved', async () => {
    const a = await save(1);
    expect((await library.update(a.id, { title: '   ' })).title).toBe('Story 1');
    await expect(library.update('nope', { notes: 'x' })).rejects.toBeInstanceOf(NotSavedError);
  });
});

describe('bulk tagging', () => {
  it('adds and removes tags on the chosen articles only, and counts those that changed', async () => {
    const [a, b, c] = [await save(1, ['old']), await save(2), await save(3, ['old'])];
    expect(await library.tag([a.id, b.id], ['new'], ['old'])).toBe(2);
    expect(await library.tag([a.id], ['new'])).toBe(0);
    const tags = Object.fromEntries((await library.list()).map((e) => [e.id, e.tags]));
    expect(tags).toEqual({ [a.id]: ['new'], [b.id]: ['new'], [c.id]: ['old'] });
  });
});

describe('deleting with undo', () => {
  it('deletes many at once and restores exactly what was deleted', async () => {
    const a = await save(1, ['t']);
    await library.update(a.id, { notes: 'mine' });
    const b = await save(2);
    const kept = await save(3);
    const before = await area.get(null);

    const gone = await library.remove([a.id, b.id]);
    expect(gone.map((g) => g.id).sort()).toEqual([a.id, b.id].sort());
    expect((await library.list()).map((e) => e.id)).toEqual([kept.id]);

    await library.restore(gone);
    expect(await area.get(null)).toEqual(before);
  });

  it('ignores ids that are not saved', async () => {
    const a = await save(1);
    expect(await library.remove(['missing'])).toEqual([]);
    expect((await library.list()).map((e) => e.id)).toEqual([a.id]);
  });
});

describe('write failures', () => {
  it('an edit that cannot be written leaves the stored article as it was', async () => {
    const a = await save(1, ['keep']);
    const full: KeyValueArea = { get: (k) => area.get(k), remove: (k) => area.remove(k), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(new Library(full).update(a.id, { title: 'New', tags: [] })).rejects.toThrow(/quota/i);
    await expect(new Library(full).tag([a.id], ['more'])).rejects.toThrow(/quota/i);
    expect(await library.get(a.id)).toEqual(a);
  });
});

describe('cost of a save', () => {
  it('reads and writes only the saved article’s own keys, however many are saved', async () => {
    for (let n = 0; n < 300; n++) await save(n);
    const touched: string[][] = [];
    const spy: KeyValueArea = {
      get: (k) => (touched.push(k ?? ['*']), area.get(k)),
      set: (items) => (touched.push(Object.keys(items)), area.set(items)),
      remove: (k) => area.remove(k),
    };
    const saved = await new Library(spy).save(sampleArticle({ canonicalUrl: 'https://a.example/new' }));
    expect(touched).toEqual([[`article:${saved.id}`], [`article:${saved.id}`, `text:${saved.id}`, `entry:${saved.id}`]]);
  });
});
