import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrate, migrationSteps, MigrationError, type SavedArticleV0 } from '../../lib/library/migrate';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { articleId, SCHEMA_VERSION } from '../../lib/library/saved-article';
import { sampleArticle, readerDefaults } from './support/article';

function v0(): SavedArticleV0 {
  const { authors: _authors, removed: _removed, ...rest } = sampleArticle();
  return { ...rest, author: ' Ann Lee ', savedAt: '2024-05-01T10:00:00.000Z' };
}

describe('migrate', () => {
  it('upgrades a version 0 record (one author string, no id, tags or version) to version 1', () => {
    const v1 = migrationSteps[0]!(v0() as unknown as Record<string, unknown>);
    expect(v1).toMatchObject({
      schemaVersion: 1,
      id: articleId('https://city.example/trams'),
      authors: ['Ann Lee'],
      removed: [],
      tags: [],
      savedAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(v1).not.toHaveProperty('author');
    expect(v1).not.toHaveProperty('notes');
  });

  it('upgrades version 0 and version 1 records to the current version', () => {
    const fromV0 = migrate(v0());
    expect(fromV0.schemaVersion).toBe(SCHEMA_VERSION);
    expect(fromV0.notes).toBe('');
    expect(fromV0.title).toBe(sampleArticle().title);
    const v1 = { ...sampleArticle(), schemaVersion: 1, id: 'x', savedAt: 's', updatedAt: 'u', tags: ['a'] };
    expect(migrate(v1)).toEqual({
      ...v1,
      schemaVersion: SCHEMA_VERSION,
      notes: '',
      ...readerDefaults(),
    });
  });

  it('upgrades a version 2 record to version 3 without changing a field: only where the text is kept changes', () => {
    const v2 = { ...sampleArticle(), schemaVersion: 2, id: 'x', savedAt: 's', updatedAt: 'u', tags: [], notes: 'n' };
    expect(migrationSteps[2]!(v2)).toEqual({ ...v2, schemaVersion: 3 });
  });

  it('upgrades a version 3 record to version 4 with no field marked as edited by the reader', () => {
    const v3 = { ...sampleArticle(), schemaVersion: 3, id: 'x', savedAt: 's', updatedAt: 'u', tags: [], notes: 'n' };
    expect(migrationSteps[3]!(v3)).toEqual({ ...v3, schemaVersion: 4, edited: [], state: 'unread', favourite: false, readingPosition: 0, highlights: [] });
  });

  it('upgrades a version 4 record to version 5 with no picture kept: its pictures stay links', () => {
    const v4 = { ...sampleArticle(), schemaVersion: 4, id: 'x', savedAt: 's', updatedAt: 'u', tags: [], notes: 'n', highlights: [] };
    expect(migrationSteps[4]!(v4)).toEqual({ ...v4, schemaVersion: 5, pictures: [], pictureFailures: [] });
  });

  it('returns a current record unchanged and refuses newer or malformed ones', () => {
    const current = {
      ...sampleArticle(),
      schemaVersion: SCHEMA_VERSION,
      id: 'x',
      savedAt: 's',
      updatedAt: 'u',
      tags: [],
      notes: 'n',
      ...readerDefaults(),
    };
    expect(migrate(current)).toEqual(current);
    expect(() => migrate({ ...current, schemaVersion: SCHEMA_VERSION + 1 })).toThrow(MigrationError);
    expect(() => migrate({ ...current, schemaVersion: -1 })).toThrow(MigrationError);
    expect(() => migrate('text')).toThrow(MigrationError);
    expect(() => migrate(null)).toThrow(MigrationError);
  });

  it('is applied when the library reads an older record from storage', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local as unknown as KeyValueArea;
    const id = articleId('https://city.example/trams');
    await area.set({
      [`article:${id}`]: { ...sampleArticle(), schemaVersion: 1, id, savedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', tags: [] },
    });
    const library = new Library(area);
    expect(await library.get(id)).toMatchObject({ schemaVersion: SCHEMA_VERSION, notes: '' });
    // Saving again writes the current version, keeping the first save date.
    const saved = await library.save(sampleArticle());
    expect(saved).toMatchObject({ schemaVersion: SCHEMA_VERSION, savedAt: '2025-01-01T00:00:00.000Z', notes: '' });
  });

  it('reads a version 2 record’s text from the record itself, and writes it back in the version 3 layout', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local as unknown as KeyValueArea;
    const id = articleId('https://city.example/trams');
    const v2 = {
      ...sampleArticle(),
      schemaVersion: 2,
      id,
      savedAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      tags: ['old'],
      notes: 'mine',
    };
    await area.set({ [`article:${id}`]: v2 });
    const library = new Library(area);
    const read = await library.get(id);
    expect(read).toEqual({
      ...v2,
      schemaVersion: SCHEMA_VERSION,
      ...readerDefaults(),
    });
    expect(await library.texts([id])).toEqual(new Map([[id, v2.textContent]]));
    // Even a read that skips the text key gets it, from the record.
    expect((await library.getMany([id], { text: false }))[0]!.textContent).toBe(v2.textContent);

    await library.update(id, { tags: ['old', 'new'] });
    const stored = await area.get([`article:${id}`, `text:${id}`]);
    expect(stored[`article:${id}`]).toMatchObject({ schemaVersion: SCHEMA_VERSION, tags: ['old', 'new'], notes: 'mine' });
    expect(stored[`article:${id}`]).not.toHaveProperty('textContent');
    expect(stored[`text:${id}`]).toBe(v2.textContent);
    expect((await library.get(id))!.textContent).toBe(v2.textContent);
  });
});
