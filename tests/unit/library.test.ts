import { beforeEach, describe, expect, it } from 'vitest';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { articleId, SCHEMA_VERSION } from '../../lib/library/saved-article';
import { filterEntries } from '../../lib/library/filter-entries';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

describe('Library on browser.storage.local', () => {
  let area: KeyValueArea;
  let library: Library;
  beforeEach(() => {
    ({ area, library } = freshLibrary());
  });

  it('saves each article as a record, its text and a small entry, and lists entries newest first', async () => {
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1', title: 'One' }));
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/2', title: 'Two' }));
    const all = await area.get(null);
    const ids = [articleId('https://a.example/1'), articleId('https://a.example/2')];
    expect(Object.keys(all).sort()).toEqual(ids.flatMap((id) => [`article:${id}`, `entry:${id}`, `text:${id}`]).sort());
    expect(all[`article:${ids[0]}`]).not.toHaveProperty('textContent');
    expect(all[`text:${ids[0]}`]).toBe(sampleArticle().textContent);
    expect((await library.list()).map((e) => e.title)).toEqual(['Two', 'One']);
    expect(JSON.stringify((await library.list())[0]).length).toBeLessThan(600);
  });

  it('reads records without their text when asked, and texts without their records', async () => {
    const a = await library.save(sampleArticle());
    const reads: (string[] | null)[] = [];
    const spy = new Library({ ...area, get: (keys) => (reads.push(keys), area.get(keys)) });
    expect(await spy.getMany([a.id], { text: false })).toEqual([{ ...a, textContent: '' }]);
    expect(await spy.getMany([a.id])).toEqual([a]);
    expect(await spy.texts([a.id, 'missing'])).toEqual(new Map([[a.id, a.textContent]]));
    expect(reads).toEqual([[`article:${a.id}`], [`article:${a.id}`, `text:${a.id}`], [`text:${a.id}`, 'text:missing'], ['article:missing']]);
  });

  it('counts the saved articles by their keys, or by listing where keys cannot be listed', async () => {
    expect(await library.count()).toBe(0);
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1' }));
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/2' }));
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1', title: 'again' }));
    expect(await library.count()).toBe(2);
    const reads: (string[] | null)[] = [];
    const keyed: KeyValueArea = { ...area, get: (keys) => (reads.push(keys), area.get(keys)), getKeys: async () => Object.keys(await area.get(null)) };
    expect(await new Library(keyed).count()).toBe(2);
    expect(reads).toEqual([]);
  });

  it('says whether a save added an article or updated one', async () => {
    const first = await library.saveWithOutcome(sampleArticle());
    const again = await library.saveWithOutcome(sampleArticle({ title: 'Revised' }));
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.article).toEqual(await library.get(first.article.id));
  });

  it('updates, not duplicates, an article saved again, keeping its first save date', async () => {
    const first = await library.save(sampleArticle({ title: 'Old title' }));
    const second = await library.save(sampleArticle({ title: 'New title', url: 'https://city.example/trams#comments' }));
    expect(second.id).toBe(first.id);
    expect(second.savedAt).toBe(first.savedAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect((await library.list()).map((e) => e.title)).toEqual(['New title']);
  });

  it('treats tracking parameters and fragments as the same article', () => {
    expect(articleId('https://a.example/x?utm_source=feed#top')).toBe(articleId('https://a.example/x'));
    expect(articleId('https://a.example/x?id=2')).not.toBe(articleId('https://a.example/x?id=3'));
  });

  it('loses nothing when five tabs save at the same moment', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((n) => library.save(sampleArticle({ canonicalUrl: `https://a.example/${n}`, title: `Story ${n}` }))));
    expect((await library.list()).map((e) => e.title).sort()).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4', 'Story 5']);
  });

  it('gets, removes, and exports all', async () => {
    const a = await library.save(sampleArticle({ canonicalUrl: 'https://a.example/1' }));
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/2' }));
    expect((await library.get(a.id))?.contentHtml).toBe(sampleArticle().contentHtml);
    expect(await library.has('https://a.example/1')).toBe(true);
    await library.remove([a.id]);
    expect(await library.get(a.id)).toBeUndefined();
    expect((await library.all()).map((x) => x.canonicalUrl)).toEqual(['https://a.example/2']);
  });

  it('stamps the schema version on every record', async () => {
    const saved = await library.save(sampleArticle());
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await library.get(saved.id))?.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('lists by key when the storage can list keys, without reading bodies', async () => {
    await library.save(sampleArticle());
    const reads: (string[] | null)[] = [];
    const keyed: KeyValueArea = {
      get: (keys) => (reads.push(keys), area.get(keys)),
      set: (items) => area.set(items),
      remove: (keys) => area.remove(keys),
      getKeys: async () => Object.keys(await area.get(null)),
    };
    await new Library(keyed).list();
    expect(reads).toEqual([[`entry:${articleId('https://city.example/trams')}`]]);
  });

  it('reports a failing write and leaves what was saved before', async () => {
    await library.save(sampleArticle({ canonicalUrl: 'https://a.example/kept' }));
    const full: KeyValueArea = {
      ...area,
      get: (k) => area.get(k),
      remove: (k) => area.remove(k),
      set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    };
    await expect(new Library(full).save(sampleArticle({ canonicalUrl: 'https://a.example/new' }))).rejects.toThrow(/quota/i);
    expect((await library.list()).map((e) => e.canonicalUrl)).toEqual(['https://a.example/kept']);
  });
});

describe('filterEntries', () => {
  const entries = [
    {
      id: '1',
      title: 'Tram line',
      siteName: 'City News',
      authors: ['Ann Lee'],
      url: '',
      canonicalUrl: '',
      publishedTime: '',
      savedAt: '',
      updatedAt: '',
      wordCount: 1,
      tags: ['transport'],
    },
    {
      id: '2',
      title: 'Harbour reopens',
      siteName: 'Port Daily',
      authors: ['Bo Chan'],
      url: '',
      canonicalUrl: '',
      publishedTime: '',
      savedAt: '',
      updatedAt: '',
      wordCount: 1,
      tags: [],
    },
  ];
  it('matches every word against title, site, authors and tags', () => {
    expect(filterEntries(entries, 'tram').map((e) => e.id)).toEqual(['1']);
    expect(filterEntries(entries, 'port chan').map((e) => e.id)).toEqual(['2']);
    expect(filterEntries(entries, 'TRANSPORT').map((e) => e.id)).toEqual(['1']);
    expect(filterEntries(entries, '  ').map((e) => e.id)).toEqual(['1', '2']);
    expect(filterEntries(entries, 'tram harbour')).toEqual([]);
  });
});
