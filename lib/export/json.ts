import { ArticleSchema, inSchemaOrder } from '../article-schema';
import type { Exportable } from './exportable';
import type { BackupPicture } from '../pictures/backup-pictures';

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
  /** The pictures kept with the articles, each once, after them (docs/pictures.md); absent when there are none. */
  pictures?: BackupPicture[];
}

/**
 * Every field in the order lib/article-schema.ts declares, whatever order
 * the record was built in, so export → import → export writes the same
 * bytes. Fields a record lacks are left out rather than written as null.
 */
export function jsonArticle(a: Exportable): Exportable {
  return inSchemaOrder(ArticleSchema, a) as Exportable;
}

/**
 * One file for one article or many, in the backup's shape: the streamed
 * writer below, gathered into one string, so there is one JSON writer.
 */
export function toJson(articles: readonly Exportable[], exportedAt: Date): string {
  let text = '';
  const writer = new JsonWriter((part) => {
    text += part;
  }, exportedAt);
  for (const a of articles) writer.add(a);
  writer.finish();
  return text;
}

/**
 * The backup's JSON, written an article at a time, so a backup of thousands
 * of articles never holds them all as one string. The text is what
 * `JSON.stringify(doc, null, 2)` of the whole file would be.
 */
export class JsonWriter {
  private count = 0;
  private pictures = 0;

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

  /**
   * One kept picture, after every article: the first closes the article list
   * and opens a `pictures` list. A file without pictures has no such list,
   * so a backup without them reads as before.
   */
  addPicture(p: BackupPicture): void {
    if (this.pictures === 0) this.write(`${this.closeArticles()},\n  "pictures": [`);
    const text = JSON.stringify({ hash: p.hash, type: p.type, data: p.data }, null, 2).replace(/\n/g, '\n    ');
    this.write(`${this.pictures++ === 0 ? '\n' : ',\n'}    ${text}`);
  }

  finish(): void {
    if (this.pictures > 0) this.write('\n  ]\n}\n');
    else this.write(`${this.closeArticles()}\n}\n`);
  }

  private closeArticles(): string {
    return this.count === 0 ? ']' : '\n  ]';
  }
}
