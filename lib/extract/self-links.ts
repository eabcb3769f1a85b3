/**
 * Links to a place on the page itself become in-page links ("#note-3"): the
 * page may write its footnotes with its full address, and Readability writes
 * "#…" out in full when the page has a `<base>` (as the copy the popup parses
 * always has). The sanitiser then points them at the kept ids.
 */
export function localizeSelfLinks(root: Element, pageUrl: string): void {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return;
  }
  const here = `${page.origin}${page.pathname}${page.search}`;
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    const hash = href.indexOf('#');
    if (hash < 0) continue;
    let target: URL;
    try {
      target = new URL(href, page);
    } catch {
      continue;
    }
    if (target.hash.length > 1 && `${target.origin}${target.pathname}${target.search}` === here) a.setAttribute('href', target.hash);
  }
}
