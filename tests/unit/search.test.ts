import { beforeEach, describe, expect, it } from 'vitest';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { SEARCH_INDEX_KEY, SearchIndex } from '../../lib/library/search-index';
import { loadSearchIndex, storeSearchIndex, syncSearchIndex } from '../../lib/library/search-sync';
import { highlight, snippet } from '../../lib/library/highlight';
import { facetsOf, filterEntriesBy, sortEntries } from '../../lib/library/arrange';
import type { LibraryEntry } from '../../lib/library/saved-article';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

let area: KeyValueArea;
let library: Library;
beforeEach(async () => {
  ({ area, library } = freshLibrary());
  await library.save(
    sampleArticle({
      canonicalUrl: 'https://a.example/1',
      title: 'Tram line opens',
      siteName: 'City News',
      authors: ['Ann Lee'],
      textContent: 'The harbour stop is busy.',
    }),
  );
  await library.save(
    sampleArticle({
      canonicalUrl: 'https://a.example/2',
      title: 'Harbour reopens',
      siteName: 'Port Daily',
      authors: ['Bo Chan'],
      textContent: 'Ferries return to the quay.',
    }),
  );
  await library.save(
    sampleArticle({
      canonicalUrl: 'https://a.example/3',
      title: 'Budget vote',
      siteName: 'City News',
      authors: ['Cy Dee'],
      textContent: 'Councillors argued about trams.',
    }),
  );
});

const titles = async (ids: string[]) => (await library.getMany(ids)).map((a) => a.title);

/** A stand-in for the page's localStorage. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('search index', () => {
  it('finds words in title, authors, site and body, the last word as a prefix', async () => {
    const index = SearchIndex.empty();
    await syncSearchIndex(index, await library.list(), library);
    expect(await titles(index.search('harbour').map((h) => h.id))).toEqual(['Harbour reopens', 'Tram line opens']);
    expect(await titles(index.search('chan').map((h) => h.id))).toEqual(['Harbour reopens']);
    expect(await titles(index.search('port').map((h) => h.id))).toEqual(['Harbour reopens']);
    expect(await titles(index.search('councillors tra').map((h) => h.id))).toEqual(['Budget vote']);
    expect(index.search('city news')).toHaveLength(2);
    expect(index.search('nothing-like-this')).toEqual([]);
    expect(index.search('  ')).toEqual([]);
    expect(index.search('harb')[0]!.terms).toEqual(['harbour']);
  });

  it('ignores accents in the text and in the query, and marks the words as written', async () => {
    const maori = await library.save(
      sampleArticle({ canonicalUrl: 'https://a.example/m', title: 'Māori language week', textContent: 'Schools in Antártida and Aotearoa.' }),
    );
    const index = SearchIndex.empty();
    await syncSearchIndex(index, await library.list(), library);
    expect(index.search('maori').map((h) => h.id)).toEqual([maori.id]);
    expect(index.search('antartida').map((h) => h.id)).toEqual([maori.id]);
    expect(index.search('ANTÁRTIDA').map((h) => h.id)).toEqual([maori.id]);
    const [hit] = index.search('maori');
    expect(highlight(maori.title, hit!.terms)).toEqual([
      { text: 'Māori', hit: true },
      { text: ' language week', hit: false },
    ]);
    expect(snippet(maori.textContent, index.search('antartida')[0]!.terms)).toContain('Antártida');
  });

  it('catches up incrementally: only new and changed articles are read, deleted ones dropped', async () => {
    const index = SearchIndex.empty();
    expect(await syncSearchIndex(index, await library.list(), library)).toBe(3);
    await storeSearchIndex(area, index);

    const [budget] = await library.list().then((l) => l.filter((e) => e.title === 'Budget vote'));
    await library.update(budget!.id, { title: 'Budget approved' });
    const added = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/4', title: 'Ferry strike', textContent: 'No boats today.' }));
    const [harbour] = await library.list().then((l) => l.filter((e) => e.title === 'Harbour reopens'));
    await library.remove([harbour!.id]);

    const reloaded = await loadSearchIndex(area);
    expect(reloaded.size).toBe(3);
    const reads: string[][] = [];
    const counting = new Library({ ...area, get: (k) => (reads.push(k ?? []), area.get(k)), set: (i) => area.set(i), remove: (k) => area.remove(k) });
    expect(await syncSearchIndex(reloaded, await library.list(), counting)).toBe(3);
    // Only their text: title, authors and site come from the entries.
    expect(reads.flat().sort()).toEqual([`text:${added.id}`, `text:${budget!.id}`].sort());
    expect(await titles(reloaded.search('approved').map((h) => h.id))).toEqual(['Budget approved']);
    expect(reloaded.search('vote')).toEqual([]);
    expect(reloaded.search('ferries')).toEqual([]);
    expect(await titles(reloaded.search('boats').map((h) => h.id))).toEqual(['Ferry strike']);
    expect(await syncSearchIndex(reloaded, await library.list(), library)).toBe(0);
  });

  it('starts empty from a missing, foreign or damaged snapshot', async () => {
    expect((await loadSearchIndex(area)).size).toBe(0);
    await area.set({ [SEARCH_INDEX_KEY]: { version: 99, stamps: {}, index: '{}' } });
    expect((await loadSearchIndex(area)).size).toBe(0);
    await area.set({ [SEARCH_INDEX_KEY]: { version: 1, stamps: { a: 'b' }, index: 'not json' } });
    expect((await loadSearchIndex(area)).size).toBe(0);
  });
});

describe('highlighting', () => {
  it('marks whole matching words, case-insensitively', () => {
    expect(highlight('Harbour, harbours and HARBOUR.', ['harbour'])).toEqual([
      { text: 'Harbour', hit: true },
      { text: ', harbours and ', hit: false },
      { text: 'HARBOUR', hit: true },
      { text: '.', hit: false },
    ]);
    expect(highlight('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'lorem '.repeat(40)}the harbour stop${' ipsum'.repeat(40)}`;
    const s = snippet(text, ['harbour'], 30);
    expect(s).toMatch(/^….*the harbour stop.*…$/);
    expect(s.length).toBeLessThan(90);
    expect(snippet('no match here', ['harbour'])).toBe('');
  });
});

describe('sorting and filtering', () => {
  const e = (id: string, over: Partial<LibraryEntry>): LibraryEntry => ({
    id,
    title: id,
    siteName: '',
    authors: [],
    url: '',
    canonicalUrl: '',
    publishedTime: '',
    savedAt: '2026-01-01',
    updatedAt: '',
    wordCount: 0,
    tags: [],
    ...over,
  });
  const entries = [
    e('b', { title: 'beta', siteName: 'Zed', publishedTime: '2025-01-01', savedAt: '2026-01-03', tags: ['EU'] }),
    e('a', { title: 'Alpha', siteName: 'Ace', publishedTime: '', savedAt: '2026-01-02', tags: ['eu', 'x'] }),
    e('c', { title: 'gamma', siteName: 'Ace', publishedTime: '2025-06-01', savedAt: '2026-01-01' }),
  ];
  it('sorts by saved, published (undated last), title and site', () => {
    expect(sortEntries(entries, 'saved').map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(sortEntries(entries, 'published').map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(sortEntries(entries, 'title').map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(sortEntries(entries, 'site').map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });
  it('filters by site and tag and counts facets', () => {
    expect(filterEntriesBy(entries, { site: 'Ace' }).map((x) => x.id)).toEqual(['a', 'c']);
    expect(filterEntriesBy(entries, { tag: 'eu' }).map((x) => x.id)).toEqual(['b', 'a']);
    expect(filterEntriesBy(entries, { site: 'Ace', tag: 'EU' }).map((x) => x.id)).toEqual(['a']);
    expect(facetsOf(entries)).toEqual({
      sites: [
        { value: 'Ace', count: 2 },
        { value: 'Zed', count: 1 },
      ],
      tags: [
        { value: 'EU', count: 2 },
        { value: 'x', count: 1 },
      ],
    });
  });
});

describe('list cache', () => {
  it('round-trips the entries through one stored value and tells when it is out of date', async () => {
    const { loadListCache, storeListCache, sameEntries, LIST_CACHE_KEY } = await import('../../lib/library/list-cache');
    expect(await loadListCache(area)).toBeNull();
    const entries = await library.list();
    await storeListCache(area, memoryStorage(), entries);
    expect(typeof (await area.get([LIST_CACHE_KEY]))[LIST_CACHE_KEY]).toBe('object');
    const cached = await loadListCache(area);
    expect(cached).toEqual(entries);
    expect(sameEntries(cached!, entries)).toBe(true);
    await library.update(entries[0]!.id, { notes: 'changed' });
    expect(sameEntries(cached!, await library.list())).toBe(false);
    await area.set({ [LIST_CACHE_KEY]: { version: 1, entries: '{broken' } });
    expect(await loadListCache(area)).toBeNull();
  });

  it('keeps the first screenful of the default order, and the count, in localStorage, apart from storage.local', async () => {
    const { loadListHead, storeListCache, HEAD_ROWS, LIST_HEAD_KEY } = await import('../../lib/library/list-cache');
    const heads = memoryStorage();
    expect(loadListHead(heads)).toBeNull();
    for (let i = 4; i < HEAD_ROWS + 10; i++) await library.save(sampleArticle({ canonicalUrl: `https://a.example/${i}`, title: `Story ${i}` }));
    const entries = await library.list();
    // A head from before it moved to localStorage is cleared away.
    await area.set({ 'cache:head': { version: 1, total: 1, entries: '[]' } });
    // Stored in any order; the head is still the newest saves first.
    await storeListCache(area, heads, [...entries].reverse());
    const head = loadListHead(heads);
    expect(head?.total).toBe(entries.length);
    expect(head?.entries).toEqual(sortEntries(entries, 'saved').slice(0, HEAD_ROWS));
    expect(head?.entries[0]?.title).toBe(`Story ${HEAD_ROWS + 9}`);
    expect(Object.keys(await area.get(null)).filter((k) => k.startsWith('cache:'))).toEqual(['cache:entries']);
    heads.setItem(LIST_HEAD_KEY, '{"version":1,"total":3,"entries":[');
    expect(loadListHead(heads)).toBeNull();
    heads.setItem(LIST_HEAD_KEY, '{"version":1,"total":3,"entries":"[]"}');
    expect(loadListHead(heads)).toBeNull();
  });

  it('still stores the entries when localStorage refuses the head', async () => {
    const { loadListCache, storeListCache } = await import('../../lib/library/list-cache');
    const entries = await library.list();
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    await storeListCache(area, full, entries);
    expect(await loadListCache(area)).toEqual(entries);
  });
});
