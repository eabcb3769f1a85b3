import type { ArticleRecord } from '../article';
import { articleId, entryOf, SCHEMA_VERSION, type LibraryEntry, type SavedArticle } from './saved-article';

/**
 * The slice of `browser.storage.local` the library uses, so the same code
 * runs on the real storage, on WXT's fake browser and on a Map in Node.
 */
export interface KeyValueArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  getKeys?(): Promise<string[]>;
}

const ARTICLE = 'article:';
const ENTRY = 'entry:';

/**
 * Saved articles, one storage key each, plus one small entry key each for
 * listing. There is no shared index array: two tabs saving at once write
 * different keys, and saving the 10,000th article costs what the first did.
 */
export class Library {
  constructor(private readonly area: KeyValueArea, private readonly now: () => Date = () => new Date()) {}

  async save(article: ArticleRecord, tags: string[] = []): Promise<SavedArticle> {
    const id = articleId(article.canonicalUrl || article.url);
    const previous = await this.get(id);
    const stamp = this.now().toISOString();
    const saved: SavedArticle = {
      ...article,
      schemaVersion: SCHEMA_VERSION,
      id,
      savedAt: previous?.savedAt ?? stamp,
      updatedAt: stamp,
      tags: previous ? [...new Set([...previous.tags, ...tags])] : tags,
    };
    await this.area.set({ [ARTICLE + id]: saved, [ENTRY + id]: entryOf(saved) });
    return saved;
  }

  async get(id: string): Promise<SavedArticle | undefined> {
    const got = await this.area.get([ARTICLE + id]);
    return got[ARTICLE + id] as SavedArticle | undefined;
  }

  /** Whether an article with this address is saved already. */
  async has(canonicalUrl: string): Promise<boolean> {
    const id = articleId(canonicalUrl);
    const got = await this.area.get([ENTRY + id]);
    return got[ENTRY + id] !== undefined;
  }

  /** Every entry, newest save first. Bodies stay in storage. */
  async list(): Promise<LibraryEntry[]> {
    const keys = await this.keys(ENTRY);
    const got = keys === null ? await this.area.get(null) : await this.area.get(keys);
    const entries: LibraryEntry[] = [];
    for (const [key, value] of Object.entries(got)) if (key.startsWith(ENTRY)) entries.push(value as LibraryEntry);
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.title.localeCompare(b.title));
  }

  async remove(id: string): Promise<void> {
    await this.area.remove([ARTICLE + id, ENTRY + id]);
  }

  /** Every saved article, newest first, for export-all. */
  async all(): Promise<SavedArticle[]> {
    const entries = await this.list();
    if (entries.length === 0) return [];
    const got = await this.area.get(entries.map((e) => ARTICLE + e.id));
    return entries.map((e) => got[ARTICLE + e.id] as SavedArticle | undefined).filter((a): a is SavedArticle => a !== undefined);
  }

  /** Keys with a prefix, or null when the storage cannot list keys alone. */
  private async keys(prefix: string): Promise<string[] | null> {
    if (!this.area.getKeys) return null;
    try {
      return (await this.area.getKeys()).filter((k) => k.startsWith(prefix));
    } catch {
      return null;
    }
  }
}
