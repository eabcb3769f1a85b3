import type { Exportable } from './exportable';

/** Format tag and version of every JSON file Clean Copy writes; docs/json-schema.md describes it. */
export const JSON_FORMAT = 'clean-copy';
export const JSON_VERSION = 1;

export interface JsonExport {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  /** The reader's own cleaning rules (lib/clean/user-rules.ts), in a backup of the library. */
  userRules?: readonly unknown[];
  articles: Exportable[];
}

/**
 * Every field in a fixed order, whatever order the record was built in, so
 * export → import → export writes the same bytes. Fields a record lacks are
 * left out rather than written as null.
 */
export function jsonArticle(a: Exportable): Exportable {
  const out: Exportable = {
    schemaVersion: a.schemaVersion,
    id: a.id,
    title: a.title,
    authors: a.authors,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    dir: a.dir,
    excerpt: a.excerpt,
    leadImage: a.leadImage,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    tags: a.tags,
    notes: a.notes,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    removed: a.removed.map((r) => ({ rule: r.rule, reason: r.reason, text: r.text })),
    textContent: a.textContent,
    contentHtml: a.contentHtml,
  };
  for (const key of Object.keys(out) as (keyof Exportable)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** One file for one article or many: the same shape as a backup. */
export function toJson(articles: readonly Exportable[], exportedAt: Date): string {
  const doc: JsonExport = { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: exportedAt.toISOString(), articles: articles.map(jsonArticle) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The same text as `toJson`, written an article at a time, so a backup of
 * thousands of articles never holds them all as one string.
 */
export class JsonWriter {
  private count = 0;

  constructor(
    private readonly write: (text: string) => void,
    exportedAt: Date,
    userRules: readonly unknown[] = [],
  ) {
    const head = JSON.stringify(
      { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: exportedAt.toISOString(), ...(userRules.length ? { userRules } : {}) },
      null,
      2,
    );
    write(`${head.slice(0, -2)},\n  "articles": [`);
  }

  add(a: Exportable): void {
    const text = JSON.stringify(jsonArticle(a), null, 2).replace(/\n/g, '\n    ');
    this.write(`${this.count++ === 0 ? '\n' : ',\n'}    ${text}`);
  }

  finish(): void {
    this.write(this.count === 0 ? ']\n}\n' : '\n  ]\n}\n');
  }
}
