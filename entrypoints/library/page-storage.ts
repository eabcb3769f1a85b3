import { PictureStore } from '../../lib/pictures/picture-store';
import { IndexedDbArea } from '../../lib/library/indexeddb-area';
import type { KeyValueArea, PagesLock } from '../../lib/library/library';
import { afterMove, moveLibrary } from '../../lib/library/move-library';

/** The parts of an extension page's global scope the library uses directly. */
type ExtensionScope = typeof globalThis & {
  browser?: { storage?: { local?: KeyValueArea } };
  chrome?: { storage?: { local?: KeyValueArea } };
};

/**
 * The extension's storage.local, taken from the browser itself rather than
 * through webextension-polyfill (wxt/browser): bundled as CommonJS, the
 * polyfill is copied property by property on load, which makes Chromium
 * build every extension API the page may use, about 3 ms of module
 * evaluation (1 ms without it) before the first paint. storage.local
 * returns promises in Chromium and Firefox without the polyfill.
 */
export function storageArea(): KeyValueArea {
  const scope = globalThis as ExtensionScope;
  const area = (scope.browser ?? scope.chrome)?.storage?.local;
  if (!area) throw new Error('Clean Copy’s pages must run as extension pages.');
  return area;
}

let library: KeyValueArea | undefined;

/**
 * Where the saved library lives: the extension's IndexedDB, once a library
 * kept in storage.local by an earlier version has moved there. One per page.
 */
export function libraryArea(): KeyValueArea {
  if (!library) {
    const home = new IndexedDbArea(indexedDB, IDBKeyRange);
    library = afterMove(home, moveLibrary(storageArea(), home));
  }
  return library;
}

let pictures: PictureStore | undefined;

/** Where the pictures kept with saved articles live: the extension's IndexedDB, beside the library. One per page. */
export function pictureStore(): PictureStore {
  pictures ??= new PictureStore(indexedDB);
  return pictures;
}

/**
 * The lock the extension's pages share for changes to a saved article
 * (`Library`'s third argument): the Web Locks API, which Chromium and Firefox
 * give every extension page. A browser without it leaves each page's own queue.
 */
export const pagesLock: PagesLock = <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  let started = false;
  const run = () => {
    started = true;
    return work();
  };
  // The granted callback's promise is the request's result once settled: its type says Promise<Promise<T>>.
  // A request the browser refuses before granting (the work never started) falls back to the page's own queue.
  return (locks.request(name, run) as Promise<unknown> as Promise<T>).catch((e: unknown) => (started ? Promise.reject(e) : work()));
};
