import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleSchema, inSchemaOrder, LIBRARY_FIELDS, RemovalSchema } from '../../lib/article-schema';
import { BackupArticleSchema } from '../../lib/library/backup-schema';
import { ENTRY_FIELDS, entryOf, SCHEMA_VERSION, type SavedArticle } from '../../lib/library/saved-article';
import { jsonArticle } from '../../lib/export/json';
import { sampleArticle, readerDefaults } from './support/article';

/** The rows of the table under a heading of docs/json-schema.md: field name and the "required on import" cell. */
function documentedFields(heading: string): { field: string; required: string }[] {
  const doc = readFileSync(new URL('../../docs/json-schema.md', import.meta.url), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) throw new Error(`docs/json-schema.md has no "## ${heading}" section`);
  const table = section.split(/^### /m)[0]!;
  return [...table.matchAll(/^\|\s*`(\w+)`\s*\|[^|]*\|([^|]*)\|/gm)].map((m) => ({ field: m[1]!, required: m[2]!.trim() }));
}

describe('the article schema is the one source of the record’s shape', () => {
  it('docs/json-schema.md lists exactly the schema’s fields, in its order', () => {
    expect(documentedFields('Article').map((r) => r.field)).toEqual(Object.keys(ArticleSchema.entries));
  });

  it('docs/json-schema.md marks as required on import exactly the fields the schema requires', () => {
    const requiredInDoc = documentedFields('Article')
      .filter((r) => r.required.includes('**yes**'))
      .map((r) => r.field);
    const requiredInSchema = Object.entries(ArticleSchema.entries)
      .filter(([, s]) => s.type !== 'optional')
      .map(([k]) => k);
    expect(requiredInDoc).toEqual(requiredInSchema);
    expect(requiredInSchema).toEqual(['title', 'url', 'contentHtml']);
  });

  it('the backup check has the same fields in the same order, only stricter about addresses', () => {
    expect(Object.keys(BackupArticleSchema.entries)).toEqual(Object.keys(ArticleSchema.entries));
  });

  it('every library field and list-entry field is a field of the schema', () => {
    const fields = Object.keys(ArticleSchema.entries);
    for (const f of [...LIBRARY_FIELDS, ...ENTRY_FIELDS]) expect(fields).toContain(f);
  });

  it('a JSON article takes the schema’s order at every depth and drops unknown and undefined fields', () => {
    const shuffled = {
      contentHtml: '<p>x</p>',
      removed: [{ text: 'Ad', reason: 'advertisement slot', rule: 'ad-slots', extra: 1 }],
      title: 'T',
      leadImage: undefined,
      url: 'https://a.example/',
      stray: 'not a field',
    };
    const out = inSchemaOrder(ArticleSchema, shuffled) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['title', 'url', 'removed', 'contentHtml']);
    expect(Object.keys((out.removed as object[])[0]!)).toEqual(Object.keys(RemovalSchema.entries));
  });

  it('an unsaved page’s JSON article has no library fields', () => {
    const keys = Object.keys(jsonArticle(sampleArticle()));
    for (const f of LIBRARY_FIELDS) expect(keys).not.toContain(f);
    expect(keys[0]).toBe('title');
  });

  it('a list entry holds exactly the entry fields, in their order', () => {
    const saved: SavedArticle = {
      ...sampleArticle(),
      schemaVersion: SCHEMA_VERSION,
      id: 'x',
      savedAt: 's',
      updatedAt: 'u',
      tags: ['a'],
      notes: 'n',
      ...readerDefaults(),
    };
    expect(Object.keys(entryOf(saved))).toEqual([...ENTRY_FIELDS]);
  });
});
