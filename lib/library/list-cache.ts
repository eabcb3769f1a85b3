import { sortEntries } from './arrange';
import type { KeyValueArea } from './library';
import type { LibraryEntry } from './saved-article';

/**
 * Library key of a copy of every entry in one value, kept by the
 * library page so it can draw the list at once: reading one large value is
 * much faster than reading ten thousand small keys. It is only a cache —
 * saves never write it (so their cost stays flat), and the page replaces it
 * with the real entries a moment after drawing.
 */
export const LIST_CACHE_KEY = 'cache:entries';
const CACHE_VERSION = 1;

/**
 * Stored as one JSON string rather than an array of objects: the browser
 * hands a string across in one piece, where ten thousand objects are each
 * converted on the way, which is most of the cost of reading them.
 */
interface ListCache {
  version: typeof CACHE_VERSION;
  entries: string;
}

/**
 * localStorage key of the first screenful of the default view (newest save
 * first) and the library's size: a few kilobytes the page reads and draws
 * before anything else. Even the one-value copy of every entry is megabytes
 * at 10,000 articles, and reading and parsing it took longer than a first
 * paint may. It is kept in the page's own localStorage rather than in
 * the library's storage because localStorage is read at once, in the page: a read
 * from storage.local waited its turn behind every storage call before it,
 * and a library page closed while it read ten thousand entries left its next
 * opening's head waiting 170-200 ms.
 */
export const LIST_HEAD_KEY = 'clean-copy:list-head';
/** Where the head was kept in the library's storage before; removed when the cache is next stored. */
const OLD_HEAD_KEY = 'cache:head';
/** Rows in the head: more than a tall window shows, so the first screen is full. */
export const HEAD_ROWS = 50;

interface ListHead {
  version: typeof CACHE_VERSION;
  total: number;
  entries: LibraryEntry[];
}

export interface CachedHead {
  /** The first rows of the default order. */
  entries: LibraryEntry[];
  /** How many entries the library had when the head was written. */
  total: number;
}

/** The part of the Web Storage API the head needs: the page's localStorage, or a stand-in. */
export type HeadStore = Pick<Storage, 'getItem' | 'setItem'>;

function parseEntries(text: unknown): LibraryEntry[] | null {
  if (typeof text !== 'string') return null;
  try {
    const entries: unknown = JSON.parse(text);
    return Array.isArray(entries) ? (entries as LibraryEntry[]) : null;
  } catch {
    return null;
  }
}

export async function loadListCache(area: Pick<KeyValueArea, 'get'>): Promise<LibraryEntry[] | null> {
  const value = (await area.get([LIST_CACHE_KEY]))[LIST_CACHE_KEY] as Partial<ListCache> | undefined;
  return value?.version === CACHE_VERSION ? parseEntries(value.entries) : null;
}

/** The first screenful, or null when there is none or it is unreadable. */
export function loadListHead(store: Pick<HeadStore, 'getItem'>): CachedHead | null {
  let value: Partial<ListHead> | null;
  try {
    value = JSON.parse(store.getItem(LIST_HEAD_KEY) ?? 'null') as Partial<ListHead> | null;
  } catch {
    return null;
  }
  if (value?.version !== CACHE_VERSION || typeof value.total !== 'number' || !Array.isArray(value.entries)) return null;
  return { entries: value.entries, total: value.total };
}

/** Store the copy of every entry, and the head of the default view with it so the two never disagree for long. */
export async function storeListCache(
  area: Pick<KeyValueArea, 'set' | 'remove'>,
  heads: Pick<HeadStore, 'setItem'>,
  entries: readonly LibraryEntry[],
): Promise<void> {
  const cache: ListCache = { version: CACHE_VERSION, entries: JSON.stringify(entries) };
  const head: ListHead = { version: CACHE_VERSION, total: entries.length, entries: sortEntries(entries, 'saved').slice(0, HEAD_ROWS) };
  try {
    heads.setItem(LIST_HEAD_KEY, JSON.stringify(head));
  } catch {
    // localStorage full or unavailable: the page then waits for the entries before drawing.
  }
  await area.set({ [LIST_CACHE_KEY]: cache });
  await area.remove([OLD_HEAD_KEY]);
}

/** Whether the cache already says what the storage says, so it need not be written again. */
export function sameEntries(a: readonly LibraryEntry[], b: readonly LibraryEntry[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i]!.id && e.updatedAt === b[i]!.updatedAt);
}
