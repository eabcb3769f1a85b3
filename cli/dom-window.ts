import { JSDOM } from 'jsdom';

let shared: Window | undefined;

/** One jsdom window for sanitising and serialising, as the extension uses its page's window. */
export function domWindow(): Window {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
  return shared;
}
