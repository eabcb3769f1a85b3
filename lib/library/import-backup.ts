import * as v from 'valibot';
import { BackupArticleSchema, BackupEnvelopeSchema, firstProblem, type BackupArticle } from './backup-schema';
import type { Library } from './library';
import { MigrationError, migrate } from './migrate';
import { articleId, SCHEMA_VERSION, type SavedArticle } from './saved-article';
import { normalizeTags } from './tags';
import type { Picture } from '../pictures/picture';
import type { PictureStore } from '../pictures/picture-store';
import { readBackupPicture } from '../pictures/backup-pictures';

export interface ImportReport {
  /** Articles that were not in the library before. */
  imported: number;
  /** Articles that replaced an older copy in the library. */
  updated: number;
  /** Articles left out, by their position in the file's `articles` list. */
  skipped: { index: number; reason: string }[];
  /** The reader's own cleaning rules the backup added. */
  rules?: number;
  /** Pictures restored into the picture store. */
  pictures?: number;
  /** Pictures of the file left out, by their position in its `pictures` list, and why. */
  badPictures?: { index: number; reason: string }[];
}

/** The file as a whole is unusable: not JSON, not Clean Copy's, or a version this build cannot read. Nothing was written. */
export class BackupError extends Error {}

export interface ImportOptions {
  /**
   * Makes imported HTML safe. A backup is a file anyone could have written,
   * so its HTML is treated like a web page's: sanitised again on the way in,
   * as well as before every render.
   */
  sanitize: (html: string) => string;
  now?: () => Date;
  /** Takes the backup's own cleaning rules in, answering how many were new; without it they are left out. */
  mergeUserRules?: (rules: readonly unknown[]) => Promise<number>;
  /** Where the backup's pictures are restored; without it they are left out and the articles keep links. */
  pictures?: Pick<PictureStore, 'add' | 'own' | 'has' | 'sweep'>;
}

/** Parse and check the envelope; throws BackupError. */
export function readBackup(text: string): unknown[] {
  return readBackupEnvelope(text).articles;
}

/** The envelope's articles and the reader's own cleaning rules, unchecked one by one yet; throws BackupError. */
export function readBackupEnvelope(text: string): { articles: unknown[]; userRules: unknown[]; pictures: unknown[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new BackupError('This is not a JSON file.');
  }
  const envelope = v.safeParse(BackupEnvelopeSchema, doc);
  if (!envelope.success) throw new BackupError(`This is not a Clean Copy backup (${firstProblem(envelope.issues)}).`);
  return envelope.output;
}

/**
 * One article of a backup, checked and brought to the current record shape.
 * An article without `schemaVersion` is a plain export of a page that was
 * never saved; one with an older version is migrated first.
 */
export function readArticle(raw: unknown, options: ImportOptions): { ok: true; record: SavedArticle } | { ok: false; reason: string } {
  let input = raw;
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw && raw.schemaVersion !== SCHEMA_VERSION) {
    try {
      input = migrate(raw);
    } catch (error) {
      return { ok: false, reason: error instanceof MigrationError ? error.message : String(error) };
    }
  }
  const parsed = v.safeParse(BackupArticleSchema, input);
  if (!parsed.success) return { ok: false, reason: firstProblem(parsed.issues) };
  return { ok: true, record: toRecord(parsed.output, options) };
}

function toRecord(a: BackupArticle, options: ImportOptions): SavedArticle {
  const stamp = (options.now ?? (() => new Date()))().toISOString();
  const savedAt = a.savedAt ?? stamp;
  const record: SavedArticle = {
    ...a,
    schemaVersion: SCHEMA_VERSION,
    // The key comes from the address, never from the file, so an import cannot land on another article's key.
    id: articleId(a.canonicalUrl || a.url),
    savedAt,
    updatedAt: a.updatedAt ?? savedAt,
    tags: normalizeTags(a.tags),
    contentHtml: options.sanitize(a.contentHtml),
  };
  if (record.modifiedTime === undefined) delete record.modifiedTime;
  if (record.leadImage === undefined) delete record.leadImage;
  return record;
}

/**
 * Everything a backup would write, decided before anything is written. An
 * article already in the library is replaced unless the library's copy was
 * changed more recently than the backup's.
 */
export function planImport(
  raws: readonly unknown[],
  existing: ReadonlyMap<string, string>,
  options: ImportOptions,
): { records: SavedArticle[]; report: ImportReport } {
  const report: ImportReport = { imported: 0, updated: 0, skipped: [] };
  const records: SavedArticle[] = [];
  const firstIndex = new Map<string, number>();
  raws.forEach((raw, index) => {
    const read = readArticle(raw, options);
    if (!read.ok) {
      report.skipped.push({ index, reason: read.reason });
      return;
    }
    const { record } = read;
    const earlier = firstIndex.get(record.id);
    if (earlier !== undefined) {
      report.skipped.push({ index, reason: `same article as articles[${earlier}]` });
      return;
    }
    firstIndex.set(record.id, index);
    const libraryUpdatedAt = existing.get(record.id);
    if (libraryUpdatedAt !== undefined && libraryUpdatedAt > record.updatedAt) {
      report.skipped.push({ index, reason: 'the library’s copy was changed after this backup was made' });
      return;
    }
    if (libraryUpdatedAt === undefined) report.imported++;
    else report.updated++;
    records.push(record);
  });
  return { records, report };
}

/** Restore a backup file into the library. Throws BackupError, before writing anything, for a file that is not a backup. */
export async function importBackup(library: Library, text: string, options: ImportOptions): Promise<ImportReport> {
  const { articles, userRules, pictures } = readBackupEnvelope(text);
  const existing = new Map((await library.list()).map((e) => [e.id, e.updatedAt] as const));
  const { records, report } = planImport(articles, existing, options);
  const restored = options.pictures ? await restorePictures(records, pictures, options.pictures, report) : null;
  await library.put(records);
  if (restored) {
    await options.pictures!.own(records.map((r) => ({ id: r.id, hashes: r.pictures.map((p) => p.hash) })));
    // Pictures only skipped articles used are not kept.
    await options.pictures!.sweep(restored);
  }
  if (options.mergeUserRules && userRules.length) report.rules = await options.mergeUserRules(userRules);
  return report;
}

/** Why an article's picture is a link again after an import. */
const NOT_RESTORED = 'not in the backup, or refused by its checks';
const NO_ROOM = 'the browser has no room left to store it';

/**
 * Check the backup's pictures and store those the imported articles use,
 * before the articles are written. A picture that fails its checks is
 * reported and left out; an article naming a picture that is neither in the
 * backup nor stored already keeps the address as a link, the failure listed.
 * Hands back the hashes stored, for a sweep once the articles own them.
 */
async function restorePictures(
  records: SavedArticle[],
  raws: readonly unknown[],
  store: NonNullable<ImportOptions['pictures']>,
  report: ImportReport,
): Promise<string[]> {
  const good = new Map<string, Picture>();
  const bad: { index: number; reason: string }[] = [];
  for (const [index, raw] of raws.entries()) {
    const read = await readBackupPicture(raw);
    if (read.ok) good.set(read.picture.hash, read.picture);
    else bad.push({ index, reason: read.reason });
  }
  if (bad.length) report.badPictures = bad;
  const wanted = new Set(records.flatMap((r) => r.pictures.map((p) => p.hash)));
  const already = await store.has([...wanted].filter((h) => !good.has(h)));
  const toStore = [...wanted].flatMap((h) => {
    const p = good.get(h);
    return p ? [p] : [];
  });
  let stored = true;
  try {
    if (toStore.length) await store.add(toStore);
  } catch {
    stored = false;
  }
  for (const r of records) {
    const kept = r.pictures.filter((p) => (stored && good.has(p.hash)) || already.has(p.hash));
    if (kept.length === r.pictures.length) continue;
    const lost = r.pictures.filter((p) => !kept.includes(p)).map((p) => ({ src: p.src, reason: stored ? NOT_RESTORED : NO_ROOM }));
    r.pictures = kept;
    r.pictureFailures = [...r.pictureFailures, ...lost];
  }
  report.pictures = stored ? toStore.length : 0;
  return stored ? toStore.map((p) => p.hash) : [];
}
