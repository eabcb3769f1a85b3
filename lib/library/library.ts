import type { ArticleRecord } from '../article';
import { migrate } from './migrate';
import { articleId, entryOf, SCHEMA_VERSION, type ArticleEdit, type LibraryEntry, type SavedArticle } from './saved-article';
import { editTags, normalizeTags } from './tags';

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

export const ARTICLE = 'article:';
export const ENTRY = 'entry:';

/** Records written per storage call: big enough to be quick, small enough not to hold a whole library in one message. */
const WRITE_BATCH = 200;

export class NotSavedError extends Error {
  constructor(id: string) {
    super(`no saved article ${id}`);
  }
}

/**
 * Saved articles, one storage key each, plus one small entry key each for
 * listing. There is no shared index array: two tabs saving at once write
 * different keys, and saving the 10,000th article costs what the first did.
 * Every method touches only the keys of the articles it is given.
 */
export class Library {
  constructor(private readonly area: KeyValueArea, private readonly now: () => Date = () => new Date()) {}

  /** Save a page's article, or update it when its address is saved already (keeping save date, tags and notes). */
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
      tags: normalizeTags([...(previous?.tags ?? []), ...tags]),
      notes: previous?.notes ?? '',
    };
    await this.put([saved]);
    return saved;
  }

  async get(id: string): Promise<SavedArticle | undefined> {
    return (await this.getMany([id]))[0];
  }

  /** The saved articles among `ids`, in the order asked, upgraded to the current schema. */
  async getMany(ids: readonly string[]): Promise<SavedArticle[]> {
    if (ids.length === 0) return [];
    const got = await this.area.get(ids.map((id) => ARTICLE + id));
    return ids.flatMap((id) => {
      const raw = got[ARTICLE + id];
      return raw === undefined ? [] : [migrate(raw)];
    });
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
    // The id breaks ties so the order, and so every export, is the same on every run.
    // Plain code-unit order: ISO dates sort correctly that way, and localeCompare is slow over 10,000 entries.
    const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return entries.sort((a, b) => order(b.savedAt, a.savedAt) || order(a.title, b.title) || order(a.id, b.id));
  }

  /** Change the title, tags or notes of a saved article. */
  async update(id: string, edit: ArticleEdit): Promise<SavedArticle> {
    const current = await this.get(id);
    if (!current) throw new NotSavedError(id);
    const title = edit.title?.replace(/\s+/g, ' ').trim();
    const next: SavedArticle = {
      ...current,
      title: title || current.title,
      tags: edit.tags ? normalizeTags(edit.tags) : current.tags,
      notes: edit.notes ?? current.notes,
      updatedAt: this.now().toISOString(),
    };
    await this.put([next]);
    return next;
  }

  /** Add and remove tags on many articles at once; returns how many changed. */
  async tag(ids: readonly string[], add: readonly string[], remove: readonly string[] = []): Promise<number> {
    const stamp = this.now().toISOString();
    const changed: SavedArticle[] = [];
    for (const a of await this.getMany(ids)) {
      const tags = editTags(a.tags, add, remove);
      if (tags.join('\n') !== a.tags.join('\n')) changed.push({ ...a, tags, updatedAt: stamp });
    }
    await this.put(changed);
    return changed.length;
  }

  /**
   * Delete articles and hand back what was deleted, so the caller can offer
   * Undo by passing it to `restore()`.
   */
  async remove(ids: readonly string[]): Promise<SavedArticle[]> {
    const gone = await this.getMany(ids);
    await this.area.remove(ids.flatMap((id) => [ARTICLE + id, ENTRY + id]));
    return gone;
  }

  /** Put deleted articles back exactly as they were. */
  restore(records: readonly SavedArticle[]): Promise<void> {
    return this.put(records);
  }

  /** Write complete records (article and entry keys), as saved, restored or imported. */
  async put(records: readonly SavedArticle[]): Promise<void> {
    for (let i = 0; i < records.length; i += WRITE_BATCH) {
      const items: Record<string, unknown> = {};
      for (const r of records.slice(i, i + WRITE_BATCH)) {
        items[ARTICLE + r.id] = r;
        items[ENTRY + r.id] = entryOf(r);
      }
      await this.area.set(items);
    }
  }

  /** Every saved article, newest first, for export-all of a small library. */
  async all(): Promise<SavedArticle[]> {
    return this.getMany((await this.list()).map((e) => e.id));
  }

  /**
   * The articles `ids` in batches, so an export of thousands holds about two
   * batches of bodies in memory at a time. The next batch is read while the
   * caller works on the current one, so storage and rendering overlap.
   */
  async *batches(ids: readonly string[], size = 100): AsyncGenerator<SavedArticle[]> {
    let next = ids.length > 0 ? this.getMany(ids.slice(0, size)) : undefined;
    for (let i = 0; next; i += size) {
      const current = await next;
      next = i + size < ids.length ? this.getMany(ids.slice(i + size, i + 2 * size)) : undefined;
      // A failed read-ahead is reported when its turn comes, not as an unhandled rejection now.
      next?.catch(() => undefined);
      yield current;
    }
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
