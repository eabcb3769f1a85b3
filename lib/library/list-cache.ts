import type { KeyValueArea } from './library';
import type { LibraryEntry } from './saved-article';

/**
 * storage.local key of a copy of every entry in one value, kept by the
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

export async function loadListCache(area: Pick<KeyValueArea, 'get'>): Promise<LibraryEntry[] | null> {
  const value = (await area.get([LIST_CACHE_KEY]))[LIST_CACHE_KEY] as Partial<ListCache> | undefined;
  if (value?.version !== CACHE_VERSION || typeof value.entries !== 'string') return null;
  try {
    const entries: unknown = JSON.parse(value.entries);
    return Array.isArray(entries) ? (entries as LibraryEntry[]) : null;
  } catch {
    return null;
  }
}

export async function storeListCache(area: Pick<KeyValueArea, 'set'>, entries: readonly LibraryEntry[]): Promise<void> {
  const cache: ListCache = { version: CACHE_VERSION, entries: JSON.stringify(entries) };
  await area.set({ [LIST_CACHE_KEY]: cache });
}

/** Whether the cache already says what the storage says, so it need not be written again. */
export function sameEntries(a: readonly LibraryEntry[], b: readonly LibraryEntry[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i]!.id && e.updatedAt === b[i]!.updatedAt);
}
