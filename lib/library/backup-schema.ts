import * as v from 'valibot';
import { ArticleSchema } from '../article-schema';
import { JSON_FORMAT, JSON_VERSION } from '../export/json';
import { isPictureAddress, isWebAddress } from '../web-address';

/**
 * The backup file, checked field by field before anything is written. An
 * article is checked against the record's own schema (lib/article-schema.ts),
 * with its addresses held tighter. Unknown fields are dropped rather than
 * refused, so a file from a later Clean Copy that only adds fields still imports.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date and time'));

// A backup is a file anyone could have written: its addresses are held to the schemes a page's are.
const webAddress = v.pipe(text(10_000), v.check(isWebAddress, 'must be an http or https address'));
const pictureAddress = v.pipe(text(10_000), v.check(isPictureAddress, 'must be an http, https or data:image address'));

/** The record's fields in the record's order; only the address fields are replaced, by stricter checks. */
export const BackupArticleSchema = v.object({
  ...ArticleSchema.entries,
  leadImage: v.optional(pictureAddress),
  url: v.pipe(text(10_000), v.nonEmpty('must not be empty'), v.check(isWebAddress, 'must be an http or https address')),
  canonicalUrl: v.optional(v.union([v.literal(''), webAddress], 'must be an http or https address'), ''),
});

export type BackupArticle = v.InferOutput<typeof BackupArticleSchema>;

/** The envelope alone; each article is checked on its own so one bad article does not sink the rest. */
export const BackupEnvelopeSchema = v.object({
  format: v.literal(JSON_FORMAT, 'is not a Clean Copy file'),
  version: v.literal(JSON_VERSION, `is not version ${JSON_VERSION} of the Clean Copy format`),
  exportedAt: timestamp,
  /** The reader's own cleaning rules; each is checked by normalizeRules (lib/clean/user-rules.ts) and a bad one dropped. */
  userRules: v.optional(v.array(v.unknown()), []),
  articles: v.array(v.unknown()),
  /** The pictures kept with the articles; each is checked by readBackupPicture (lib/pictures/backup-pictures.ts) and a bad one reported. */
  pictures: v.optional(v.array(v.unknown()), []),
});

/** "articles[3].title: must not be empty": the first problem, said where it is. */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
