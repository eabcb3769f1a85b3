import { normalizeSpace } from '../text';

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' · ', ' • ', ' :: ', ' / ', ' // '];

/** A title or site name reduced to letters and digits, lower case: "Tom’s" and "Tom's" compare equal. */
export function titleKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The title without the site's name tacked on (" | Fortune Europe").
 * A trailing part goes when it names the site, or when the page's own
 * heading shows the title without it.
 */
export function stripSiteSuffix(title: string, siteName: string, heading?: string): string {
  let t = normalizeSpace(title);
  const site = titleKey(siteName);
  const h1 = heading ? normalizeSpace(heading) : '';
  for (let i = 0; i < 2; i++) {
    let cut = false;
    for (const sep of SEPARATORS) {
      const at = t.lastIndexOf(sep);
      if (at <= 0) continue;
      const head = t.slice(0, at).trim();
      const tail = titleKey(t.slice(at + sep.length));
      const namesSite = site.length > 0 && tail.length > 0 && (tail.includes(site) || site.includes(tail));
      if (namesSite || (h1 && titleKey(head) === titleKey(h1))) {
        t = head;
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  return t;
}
