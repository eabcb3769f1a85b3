const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER_SRC = /^data:|blank\.gif|spacer|placeholder|lazy/i;

/**
 * Make images load the way a browser with scripts would show them: AMP's
 * <amp-img> becomes <img>, and lazy-loading attributes fill in the real
 * address. Not a removal, so it records nothing.
 */
export function normalizeMedia(root: Element): void {
  const doc = root.ownerDocument;
  for (const amp of Array.from(root.querySelectorAll('amp-img'))) {
    const img = doc.createElement('img');
    for (const attr of ['src', 'srcset', 'alt', 'width', 'height', 'title']) {
      const v = amp.getAttribute(attr);
      if (v !== null) img.setAttribute(attr, v);
    }
    amp.replaceWith(img);
  }
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!src || PLACEHOLDER_SRC.test(src)) {
      const lazy = LAZY_SRC.map((a) => img.getAttribute(a)).find((v) => v && !PLACEHOLDER_SRC.test(v));
      if (lazy) img.setAttribute('src', lazy);
    }
    if (!img.getAttribute('srcset')) {
      const lazySet = LAZY_SRCSET.map((a) => img.getAttribute(a)).find(Boolean);
      if (lazySet) img.setAttribute('srcset', lazySet);
    }
  }
}
