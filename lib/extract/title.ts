import { normalizeSpace } from '../text';

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' · ', ' • ', ' :: ', ' / ', ' // ', ' _', '_', '｜', ' ｜ ', '－'];

/**
 * The title cut where the page's own heading ends, when a separator follows
 * it there: "Headline _Section _Site" with the heading "Headline". Every
 * part after the heading is the site's, however many there are.
 */
function cutAtHeading(title: string, heading: string): string | undefined {
  const key = titleKey(heading);
  if (!key) return undefined;
  for (const sep of SEPARATORS) {
    for (let at = title.indexOf(sep); at > 0; at = title.indexOf(sep, at + 1)) {
      const head = title.slice(0, at).trim();
      if (titleKey(head) === key) return head;
    }
  }
  return undefined;
}

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
  const atHeading = h1 ? cutAtHeading(t, h1) : undefined;
  if (atHeading) return atHeading;
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
