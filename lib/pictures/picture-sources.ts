import { bestSrcsetUrl } from '../srcset';
import { isWebAddress } from '../web-address';
import { pointImages } from './point-images';

/**
 * The picture of an `<img>` that is kept: its `src` when that is a web
 * address, else the `srcset` candidate the exports would carry (the largest
 * still sensible, lib/srcset.ts). One picture an image, so an article stores
 * no size twice.
 */
export function chosenSource(img: Element): string | null {
  const src = img.getAttribute('src')?.trim() ?? '';
  if (src && isWebAddress(src)) return src;
  const best = bestSrcsetUrl(img.getAttribute('srcset') ?? '');
  return best && isWebAddress(best) ? best : null;
}

/** The article's HTML as elements of `doc`, without running or loading anything (a template's content is inert). */
function parse(html: string, doc: Document): DocumentFragment {
  const holder = doc.createElement('template');
  holder.innerHTML = html;
  return holder.content;
}

/**
 * Every picture address an article shows, once each, in the order they
 * appear: each `<img>` of its HTML, then the lead image.
 */
export function pictureSources(contentHtml: string, leadImage: string | undefined, doc: Document): string[] {
  const found = new Set<string>();
  for (const img of Array.from(parse(contentHtml, doc).querySelectorAll('img'))) {
    const src = chosenSource(img);
    if (src) found.add(src);
  }
  if (leadImage && isWebAddress(leadImage)) found.add(leadImage.trim());
  return [...found];
}

/**
 * The article's (sanitised) HTML with each picture that has a local copy
 * in `local` (address → blob: URL) pointing at that copy (pointImages).
 */
export function withLocalPictures(safeHtml: string, local: ReadonlyMap<string, string>, doc: Document): string {
  if (local.size === 0) return safeHtml;
  const content = parse(safeHtml, doc);
  const changed = pointImages(content, (img) => {
    const src = chosenSource(img);
    return (src !== null && local.get(src)) || null;
  });
  if (changed === 0) return safeHtml;
  const holder = doc.createElement('div');
  holder.append(content);
  return holder.innerHTML;
}
