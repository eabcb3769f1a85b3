import type { Page } from 'playwright-core';
import { LIBRARY_DB, LIBRARY_STORE } from '../../../lib/library/indexeddb-area';
import { SEARCH_INDEX_KEY } from '../../../lib/library/search-index';

/**
 * The extension's library database, read and written from one of its pages
 * with the browser's own IndexedDB (not the extension's code), so a test
 * sees what is really stored. The script is a string: a function compiled
 * for Node may carry helpers the page does not have.
 */
function inStore(mode: IDBTransactionMode, body: string): string {
  return `new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(LIBRARY_DB)}, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(${JSON.stringify(LIBRARY_STORE)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(${JSON.stringify(LIBRARY_STORE)}, ${JSON.stringify(mode)});
      const store = tx.objectStore(${JSON.stringify(LIBRARY_STORE)});
      let result;
      ${body}
      tx.oncomplete = () => { db.close(); resolve(typeof result === 'function' ? result() : result); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  })`;
}

/** An extension page in Chromium (playwright-core) or Firefox (puppeteer-core): all a read needs is to run a script. */
export interface ScriptPage {
  evaluate(script: string): Promise<unknown>;
}

/** The stored items whose keys start with `prefix` ('' for all). */
export function storedItems(page: ScriptPage, prefix = ''): Promise<Record<string, unknown>> {
  const range = prefix ? `IDBKeyRange.bound(${JSON.stringify(prefix)}, ${JSON.stringify(`${prefix}\uffff`)})` : 'undefined';
  return page.evaluate(
    inStore(
      'readonly',
      `const keys = store.getAllKeys(${range}); const values = store.getAll(${range});
      result = () => Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]]));`,
    ),
  ) as Promise<Record<string, unknown>>;
}

/** One stored item, or undefined. */
export async function storedItem<T>(page: Page, key: string): Promise<T | undefined> {
  return (await page.evaluate(inStore('readonly', `const r = store.get(${JSON.stringify(key)}); result = () => r.result;`))) as T | undefined;
}

/** How many articles the stored search index holds, counted in the page (the index itself is megabytes). */
export async function indexedArticleCount(page: Page): Promise<number> {
  return (await page.evaluate(
    inStore('readonly', `const r = store.get(${JSON.stringify(SEARCH_INDEX_KEY)}); result = () => Object.keys(r.result?.stamps ?? {}).length;`),
  )) as number;
}

/** Put items in the store, as the extension's writes would, in one transaction. */
export async function writeItems(page: Page, items: Record<string, unknown>): Promise<void> {
  // Handed over as an argument, not written into the script: a few hundred articles are megabytes.
  await page.evaluate((value) => void ((globalThis as { seedItems?: unknown }).seedItems = value), items);
  await page.evaluate(inStore('readwrite', 'for (const [k, v] of Object.entries(globalThis.seedItems)) store.put(v, k); delete globalThis.seedItems;'));
}

export async function clearLibraryStore(page: Page): Promise<void> {
  await page.evaluate(inStore('readwrite', 'store.clear();'));
}
