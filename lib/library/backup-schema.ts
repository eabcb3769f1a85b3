import * as v from 'valibot';
import { JSON_FORMAT, JSON_VERSION } from '../export/json';
import { isPictureAddress, isWebAddress } from '../web-address';

/**
 * The backup file, checked field by field before anything is written.
 * docs/json-schema.md is the prose version of these schemas; keep them in step.
 * Unknown fields are dropped rather than refused, so a file from a later
 * Clean Copy that only adds fields still imports.
 */

const MB = 1024 * 1024;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date and time'));

// A backup is a file anyone could have written: its addresses are held to the schemes a page's are.
const webAddress = v.pipe(text(10_000), v.check(isWebAddress, 'must be an http or https address'));
const pictureAddress = v.pipe(text(10_000), v.check(isPictureAddress, 'must be an http, https or data:image address'));

export const RemovalSchema = v.object({ rule: text(200), reason: text(1000), text: text(10_000) });

export const BackupArticleSchema = v.object({
  schemaVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  id: v.optional(text(64)),
  title: v.pipe(text(2000), v.nonEmpty('must not be empty')),
  authors: v.optional(v.array(text(500)), []),
  siteName: v.optional(text(500), ''),
  publishedTime: v.optional(text(100), ''),
  modifiedTime: v.optional(text(100)),
  lang: v.optional(text(35), ''),
  dir: v.optional(v.picklist(['ltr', 'rtl', 'auto']), 'auto'),
  excerpt: v.optional(text(10_000), ''),
  leadImage: v.optional(pictureAddress),
  url: v.pipe(text(10_000), v.nonEmpty('must not be empty'), v.check(isWebAddress, 'must be an http or https address')),
  canonicalUrl: v.optional(v.union([v.literal(''), webAddress], 'must be an http or https address'), ''),
  savedAt: v.optional(timestamp),
  updatedAt: v.optional(timestamp),
  tags: v.optional(v.array(text(200)), []),
  notes: v.optional(text(MB), ''),
  wordCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  readingMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  removed: v.optional(v.array(RemovalSchema), []),
  textContent: v.optional(text(20 * MB), ''),
  contentHtml: text(20 * MB),
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
});

/** "articles[3].title: must not be empty": the first problem, said where it is. */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
