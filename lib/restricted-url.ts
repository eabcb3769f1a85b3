/** Pages no extension may read: browser pages, stores, and other extensions. */
const RESTRICTED_SCHEMES =
  /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|blob|javascript):/i;
const STORE_HOSTS = new Set(['chrome.google.com', 'chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

const BROWSER_PAGE = 'This is a browser page. Browsers do not let extensions read it, so there is no article to clean here.';

export type PageAccess = { ok: true } | { ok: false; message: string };

/** Whether the popup can read a tab at this address, and if not, what to tell the reader. */
export function pageAccess(url: string): PageAccess {
  if (/^file:/i.test(url)) {
    return {
      ok: false,
      message:
        'Clean Copy cannot read files on your computer unless you allow it: turn on “Allow access to file URLs” for Clean Copy in your browser’s extension settings.',
    };
  }
  if (RESTRICTED_SCHEMES.test(url)) {
    return { ok: false, message: BROWSER_PAGE };
  }
  try {
    const { hostname, pathname } = new URL(url);
    if (STORE_HOSTS.has(hostname) && (hostname !== 'chrome.google.com' || pathname.startsWith('/webstore'))) {
      return { ok: false, message: 'This is an extension store page. Browsers do not let extensions read it.' };
    }
  } catch {
    return { ok: false, message: 'This tab’s address is not one Clean Copy can read.' };
  }
  return { ok: true };
}

/**
 * What to tell the reader when the browser refuses to run the extractor.
 * Without the "tabs" permission a browser page's address is hidden from the
 * popup, so the refusal is often the first sign that the tab is one.
 */
export function refusalMessage(error: string): string {
  if (/chrome:\/\/|edge:\/\/|about:|chrome-extension:|moz-extension:|devtools:|view-source:/i.test(error)) return BROWSER_PAGE;
  if (/extensions gallery|web ?store|addons\.mozilla/i.test(error)) return 'This is an extension store page. Browsers do not let extensions read it.';
  // The tab shows the browser's own page for an address that did not load (offline, refused, blocked).
  if (/showing error page/i.test(error))
    return 'This tab shows the browser’s error page: the page did not load, so there is no article to clean. Reload it and try again.';
  if (/cannot access|permission|cannot be scripted|missing host/i.test(error))
    return 'The browser does not let Clean Copy read this page. Click the Clean Copy button while the page is open in the tab.';
  return `Could not read this page: ${error}`;
}
