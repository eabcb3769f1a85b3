import { ARTICLE, ENTRY, TEXT, type KeyValueArea } from './library';

/** Key prefixes of everything the library kept in storage.local: records, texts, entries, the search index and the list cache. */
const LIBRARY_PREFIXES = [ARTICLE, TEXT, ENTRY, 'search:', 'cache:'];
/** storage.local key saying where the library lives, written once everything has moved. */
export const LIBRARY_HOME_KEY = 'library:home';
const MOVED = 'indexeddb';
/** Keys copied per step: a few hundred articles, so a large library never sits in memory whole. */
const STEP = 600;

/** The target of the move: a key-value area that can write only the keys it does not hold yet. */
export interface MoveTarget extends KeyValueArea {
  addMissing(items: Record<string, unknown>): Promise<void>;
}

const isLibraryKey = (key: string) => LIBRARY_PREFIXES.some((p) => key.startsWith(p));

/** Every key, listed alone where the browser can (Chromium 130, Firefox 143), else with the values. */
async function allKeys(area: KeyValueArea): Promise<string[]> {
  try {
    if (area.getKeys) return await area.getKeys();
  } catch {
    // An older browser names the method but has no such call.
  }
  return Object.keys(await area.get(null));
}

/**
 * Move a library saved before it lived in IndexedDB out of storage.local.
 * Each step copies keys the target does not hold yet and only then removes
 * them from storage.local, so a step cut short leaves every article in one
 * place or both, and a page that saved into the new home meanwhile keeps
 * what it saved. Two pages may run this at once. Returns how many keys moved.
 */
export async function moveLibrary(from: KeyValueArea, to: MoveTarget): Promise<number> {
  if ((await from.get([LIBRARY_HOME_KEY]))[LIBRARY_HOME_KEY] === MOVED) return 0;
  const keys = (await allKeys(from)).filter(isLibraryKey);
  for (let i = 0; i < keys.length; i += STEP) {
    const step = keys.slice(i, i + STEP);
    await to.addMissing(await from.get(step));
    await from.remove(step);
  }
  await from.set({ [LIBRARY_HOME_KEY]: MOVED });
  return keys.length;
}

/**
 * `area`, with every call waiting for `ready` (the move) first, so nothing
 * reads or writes the new home before the old library is in it. A failed
 * move fails every call with its reason; storage.local still holds what was
 * not copied, and the next page tries again.
 */
export function afterMove(area: KeyValueArea, ready: Promise<unknown>): KeyValueArea {
  // Handled here too, so a failed move with no call waiting is not reported as unhandled.
  ready.catch(() => undefined);
  const wait = <T>(call: () => Promise<T>) => ready.then(call);
  return {
    get: (keys) => wait(() => area.get(keys)),
    set: (items) => wait(() => area.set(items)),
    remove: (keys) => wait(() => area.remove(keys)),
    ...(area.getKeys && { getKeys: (prefix?: string) => wait(() => area.getKeys!(prefix)) }),
    ...(area.getPrefixed && { getPrefixed: (prefix: string) => wait(() => area.getPrefixed!(prefix)) }),
  };
}
