import * as v from 'valibot';
import { RASTER_TYPES } from './pictures/picture';

/**
 * The one description of an article record. The TypeScript types of a page's
 * article, a saved article and an exported one are inferred from it, a JSON
 * file writes its fields in the order given here, and an import checks a
 * backup against it (lib/library/backup-schema.ts). docs/json-schema.md is its
 * prose form, and a unit test holds the two to the same fields.
 *
 * Adding a field is one entry here (its check and the value an older file
 * without it gets) plus, for a library field, its name in LIBRARY_FIELDS, a
 * new SCHEMA_VERSION and a step in lib/library/migrate.ts.
 */

/**
 * Version of the stored record's shape. Records of older versions are
 * upgraded on read by `migrate()` (lib/library/migrate.ts).
 */
export const SCHEMA_VERSION = 5;

const MB = 1024 * 1024;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date and time'));

/** One block the cleaner took out of the page, and why. */
export const RemovalSchema = v.object({
  /** Name of the cleaning rule that removed the block. */
  rule: text(200),
  /** Human-readable reason shown to the reader. */
  reason: text(1000),
  /** The removed block's text, whitespace collapsed and trimmed to a preview length. */
  text: text(10_000),
});

export const READING_STATES = ['unread', 'reading', 'archived'] as const;
export type ReadingState = (typeof READING_STATES)[number];

/**
 * A highlight as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
 * so a JSON file carries it in the standard's own shape: the note is the
 * body, and the target is the article's plain text (`textContent`) picked out
 * by a quote and by offsets (lib/annotations/anchor.ts).
 */
export const HighlightSchema = v.object({
  type: v.literal('Annotation'),
  id: text(100),
  created: timestamp,
  /** The reader's note on the highlight; empty for a bare highlight. */
  bodyValue: v.optional(text(100_000), ''),
  target: v.object({
    selector: v.tuple([
      v.object({ type: v.literal('TextQuoteSelector'), exact: v.pipe(text(100_000), v.nonEmpty()), prefix: text(200), suffix: text(200) }),
      v.object({ type: v.literal('TextPositionSelector'), start: count, end: count }),
    ]),
  }),
});

export type Highlight = v.InferOutput<typeof HighlightSchema>;

/** A picture kept with a saved article: the address the article names and the stored copy (lib/pictures/picture-store.ts). */
export const PictureRefSchema = v.object({
  src: text(10_000),
  /** Lower-case hex SHA-256 of the bytes: the key of the stored copy. */
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')),
  type: v.picklist(RASTER_TYPES),
  size: count,
});

/** A picture that was not kept, and why, as the reader is told. */
export const PictureFailureSchema = v.object({
  src: text(10_000),
  reason: text(1000),
});

/** The page's fields a reader may change on a saved copy (tags and notes are the reader's alone). */
export const EDITABLE_FIELDS = ['title'] as const;

/**
 * Every field in the order a JSON file writes it. Each schema is what a
 * file may hold there; a field a file may leave out is optional, with the
 * value it then takes. The size limits guard against absurd input.
 */
export const ArticleSchema = v.object({
  schemaVersion: v.optional(count),
  /** The library key: a hash of the canonical address (saved-article.ts). */
  id: v.optional(text(64)),
  title: v.pipe(text(2000), v.nonEmpty('must not be empty')),
  authors: v.optional(v.array(text(500)), []),
  siteName: v.optional(text(500), ''),
  /** ISO 8601, or empty when the page does not say. */
  publishedTime: v.optional(text(100), ''),
  modifiedTime: v.optional(text(100)),
  lang: v.optional(text(35), ''),
  dir: v.optional(v.picklist(['ltr', 'rtl', 'auto']), 'auto'),
  excerpt: v.optional(text(10_000), ''),
  leadImage: v.optional(text(10_000)),
  url: v.pipe(text(10_000), v.nonEmpty('must not be empty')),
  canonicalUrl: v.optional(text(10_000), ''),
  /** When it was first saved; saving again keeps it. */
  savedAt: v.optional(timestamp),
  /** When it was last saved or edited. */
  updatedAt: v.optional(timestamp),
  tags: v.optional(v.array(text(200)), []),
  /** The reader's own notes, plain text. */
  notes: v.optional(text(MB), ''),
  /** Page fields the reader changed in the library: saving the page again keeps the reader's value. */
  edited: v.optional(v.array(v.picklist(EDITABLE_FIELDS)), []),
  /** Where the reader is with it; 'reading' goes with `readingPosition`. */
  state: v.optional(v.picklist(READING_STATES), 'unread'),
  favourite: v.optional(v.boolean(), false),
  /** How far down the article the reader had scrolled, as a fraction of its height. */
  readingPosition: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0),
  /** The reader's highlights and their notes, each a W3C Web Annotation on the article's plain text. */
  highlights: v.optional(v.array(HighlightSchema), []),
  /** The pictures kept with the article, each by the address it has in `contentHtml` or `leadImage`. */
  pictures: v.optional(v.array(PictureRefSchema), []),
  /** The pictures that could not be kept, each with the reason. */
  pictureFailures: v.optional(v.array(PictureFailureSchema), []),
  wordCount: v.optional(count, 0),
  readingMinutes: v.optional(count, 0),
  removed: v.optional(v.array(RemovalSchema), []),
  /** Plain text of the body, one blank line between blocks. */
  textContent: v.optional(text(20 * MB), ''),
  /** Sanitised HTML of the article body. */
  contentHtml: text(20 * MB),
});

/** The fields the library adds to a page's article: a page that was never saved has none of them. */
export const LIBRARY_FIELDS = [
  'schemaVersion',
  'id',
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
] as const;
type LibraryField = (typeof LIBRARY_FIELDS)[number];

type Fields = v.InferOutput<typeof ArticleSchema>;

export type Removal = v.InferOutput<typeof RemovalSchema>;

/** The clean copy of one page: what the popup shows, storage keeps and exports write. */
export type ArticleRecord = Omit<Fields, LibraryField>;

/** An article as the library hands it out: every library field present. */
export type SavedArticle = ArticleRecord & Required<Omit<Pick<Fields, LibraryField>, 'schemaVersion'>> & { schemaVersion: typeof SCHEMA_VERSION };

/** An article with what the library adds, where it has been saved. */
export type Exportable = ArticleRecord & Partial<Pick<Fields, LibraryField>>;

type AnySchema = v.GenericSchema & { entries?: Record<string, v.GenericSchema>; item?: v.GenericSchema; wrapped?: v.GenericSchema };

/**
 * `value` rebuilt with its objects' keys in the order `schema` declares
 * them, at every depth, so export → import → export writes the same bytes
 * whatever order a record was built in. Keys the schema does not name, and
 * undefined values, are left out: a file never carries null for "absent".
 */
export function inSchemaOrder(schema: v.GenericSchema, value: unknown): unknown {
  let s = schema as AnySchema;
  while (s.wrapped) s = s.wrapped as AnySchema;
  if (s.entries && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const from = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(s.entries)) {
      if (from[key] !== undefined) out[key] = inSchemaOrder(field, from[key]);
    }
    return out;
  }
  if (s.item && Array.isArray(value)) return value.map((item) => inSchemaOrder(s.item!, item));
  return value;
}
