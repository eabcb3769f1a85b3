import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Library, type KeyValueArea } from '../../../lib/library/library';

/** A clock that moves one second on every reading, so saves get distinct, ordered stamps. */
export function clock(start = Date.parse('2026-01-01T00:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** An empty library on WXT's fake storage.local, with that clock. */
export function freshLibrary(): { area: KeyValueArea; library: Library } {
  fakeBrowser.reset();
  const area = fakeBrowser.storage.local as unknown as KeyValueArea;
  return { area, library: new Library(area, clock()) };
}
