import { noscriptContent } from './noscript-content';

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** A stand-in a lazy page shows until scripts load the picture: an inline image, a blank or 1×1 file. */
const PLACEHOLDER_SRC =
  /^data:|blank\.(?:gif|png)|spacer|placeholder|lazy|(?:^|[/_.-])(?:1x1|pixel|transparent|empty|white|grey|gray)\.(?:gif|png|jpe?g|webp)(?:$|\?)/i;

/**
 * Make images load the way a browser with scripts would show them: AMP's
 * <amp-img> becomes <img>, and lazy-loading attributes fill in the real
 * address. Not a removal, so it records nothing.
 */
export function normalizeMedia(root: Element, base: string): void {
  const doc = root.ownerDocument;
  for (const amp of Array.from(root.getElementsByTagName('amp-img'))) {
    const img = doc.createElement('img');
    for (const attr of ['src', 'srcset', 'alt', 'width', 'height', 'title']) {
      const v = amp.getAttribute(attr);
      if (v !== null) img.setAttribute(attr, v);
    }
    amp.replaceWith(img);
  }
  for (const img of root.getElementsByTagName('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!src || PLACEHOLDER_SRC.test(src)) {
      const lazy = LAZY_SRC.map((a) => img.getAttribute(a)).find((v) => v && !PLACEHOLDER_SRC.test(v));
      if (lazy) img.setAttribute('src', lazy);
    }
    if (!img.getAttribute('srcset')) {
      const lazySet = LAZY_SRCSET.map((a) => img.getAttribute(a)).find(Boolean);
      if (lazySet) img.setAttribute('srcset', lazySet);
    }
    absolutize(img, base);
  }
}

/** Image addresses made absolute, so they still point at the site once the picture is shown elsewhere. */
function absolutize(img: Element, base: string): void {
  const src = img.getAttribute('src');
  if (src && !src.startsWith('data:')) img.setAttribute('src', resolve(src, base));
  const srcset = img.getAttribute('srcset');
  if (srcset) {
    const candidates = srcset.split(/,\s+/).map((c) => {
      const [url = '', ...descriptor] = c.trim().split(/\s+/);
      return [resolve(url, base), ...descriptor].join(' ');
    });
    img.setAttribute('srcset', candidates.join(', '));
  }
}

/**
 * Links made absolute, in what is put back from the page as written (a lead
 * figure, a standfirst): Readability does this for its own article, and the
 * sanitiser drops a relative link.
 */
export function absoluteLinks(root: Element, base: string): void {
  for (const a of root.getElementsByTagName('a')) {
    const href = a.getAttribute('href');
    if (href && !href.startsWith('#')) a.setAttribute('href', resolve(href, base));
  }
}

function resolve(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function hasRealSource(img: Element): boolean {
  const src = img.getAttribute('src') ?? '';
  return (src !== '' && !PLACEHOLDER_SRC.test(src)) || LAZY_SRC.some((a) => img.hasAttribute(a)) || img.hasAttribute('srcset');
}

/** The one picture a <noscript> holds, and nothing else. */
function noscriptImage(noscript: Element): Element | undefined {
  const holder = noscriptContent(noscript);
  const imgs = holder.getElementsByTagName('img');
  if (imgs.length !== 1 || (holder.textContent ?? '').trim() !== '') return undefined;
  return noscript.ownerDocument.importNode(imgs[0]!, true);
}

/**
 * Lazy-loading pages put the real picture in <noscript> after an empty
 * placeholder. Readability drops the placeholder before it looks at the
 * fallback, and the picture is lost; swap them on the page copy first.
 */
export function unwrapNoscriptImages(noscripts: Iterable<Element>): void {
  for (const noscript of noscripts) {
    const prev = noscript.previousElementSibling;
    if (prev?.tagName === 'IMG' && hasRealSource(prev)) continue;
    const img = noscriptImage(noscript);
    if (!img) continue;
    if (prev?.tagName === 'IMG') prev.remove();
    noscript.replaceWith(img);
  }
}
