import type { KeyValueArea } from '../../lib/library/library';

/** The parts of an extension page's global scope the library page uses directly. */
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
  if (!area) throw new Error('The library page must run as an extension page.');
  return area;
}
