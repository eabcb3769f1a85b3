/** Pages no extension may read: browser pages, stores, and other extensions. */
const RESTRICTED_SCHEMES = /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|blob|javascript):/i;
const STORE_HOSTS = new Set(['chrome.google.com', 'chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

export type PageAccess = { ok: true } | { ok: false; message: string };

/** Whether the popup can read a tab at this address, and if not, what to tell the reader. */
export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return { ok: false, message: 'This tab has no page Clean Copy can read.' };
  if (/^file:/i.test(url)) {
    return { ok: false, message: 'Clean Copy cannot read files on your computer unless you allow it: turn on “Allow access to file URLs” for Clean Copy in your browser’s extension settings.' };
  }
  if (RESTRICTED_SCHEMES.test(url)) {
    return { ok: false, message: 'This is a browser page. Browsers do not let extensions read it, so there is no article to clean here.' };
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
