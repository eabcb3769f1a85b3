import type { ArticleRecord } from '../article';
import { articleId, SCHEMA_VERSION, type SavedArticle, type StoredArticle } from './saved-article';

/**
 * Version 0: what the first prototype stored, before records carried a
 * `schemaVersion`. It had one `author` string instead of an `authors` list,
 * no `id`, `updatedAt`, `tags` or `removed`, and was keyed by URL.
 */
export interface SavedArticleV0 extends Omit<ArticleRecord, 'authors' | 'removed'> {
  author?: string;
  savedAt: string;
}

/** Version 1: the library's first versioned shape — version 2 without `notes`. */
export type SavedArticleV1 = Omit<SavedArticleV2, 'schemaVersion' | 'notes'> & { schemaVersion: 1 };

/**
 * Version 2: the fields of version 3, with the plain text (`textContent`)
 * inside the record rather than under a key of its own.
 */
export type SavedArticleV2 = Omit<SavedArticleV3, 'schemaVersion'> & { schemaVersion: 2 };

/** Version 4: version 5 without the kept pictures. */
export type SavedArticleV4 = Omit<SavedArticle, 'schemaVersion' | 'pictures' | 'pictureFailures'> & { schemaVersion: 4 };

/** Version 3: version 4 without the reader's edits, reading state and highlights. */
export type SavedArticleV3 = Omit<SavedArticleV4, 'schemaVersion' | 'edited' | 'state' | 'favourite' | 'readingPosition' | 'highlights'> & { schemaVersion: 3 };

export class MigrationError extends Error {}

type Loose = Record<string, unknown>;

function fromV0(r: Loose): Loose {
  const { author, ...rest } = r as Loose & { author?: unknown };
  const url = String(rest.canonicalUrl || rest.url || '');
  return {
    ...rest,
    schemaVersion: 1,
    id: articleId(url),
    authors: typeof author === 'string' && author.trim() ? [author.trim()] : [],
    removed: [],
    updatedAt: rest.savedAt,
    tags: [],
  };
}

function fromV1(r: Loose): Loose {
  return { ...r, schemaVersion: 2, notes: '' };
}

/**
 * The fields do not change: only where the text is stored does. A version 2
 * record read from storage still carries its text, and the library takes it
 * from there until the record is written again, in the version 3 layout.
 */
function fromV2(r: Loose): Loose {
  return { ...r, schemaVersion: 3 };
}

/**
 * Version 3 did not say which fields the reader had changed, so a title
 * renamed then is taken as the page's: the next save from the page replaces
 * it. It had no reading state or highlights: every article starts unread.
 */
function fromV3(r: Loose): Loose {
  return { ...r, schemaVersion: 4, edited: [], state: 'unread', favourite: false, readingPosition: 0, highlights: [] };
}

/** Version 4 kept no pictures: every picture is still a link to its site. */
function fromV4(r: Loose): Loose {
  return { ...r, schemaVersion: 5, pictures: [], pictureFailures: [] };
}

/** Step n upgrades a version-n record to version n + 1. */
const STEPS: ReadonlyArray<(r: Loose) => Loose> = [fromV0, fromV1, fromV2, fromV3, fromV4];

/** The version a stored record claims; records from before versioning are 0. */
export function versionOf(record: Loose): number {
  return record.schemaVersion === undefined ? 0 : Number(record.schemaVersion);
}

/**
 * A record as read from an article key or a backup: from version 3 on, the
 * key holds no text (the library reads it from the text key); older records
 * and backups carry it.
 */
export type MigratedRecord = StoredArticle & { textContent?: string };

/**
 * A stored record of any known version, upgraded to the current shape.
 * Pure: the caller decides whether to write the result back. A record from a
 * newer Clean Copy is refused rather than guessed at, so it is never
 * downgraded by being saved again.
 */
export function migrate(record: unknown): MigratedRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new MigrationError('not an article record');
  let r = record as Loose;
  let version = versionOf(r);
  if (!Number.isInteger(version) || version < 0) throw new MigrationError(`unknown schema version ${String(r.schemaVersion)}`);
  if (version > SCHEMA_VERSION) throw new MigrationError(`schema version ${version} is newer than this Clean Copy understands (${SCHEMA_VERSION})`);
  while (version < SCHEMA_VERSION) {
    r = STEPS[version]!(r);
    version++;
  }
  return r as unknown as MigratedRecord;
}

/** Exposed for tests of a single step. */
export const migrationSteps = STEPS;
