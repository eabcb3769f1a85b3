import { loadListHead, type CachedHead } from '../../lib/library/list-cache';

/**
 * The first screenful of the list, read from localStorage as the page's code
 * runs, so the first frame already shows it. Null when there is none (the
 * page then waits for the entries) or localStorage cannot be read.
 */
export function firstScreen(): CachedHead | null {
  try {
    const head = loadListHead(localStorage);
    return head && head.total > 0 ? head : null;
  } catch {
    return null;
  }
}
