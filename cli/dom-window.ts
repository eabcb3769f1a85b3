import { JSDOM } from 'jsdom';

let shared: Window | undefined;

/** One jsdom window for sanitising and serialising, as the extension uses its page's window. */
export function domWindow(): Window {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
  return shared;
}

/**
 * Close a page's window to free it. jsdom closes each frame's window first
 * and stumbles on a frame that has none (a frame inside a frameset, say);
 * the page is done with either way, so such a failure is not the reader's.
 */
export function closeWindow(win: Window | null): void {
  try {
    win?.close();
  } catch {
    // The window stays for the collector to take; nothing depends on it.
  }
}
