import { isWebAddress } from '../web-address';

/** One candidate of a `srcset`: its address and how wide (w) or dense (x) a picture it offers. */
interface Candidate {
  url: string;
  size: number;
}

/** The candidates of a `srcset`, read as browsers read them (an address runs to the next white space). */
function candidates(srcset: string): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const from = i;
      for (let depth = 0; i < srcset.length && !(srcset[i] === ',' && depth === 0); i++) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
      }
      descriptor = srcset.slice(from, i).trim();
    }
    const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor);
    // A width counts as itself; a density as that many times a nominal 1000 px, so "2x" beats "1x" and a bare address is 1x.
    out.push({ url, size: m ? Number(m[1]) * (m[2] === 'x' ? 1000 : 1) : 1000 });
  }
  return out;
}

/**
 * The picture of an `<img>` that is kept: its `src` when that is a web
 * address, else the largest candidate of its `srcset`, the one a wide
 * screen would load. One picture an image, so an article stores no size twice.
 */
export function chosenSource(img: Element): string | null {
  const src = img.getAttribute('src')?.trim() ?? '';
  if (src && isWebAddress(src)) return src;
  const best = candidates(img.getAttribute('srcset') ?? '')
    .filter((c) => isWebAddress(c.url))
    .sort((a, b) => b.size - a.size)[0];
  return best?.url ?? null;
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
 * in `local` (address → blob: URL) pointing at that copy. The `srcset`,
 * `sizes` and a `<picture>`'s `<source>`s go, or the browser would still
 * pick a web address over the copy. Pictures without a copy stay as they are.
 */
export function withLocalPictures(safeHtml: string, local: ReadonlyMap<string, string>, doc: Document): string {
  if (local.size === 0) return safeHtml;
  const content = parse(safeHtml, doc);
  let changed = false;
  for (const img of Array.from(content.querySelectorAll('img'))) {
    const src = chosenSource(img);
    const url = src === null ? undefined : local.get(src);
    if (!url) continue;
    img.setAttribute('src', url);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (img.parentElement?.tagName === 'PICTURE') for (const source of Array.from(img.parentElement.querySelectorAll('source'))) source.remove();
    changed = true;
  }
  if (!changed) return safeHtml;
  const holder = doc.createElement('div');
  holder.append(content);
  return holder.innerHTML;
}
