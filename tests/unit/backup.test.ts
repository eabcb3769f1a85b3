import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { BackupError, importBackup, type ImportOptions } from '../../lib/library/import-backup';
import { exportAllJson } from '../../lib/export/formats';
import { toJson } from '../../lib/export/json';
import { sanitizeHtml } from '../../lib/sanitize';
import { articleId, SCHEMA_VERSION } from '../../lib/library/saved-article';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const win = new JSDOM('').window as unknown as Window;
const NOW = new Date('2026-02-03T04:05:06.000Z');
const options: ImportOptions = { sanitize: (html) => sanitizeHtml(html, win), now: () => NOW };

let area: KeyValueArea;
let library: Library;
beforeEach(() => {
  ({ area, library } = freshLibrary());
});

async function fill(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const a = await library.save(
      sampleArticle({ canonicalUrl: `https://a.example/${i}`, title: `Story ${i % 7}`, leadImage: i % 2 ? 'https://a.example/i.jpg' : undefined }),
      [`t${i % 3}`],
    );
    if (i % 4 === 0) await library.update(a.id, { notes: `note ${i}\nline two` });
  }
}

const backupOf = async () => exportAllJson(await library.all(), NOW).data as string;

describe('backup round trip', () => {
  it('export → wipe → import → export gives the same bytes', async () => {
    await fill(25);
    const first = await backupOf();
    await fakeBrowser.storage.local.clear();
    expect(await library.list()).toEqual([]);
    const report = await importBackup(library, first, options);
    expect(report).toEqual({ imported: 25, updated: 0, skipped: [] });
    expect(await backupOf()).toBe(first);
  });

  it('writes every library field of each article in the documented order', async () => {
    await fill(1);
    const doc = JSON.parse(await backupOf()) as { articles: Record<string, unknown>[] };
    expect(Object.keys(doc.articles[0]!)).toEqual([
      'schemaVersion',
      'id',
      'title',
      'authors',
      'siteName',
      'publishedTime',
      'lang',
      'dir',
      'excerpt',
      'url',
      'canonicalUrl',
      'savedAt',
      'updatedAt',
      'tags',
      'notes',
      'edited',
      'state',
      'favourite',
      'readingPosition',
      'highlights',
      'pictures',
      'pictureFailures',
      'wordCount',
      'readingMinutes',
      'removed',
      'textContent',
      'contentHtml',
    ]);
    expect(doc.articles[0]).toMatchObject({ schemaVersion: SCHEMA_VERSION, tags: ['t0'], notes: 'note 0\nline two' });
  });

  it('a backup written before the record had one schema imports and exports again to the same bytes', async () => {
    // Written by Clean Copy when each module still spelled the record out itself.
    const before = readFileSync(new URL('./fixtures/backup-v3.json', import.meta.url), 'utf8');
    const report = await importBackup(library, before, options);
    expect(report).toEqual({ imported: 3, updated: 0, skipped: [] });
    const again = exportAllJson(await library.all(), new Date(JSON.parse(before).exportedAt)).data;
    // Version 3 records come back as the current version, with the fields versions 4 and 5 added: the rest is byte for byte.
    const upgraded = before
      .replaceAll('"schemaVersion": 3,', `"schemaVersion": ${SCHEMA_VERSION},`)
      .replace(
        /^( {6}"notes": ".*",\n)/gm,
        '$1      "edited": [],\n      "state": "unread",\n      "favourite": false,\n      "readingPosition": 0,\n      "highlights": [],\n      "pictures": [],\n      "pictureFailures": [],\n',
      );
    expect(upgraded).not.toBe(before);
    expect(again).toBe(upgraded);
  });
});

describe('importing', () => {
  it('counts new and updated articles and keeps what the library changed later', async () => {
    await fill(3);
    const backup = await backupOf();
    const [newest, , oldest] = await library.list();
    await library.update(newest!.id, { notes: 'changed after the backup' });
    await library.remove([oldest!.id]);
    const report = await importBackup(library, backup, options);
    expect(report.imported).toBe(1);
    expect(report.updated).toBe(1);
    expect(report.skipped).toEqual([{ index: 0, reason: 'the library’s copy was changed after this backup was made' }]);
    expect((await library.get(newest!.id))?.notes).toBe('changed after the backup');
    expect(await library.get(oldest!.id)).toBeDefined();
  });

  it('skips invalid and duplicate articles with the reason, and imports the rest', async () => {
    const good = sampleArticle({ canonicalUrl: 'https://a.example/good' });
    const doc = {
      format: 'clean-copy',
      version: 1,
      exportedAt: NOW.toISOString(),
      articles: [
        good,
        { ...good, title: '' },
        'not an article',
        { ...good, wordCount: 'many' },
        { ...good, title: 'Again' },
        { ...good, canonicalUrl: 'https://a.example/future', schemaVersion: 99 },
      ],
    };
    const report = await importBackup(library, JSON.stringify(doc), options);
    expect(report.imported).toBe(1);
    expect(report.skipped.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
    expect(report.skipped[0]!.reason).toBe('title: must not be empty');
    expect(report.skipped[2]!.reason).toMatch(/^wordCount: /);
    expect(report.skipped[3]!.reason).toBe('same article as articles[0]');
    expect(report.skipped[4]!.reason).toMatch(/newer than this Clean Copy/);
    // A plain export of an unsaved page gets the library fields on import.
    expect(await library.get(articleId('https://a.example/good'))).toMatchObject({
      savedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      tags: [],
      notes: '',
    });
  });

  it('migrates articles of an older schema version', async () => {
    const v1 = {
      ...sampleArticle(),
      schemaVersion: 1,
      id: 'whatever',
      savedAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      tags: ['a'],
    };
    const report = await importBackup(library, JSON.stringify({ format: 'clean-copy', version: 1, exportedAt: NOW.toISOString(), articles: [v1] }), options);
    expect(report.imported).toBe(1);
    const [entry] = await library.list();
    expect(entry!.id).toBe(articleId(sampleArticle().canonicalUrl));
    expect(await library.get(entry!.id)).toMatchObject({ schemaVersion: SCHEMA_VERSION, notes: '', tags: ['a'], savedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('sanitises imported HTML before it is stored', async () => {
    const hostile = sampleArticle({
      contentHtml: '<p onclick="alert(1)">Hi<script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">x</a></p>',
    });
    await importBackup(library, toJson([hostile], NOW), options);
    const html = (await library.all())[0]!.contentHtml;
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(html).toContain('Hi');
  });

  it.each([
    ['not JSON', '{"format": "clean-copy", '],
    ['another program’s JSON', JSON.stringify({ format: 'pocket', version: 1, exportedAt: NOW.toISOString(), articles: [] })],
    ['a newer format version', JSON.stringify({ format: 'clean-copy', version: 2, exportedAt: NOW.toISOString(), articles: [sampleArticle()] })],
    ['a list of articles without the envelope', JSON.stringify([sampleArticle()])],
    ['articles that are not a list', JSON.stringify({ format: 'clean-copy', version: 1, exportedAt: NOW.toISOString(), articles: {} })],
  ])('refuses %s and changes nothing', async (_name, text) => {
    await fill(2);
    const before = await area.get(null);
    await expect(importBackup(library, text, options)).rejects.toBeInstanceOf(BackupError);
    expect(await area.get(null)).toEqual(before);
  });

  it('reports a write failure and leaves what was saved before', async () => {
    await fill(1);
    const before = await area.get(null);
    const full: KeyValueArea = { get: (k) => area.get(k), remove: (k) => area.remove(k), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const backup = toJson([sampleArticle({ canonicalUrl: 'https://a.example/new' })], NOW);
    await expect(importBackup(new Library(full), backup, options)).rejects.toThrow(/quota/i);
    expect(await area.get(null)).toEqual(before);
  });
});

describe('addresses in a backup', () => {
  const file = (articles: unknown[]) => JSON.stringify({ format: 'clean-copy', version: 1, exportedAt: NOW.toISOString(), articles });

  it('are held to the schemes of a page’s addresses: a script address refuses its article, with the field named', async () => {
    const report = await importBackup(
      library,
      file([
        sampleArticle({ canonicalUrl: 'javascript:alert(1)' }),
        sampleArticle({ url: ' JavaScript:alert(2)', canonicalUrl: '' }),
        sampleArticle({ canonicalUrl: 'https://a.example/ok', leadImage: 'javascript:alert(3)' }),
        sampleArticle({ canonicalUrl: 'https://a.example/fine', leadImage: 'data:image/png;base64,iVBORw0KGgo=' }),
        sampleArticle({ canonicalUrl: '', url: 'http://b.example/plain' }),
      ]),
      options,
    );
    expect(report.skipped).toEqual([
      { index: 0, reason: 'canonicalUrl: must be an http or https address' },
      { index: 1, reason: 'url: must be an http or https address' },
      { index: 2, reason: 'leadImage: must be an http, https or data:image address' },
    ]);
    expect(report.imported).toBe(2);
    expect((await library.all()).map((a) => a.canonicalUrl || a.url).sort()).toEqual(['http://b.example/plain', 'https://a.example/fine']);
  });
});
