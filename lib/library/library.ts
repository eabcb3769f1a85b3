import type { ArticleRecord } from '../article';
import { migrate } from './migrate';
import { articleId, entryOf, SCHEMA_VERSION, splitText, type ArticleEdit, type LibraryEntry, type SavedArticle } from './saved-article';
import type { Highlight, ReadingState } from '../article-schema';
import type { PictureFailure, PictureRef } from '../pictures/picture';
import type { TextRange } from '../annotations/anchor';
import { newHighlight, placeAgain } from '../annotations/highlights';
import { keptEdits } from './resave';
import { editTags, normalizeTags } from './tags';

/**
 * The slice of `browser.storage.local` the library uses, so the same code
 * runs on the real storage, on WXT's fake browser and on a Map in Node.
 */
export interface KeyValueArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Every key, or those starting with `prefix` where the storage can range over keys (others ignore it). */
  getKeys?(prefix?: string): Promise<string[]>;
  /** Every item whose key starts with `prefix`, where the storage can read a range in one go. */
  getPrefixed?(prefix: string): Promise<Record<string, unknown>>;
}

/**
 * Runs `work` while no other holder of the same name runs theirs: the Web
 * Locks API (`navigator.locks.request`) in the extension, where all pages
 * share the origin's lock manager. Passed in, so the library needs no
 * browser API of its own.
 */
export type PagesLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** The one lock name every page's read-modify-write of a record takes. */
export const LIBRARY_LOCK = 'clean-copy:library-change';

export const ARTICLE = 'article:';
export const ENTRY = 'entry:';
/** Key prefix of an article's plain text, kept apart from its record from schema version 3 on. */
export const TEXT = 'text:';

/** What a read needs besides the record: `text: false` leaves the plain text in storage and `textContent` empty. */
export interface ReadOptions {
  text?: boolean;
}

/** The storage items of complete records, in the version 3 layout: record, text and entry under their own keys. */
export function storageItems(records: readonly SavedArticle[]): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const r of records) {
    const { stored, text } = splitText(r);
    items[ARTICLE + r.id] = stored;
    items[TEXT + r.id] = text;
    items[ENTRY + r.id] = entryOf(r);
  }
  return items;
}

/** Records written per storage call: big enough to be quick, small enough not to hold a whole library in one message. */
const WRITE_BATCH = 200;

/** What a save did: the record as stored, and whether the library gained an article (rather than updating one). */
export interface SaveOutcome {
  article: SavedArticle;
  created: boolean;
}

export class NotSavedError extends Error {
  constructor(id: string) {
    super(`no saved article ${id}`);
  }
}

/**
 * Saved articles, one storage key each for the record, its plain text and a
 * small entry for listing. There is no shared index array: two tabs saving at
 * once write different keys, and a save reads and writes only its own keys.
 * Every method touches only the keys of the articles it is given. In the
 * extension the area is IndexedDB (indexeddb-area.ts), where a write costs
 * the same at any library size.
 */
export class Library {
  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => Date = () => new Date(),
    /** Shared with the extension's other pages; without it (the command line, tests) changes queue within this Library only. */
    private readonly lock?: PagesLock,
  ) {}

  /** The last change in this page's queue: each read-modify-write waits for the one before. */
  private last: Promise<unknown> = Promise.resolve();

  /**
   * Run a change that reads a record and writes it back after every other
   * change this Library started before it, so two in one page never write
   * over each other (a scroll position recorded while a highlight is being
   * added would otherwise put back the record without it). With a lock, the
   * same holds between pages: the reader and the library open on one
   * article each read the other's change before writing theirs.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locked = this.lock ? () => this.lock!(LIBRARY_LOCK, work) : work;
    const run = this.last.then(locked, locked);
    this.last = run.catch(() => undefined);
    return run;
  }

  /**
   * Save a page's article, or update it when its address is saved already,
   * keeping the save date, tags, notes and whatever the reader edited.
   */
  async save(article: ArticleRecord, tags: string[] = []): Promise<SavedArticle> {
    return (await this.saveWithOutcome(article, tags)).article;
  }

  /**
   * `save()`, also saying whether the article is new to the library, so a
   * caller showing the count can change it without counting again.
   */
  saveWithOutcome(article: ArticleRecord, tags: string[] = []): Promise<SaveOutcome> {
    return this.exclusive(async () => {
      const id = articleId(article.canonicalUrl || article.url);
      // The copy saved before gives its save date, the reader's own fields and the page fields the reader edited; the rest is the page's.
      const previous = (await this.getMany([id], { text: false }))[0];
      const stamp = this.now().toISOString();
      const edited = previous?.edited ?? [];
      const saved: SavedArticle = {
        ...article,
        ...(previous ? keptEdits(previous) : {}),
        schemaVersion: SCHEMA_VERSION,
        id,
        savedAt: previous?.savedAt ?? stamp,
        updatedAt: stamp,
        tags: normalizeTags([...(previous?.tags ?? []), ...tags]),
        notes: previous?.notes ?? '',
        edited,
        state: previous?.state ?? 'unread',
        favourite: previous?.favourite ?? false,
        readingPosition: previous?.readingPosition ?? 0,
        // Placed again in the new text; those whose words are gone stay as they were, for the reader to see.
        highlights: placeAgain(article.textContent, previous?.highlights ?? []),
        // The pictures kept before stand until the save's own pictures are stored (setPictures): a copy is never left with fewer.
        pictures: previous?.pictures ?? [],
        pictureFailures: previous?.pictureFailures ?? [],
      };
      await this.put([saved]);
      return { article: saved, created: previous === undefined };
    });
  }

  async get(id: string): Promise<SavedArticle | undefined> {
    return (await this.getMany([id]))[0];
  }

  /**
   * The saved articles among `ids`, in the order asked, upgraded to the
   * current schema. With `text: false` their plain text is not read (the
   * record of an article stored before version 3 still brings its own).
   */
  async getMany(ids: readonly string[], { text = true }: ReadOptions = {}): Promise<SavedArticle[]> {
    if (ids.length === 0) return [];
    const keys = ids.map((id) => ARTICLE + id);
    if (text) for (const id of ids) keys.push(TEXT + id);
    const got = await this.area.get(keys);
    return ids.flatMap((id) => {
      const raw = got[ARTICLE + id];
      if (raw === undefined) return [];
      const record = migrate(raw);
      const text = got[TEXT + id];
      return [{ ...record, textContent: record.textContent ?? (typeof text === 'string' ? text : '') }];
    });
  }

  /**
   * The plain text of the articles among `ids`, without their records: what
   * the search index and result snippets need. Articles stored before schema
   * version 3 have no text key; their text is read from their record.
   */
  async texts(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const got = await this.area.get(ids.map((id) => TEXT + id));
    const older: string[] = [];
    for (const id of ids) {
      const text = got[TEXT + id];
      if (typeof text === 'string') out.set(id, text);
      else older.push(id);
    }
    for (const a of await this.getMany(older, { text: false })) out.set(a.id, a.textContent);
    return out;
  }

  /** Whether an article with this address is saved already. */
  async has(canonicalUrl: string): Promise<boolean> {
    const id = articleId(canonicalUrl);
    const got = await this.area.get([ENTRY + id]);
    return got[ENTRY + id] !== undefined;
  }

  /**
   * How many articles are saved. Where the storage can list keys this counts
   * them without reading a value, so no ten thousand entries are left behind
   * as garbage in a popup that only shows the count.
   */
  async count(): Promise<number> {
    const keys = await this.keys(ENTRY);
    return keys === null ? (await this.list()).length : keys.length;
  }

  /** Every entry, newest save first. Bodies stay in storage. */
  async list(): Promise<LibraryEntry[]> {
    const got = await this.prefixed(ENTRY);
    const entries: LibraryEntry[] = [];
    for (const [key, value] of Object.entries(got)) if (key.startsWith(ENTRY)) entries.push(value as LibraryEntry);
    // The id breaks ties so the order, and so every export, is the same on every run.
    // Plain code-unit order: ISO dates sort correctly that way, and localeCompare is slow over 10,000 entries.
    const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return entries.sort((a, b) => order(b.savedAt, a.savedAt) || order(a.title, b.title) || order(a.id, b.id));
  }

  /** Change the title, tags or notes of a saved article. */
  update(id: string, edit: ArticleEdit): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const title = edit.title?.replace(/\s+/g, ' ').trim() || current.title;
      const next: SavedArticle = {
        ...current,
        title,
        tags: edit.tags ? normalizeTags(edit.tags) : current.tags,
        notes: edit.notes ?? current.notes,
        // Marked so a later save from the page keeps it; an edit that changes nothing marks nothing.
        edited: title !== current.title && !current.edited.includes('title') ? [...current.edited, 'title'] : current.edited,
        updatedAt: this.now().toISOString(),
      };
      await this.put([next]);
      return next;
    });
  }

  /** Set the reading state or the favourite mark of many articles at once; returns how many changed. */
  mark(ids: readonly string[], change: { state?: ReadingState; favourite?: boolean }): Promise<number> {
    return this.exclusive(async () => {
      const stamp = this.now().toISOString();
      const changed: SavedArticle[] = [];
      for (const a of await this.getMany(ids)) {
        const next = { ...a, state: change.state ?? a.state, favourite: change.favourite ?? a.favourite };
        if (next.state !== a.state || next.favourite !== a.favourite) changed.push({ ...next, updatedAt: stamp });
      }
      await this.put(changed);
      return changed.length;
    });
  }

  /**
   * Where the reader has scrolled to, as a fraction of the article. An
   * unread article becomes one being read. It is not an edit, so the
   * article's `updatedAt` stays.
   */
  setPosition(id: string, fraction: number): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const readingPosition = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      const next: SavedArticle = { ...current, readingPosition, state: current.state === 'unread' && readingPosition > 0 ? 'reading' : current.state };
      await this.put([next]);
      return next;
    });
  }

  /** Highlight `textContent[range]` of a saved article, with a note. */
  addHighlight(id: string, range: TextRange, note = ''): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const now = this.now();
      // An IRI, as the W3C model asks of an annotation's id: the article's key and the moment, unique within the library.
      const highlightId = `urn:clean-copy:highlight:${id}-${now.getTime().toString(36)}${current.highlights.length}`;
      const highlight = newHighlight(current.textContent, range, note, highlightId, now, current.canonicalUrl || current.url);
      const next: SavedArticle = { ...current, highlights: [...current.highlights, highlight], updatedAt: now.toISOString() };
      await this.put([next]);
      return next;
    });
  }

  /**
   * Say which pictures are kept with a saved article and which could not be.
   * Not an edit: `updatedAt` stays. Rejects when the article was deleted
   * meanwhile, so the caller can let its pictures go.
   */
  setPictures(id: string, pictures: PictureRef[], pictureFailures: PictureFailure[]): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const next: SavedArticle = { ...current, pictures, pictureFailures };
      await this.put([next]);
      return next;
    });
  }

  /** Remove one highlight, by its id. */
  removeHighlight(id: string, highlightId: string): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const next: SavedArticle = { ...current, highlights: current.highlights.filter((h) => h.id !== highlightId), updatedAt: this.now().toISOString() };
      await this.put([next]);
      return next;
    });
  }

  /** Change the note of one highlight. */
  async noteHighlight(id: string, highlightId: string, note: string): Promise<SavedArticle> {
    return this.changeHighlights(id, (hs) => hs.map((h) => (h.id === highlightId ? { ...h, bodyValue: note } : h)));
  }

  /** Put back a highlight that was removed (Undo), where it stood among the others when `at` is given. */
  async restoreHighlight(id: string, highlight: Highlight, at?: number): Promise<SavedArticle> {
    return this.changeHighlights(id, (hs) => {
      if (hs.some((h) => h.id === highlight.id)) return hs;
      const next = [...hs];
      next.splice(at ?? next.length, 0, highlight);
      return next;
    });
  }

  private changeHighlights(id: string, change: (hs: Highlight[]) => Highlight[]): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      const next: SavedArticle = { ...current, highlights: change(current.highlights), updatedAt: this.now().toISOString() };
      await this.put([next]);
      return next;
    });
  }

  /**
   * The reader opened the article: an unread one is now being read. Not an
   * edit, so `updatedAt` stays. Returns the record, changed or not.
   */
  opened(id: string): Promise<SavedArticle> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotSavedError(id);
      if (current.state !== 'unread') return current;
      const next: SavedArticle = { ...current, state: 'reading' };
      await this.put([next]);
      return next;
    });
  }

  /** Add and remove tags on many articles at once; returns how many changed. */
  tag(ids: readonly string[], add: readonly string[], remove: readonly string[] = []): Promise<number> {
    return this.exclusive(async () => {
      const stamp = this.now().toISOString();
      const changed: SavedArticle[] = [];
      for (const a of await this.getMany(ids)) {
        const tags = editTags(a.tags, add, remove);
        if (tags.join('\n') !== a.tags.join('\n')) changed.push({ ...a, tags, updatedAt: stamp });
      }
      await this.put(changed);
      return changed.length;
    });
  }

  /**
   * Delete articles and hand back what was deleted, so the caller can offer
   * Undo by passing it to `restore()`.
   */
  remove(ids: readonly string[]): Promise<SavedArticle[]> {
    // In the queue and under the lock too: a change read before the delete would otherwise write the article back.
    return this.exclusive(async () => {
      const gone = await this.getMany(ids);
      await this.area.remove(ids.flatMap((id) => [ARTICLE + id, TEXT + id, ENTRY + id]));
      return gone;
    });
  }

  /** Put deleted articles back exactly as they were. */
  restore(records: readonly SavedArticle[]): Promise<void> {
    return this.exclusive(() => this.put(records));
  }

  /** Write complete records (article, text and entry keys), as saved, restored or imported. */
  async put(records: readonly SavedArticle[]): Promise<void> {
    for (let i = 0; i < records.length; i += WRITE_BATCH) {
      await this.area.set(storageItems(records.slice(i, i + WRITE_BATCH)));
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
  async *batches(ids: readonly string[], size = 100, options: ReadOptions = {}): AsyncGenerator<SavedArticle[]> {
    let next = ids.length > 0 ? this.getMany(ids.slice(0, size), options) : undefined;
    for (let i = 0; next; i += size) {
      const current = await next;
      next = i + size < ids.length ? this.getMany(ids.slice(i + size, i + 2 * size), options) : undefined;
      // A failed read-ahead is reported when its turn comes, not as an unhandled rejection now.
      next?.catch(() => undefined);
      yield current;
    }
  }

  /** Keys with a prefix, or null when the storage cannot list keys alone. */
  private async keys(prefix: string): Promise<string[] | null> {
    if (!this.area.getKeys) return null;
    try {
      return (await this.area.getKeys(prefix)).filter((k) => k.startsWith(prefix));
    } catch {
      return null;
    }
  }

  /** Items whose key starts with `prefix` (the caller still checks each key: a storage without ranges hands back more). */
  private async prefixed(prefix: string): Promise<Record<string, unknown>> {
    if (this.area.getPrefixed) return this.area.getPrefixed(prefix);
    const keys = await this.keys(prefix);
    return keys === null ? this.area.get(null) : this.area.get(keys);
  }
}
