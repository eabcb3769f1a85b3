import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/library/library';
import { loadListHead, type CachedHead } from '../../lib/library/list-cache';

/**
 * The first screenful of the list, asked for as soon as this module runs:
 * main.tsx imports it before the App, so storage answers while the rest of
 * the page's code is still being evaluated. Never rejects: without a head
 * the page simply waits for the entries.
 */
export const firstScreen: Promise<CachedHead | null> = loadListHead(browser.storage.local as unknown as KeyValueArea).then(
  (head) => (head && head.total > 0 ? head : null),
  () => null,
);
