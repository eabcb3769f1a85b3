/** Elements that make a landmark or a page region of their own. */
const LANDMARKS = 'main, article, header, footer, nav, aside, form, search';

/**
 * The article's HTML as it sits inside one of our pages. The page's own
 * `<main>`, `<article>` and other landmarks would be a second main landmark
 * (and stray regions) inside ours, so each becomes a `<div>` that keeps its
 * children and attributes; what it looked like is set by our stylesheet anyway.
 */
export function embeddable(safeHtml: string, doc: Document): string {
  if (!/<(?:main|article|header|footer|nav|aside|form|search)\b/i.test(safeHtml)) return safeHtml;
  const holder = doc.createElement('template');
  holder.innerHTML = safeHtml;
  // Innermost first, so that a replaced element's children were already replaced.
  for (const el of Array.from(holder.content.querySelectorAll(LANDMARKS)).reverse()) {
    const div = doc.createElement('div');
    for (const attr of Array.from(el.attributes)) div.setAttribute(attr.name, attr.value);
    div.append(...Array.from(el.childNodes));
    el.replaceWith(div);
  }
  return holder.innerHTML;
}
