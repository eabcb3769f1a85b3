import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexedDbArea } from '../../lib/library/indexeddb-area';
import { Library, storageItems, type KeyValueArea } from '../../lib/library/library';
import { afterMove, LIBRARY_HOME_KEY, moveLibrary } from '../../lib/library/move-library';
import { SEARCH_INDEX_KEY } from '../../lib/library/search-index';
import { SCHEMA_VERSION, type SavedArticle } from '../../lib/library/saved-article';
import { sampleArticle, readerDefaults } from './support/article';
import { clock } from './support/library';

let home: IndexedDbArea;
beforeEach(() => {
  // A new factory is a new, empty set of databases.
  home = new IndexedDbArea(new IDBFactory(), IDBKeyRange);
});

describe('IndexedDbArea', () => {
  it('gets, sets and removes items by key, as storage.local does', async () => {
    await home.set({ 'entry:a': { n: 1 }, 'entry:b': { n: 2 }, 'text:a': 'words' });
    expect(await home.get(['entry:a', 'missing', 'text:a'])).toEqual({ 'entry:a': { n: 1 }, 'text:a': 'words' });
    await home.remove(['entry:a', 'missing']);
    expect(await home.get(null)).toEqual({ 'entry:b': { n: 2 }, 'text:a': 'words' });
  });

  it('lists keys and reads items by prefix, and nothing past it', async () => {
    await home.set({ 'entry:a': 1, 'entry:b': 2, entryx: 3, 'text:a': 't', 'entry;': 4 });
    expect(await home.getKeys('entry:')).toEqual(['entry:a', 'entry:b']);
    expect(await home.getPrefixed('entry:')).toEqual({ 'entry:a': 1, 'entry:b': 2 });
    expect((await home.getKeys()).sort()).toEqual(['entry:a', 'entry:b', 'entry;', 'entryx', 'text:a']);
  });

  it('writes all the items of one call or none: a failing item leaves the others unwritten', async () => {
    await home.set({ 'entry:kept': 'before' });
    // A function cannot be stored (DataCloneError), like a write the browser refuses for want of space.
    await expect(home.set({ 'entry:new': 'x', 'entry:kept': 'after', 'entry:bad': () => 1 })).rejects.toThrow();
    expect(await home.get(null)).toEqual({ 'entry:kept': 'before' });
  });

  it('adds only the keys it does not hold yet', async () => {
    await home.set({ 'article:a': 'newer' });
    await home.addMissing({ 'article:a': 'older', 'article:b': 'moved' });
    expect(await home.get(null)).toEqual({ 'article:a': 'newer', 'article:b': 'moved' });
  });

  it('holds a library: five saves at the same moment are all kept, listed newest first, and counted', async () => {
    const library = new Library(home, clock());
    await Promise.all([1, 2, 3, 4, 5].map((n) => library.save(sampleArticle({ canonicalUrl: `https://a.example/${n}`, title: `Story ${n}` }))));
    expect((await library.list()).map((e) => e.title).sort()).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4', 'Story 5']);
    expect(await library.count()).toBe(5);
    const [newest] = await library.list();
    expect(await library.get(newest!.id)).toMatchObject({ title: newest!.title, textContent: sampleArticle().textContent });
  });
});

describe('moving a library out of storage.local', () => {
  let local: KeyValueArea;
  beforeEach(() => {
    fakeBrowser.reset();
    local = fakeBrowser.storage.local as unknown as KeyValueArea;
  });

  const oldLibrary = () => {
    const saved = [1, 2, 3].map(
      (n): SavedArticle => ({
        ...sampleArticle({ canonicalUrl: `https://a.example/${n}`, title: `Old ${n}` }),
        schemaVersion: SCHEMA_VERSION,
        id: `id${n}`,
        savedAt: `2025-01-0${n}T00:00:00.000Z`,
        updatedAt: `2025-01-0${n}T00:00:00.000Z`,
        tags: ['kept'],
        notes: '',
        ...readerDefaults(),
      }),
    );
    return { saved, items: { ...storageItems(saved), [SEARCH_INDEX_KEY]: { version: 1, stamps: {}, index: '{}' }, frontMatterTemplate: 'title: {{title}}' } };
  };

  it('moves every library key into IndexedDB, leaves settings where they are, and does it once', async () => {
    const { saved, items } = oldLibrary();
    await local.set(items);
    expect(await moveLibrary(local, home)).toBe(10);
    expect(await local.get(null)).toEqual({ frontMatterTemplate: 'title: {{title}}', [LIBRARY_HOME_KEY]: 'indexeddb' });
    const library = new Library(home);
    expect(await library.getMany(saved.map((s) => s.id))).toEqual(saved);
    expect(await home.get([SEARCH_INDEX_KEY])).toEqual({ [SEARCH_INDEX_KEY]: items[SEARCH_INDEX_KEY] });

    // A key written to storage.local later (an old page still open) is not moved again behind the reader's back.
    await local.set({ 'entry:late': {} });
    expect(await moveLibrary(local, home)).toBe(0);
  });

  it('keeps what a page saved into IndexedDB while another page was still moving', async () => {
    const { saved, items } = oldLibrary();
    await local.set(items);
    await home.set({ [`article:${saved[0]!.id}`]: { ...saved[0]!, title: 'Edited after the move' } });
    await moveLibrary(local, home);
    expect((await new Library(home).get(saved[0]!.id))!.title).toBe('Edited after the move');
  });

  it('makes every call wait for the move, and fails them with its reason when it fails, touching nothing', async () => {
    const { items } = oldLibrary();
    await local.set(items);
    const library = new Library(afterMove(home, moveLibrary(local, home)), clock());
    const fresh = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/new', title: 'New' }));
    expect((await library.list()).map((e) => e.title)).toEqual(['New', 'Old 3', 'Old 2', 'Old 1']);
    expect(await library.count()).toBe(4);
    expect(fresh.savedAt > '2025').toBe(true);

    fakeBrowser.reset();
    await local.set(items);
    const broken: KeyValueArea = { ...local, get: () => Promise.reject(new Error('storage is unreadable')) };
    const other = new IndexedDbArea(new IDBFactory(), IDBKeyRange);
    const stuck = new Library(afterMove(other, moveLibrary(broken, other)));
    await expect(stuck.list()).rejects.toThrow('storage is unreadable');
    await expect(stuck.save(sampleArticle())).rejects.toThrow('storage is unreadable');
    expect(await local.get(null)).toEqual(items);
    expect(await other.get(null)).toEqual({});
  });
});
