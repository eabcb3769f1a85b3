import createDOMPurify, { type DOMPurify, type Config, type WindowLike } from 'dompurify';
import { srcsetUrls } from './srcset';

/**
 * What a clean article may contain: text structure, links, media and tables.
 * No scripts, styles, forms, frames or event handlers; no element that can
 * load or run anything but an image.
 */
const SAFE_URL = /^(?:https?:|mailto:|#|data:image\/(?:png|gif|jpe?g|webp|avif)[;,])/i;
const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'cite', 'longdesc', 'xlink:href']);
/**
 * DOMPurify tests every attribute value outside its short list of plain-text
 * attributes (alt, title, …) against this pattern, not only addresses: the
 * pattern must pass a plain value (width="600", dir="rtl", colspan="2",
 * datetime="2025-11-23", lang="de", mathvariant="bold") and refuse any scheme
 * but ours. Addresses are then held to SAFE_URL alone, in the hook below.
 */
const ALLOWED_VALUE = /^(?:https?:|mailto:|#|data:image\/(?:png|gif|jpe?g|webp|avif)[;,]|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i;

const CONFIG: Config = {
  // MathML is how science and maths pages write their formulas: without it an article loses them (most of
  // Readability's mathjax test page). DOMPurify checks that each element sits in the namespace its parent
  // allows, which is what namespace-confusion attacks rely on breaking. No SVG: on news pages it is icons.
  USE_PROFILES: { html: true, mathMl: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'svg',
    'template',
    'noscript',
    'dialog',
  ],
  FORBID_ATTR: ['is', 'style', 'class', 'name', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'target'],
  // An id stays, for in-page links (footnotes and their way back), behind a prefix: a page's id="library"
  // could otherwise stand in for a global of the extension page that shows it.
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_VALUE,
};

/** DOMPurify's prefix for the ids it keeps; in-page links are pointed at the prefixed ids. */
const ID_PREFIX = 'user-content-';

/**
 * The ids the article's own links point to and the elements that carry an
 * id, gathered by the hook while an article is sanitised in place: ids no
 * link points to (most of a page's) are then dropped.
 */
let idUse: { targets: Set<string>; carriers: Element[] } | undefined;

/** The prefixed id an in-page link's fragment names; a fragment may be percent-encoded ("fn%3A1" for "fn:1"). */
function idOf(fragment: string): string {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    // Not valid percent-encoding: the fragment is the id as written.
  }
  return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
}

type Mode = 'in-place' | 'string';

/**
 * The window as DOMPurify sees it when it sanitises in place. At set-up
 * DOMPurify makes a <template> to borrow its inert document for parsing
 * strings; sanitising in place parses nothing (it walks the article where it
 * stands, in an inert copy of the page), and on jsdom that document cost
 * about 0.35 ms of every page. Everything else is the window itself.
 */
function withoutTemplates(win: Window): Window {
  return new Proxy(win, { get: (target, key) => (key === 'HTMLTemplateElement' ? undefined : Reflect.get(target, key)) });
}
const instances = new WeakMap<object, Partial<Record<Mode, DOMPurify>>>();

/**
 * A DOMPurify bound to a window (the page's, the popup's, or jsdom's in
 * Node) and set up once per mode: passing the config on every call makes
 * DOMPurify parse it again, which costs more than sanitising a short article.
 */
function purifierFor(win: Window, mode: Mode): DOMPurify {
  const byMode = instances.get(win) ?? {};
  let purifier = byMode[mode];
  if (!purifier) {
    purifier = createDOMPurify((mode === 'in-place' ? withoutTemplates(win) : win) as unknown as WindowLike);
    purifier.setConfig(mode === 'in-place' ? { ...CONFIG, IN_PLACE: true } : { ...CONFIG, RETURN_TRUSTED_TYPE: false });
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (!node.hasAttributes()) return;
      let href: string | null = null;
      // One pass over the attributes, by lower-cased name: a page's script can make an attribute named "HREF",
      // which getAttribute('href') does not find on the copy but which is an href once the HTML is parsed again.
      for (const attr of Array.from(node.attributes)) {
        const { name, value } = attr;
        const lower = name.toLowerCase();
        // Addresses: web, mail and in-page ones, and pictures in real picture formats (DOMPurify lets any data:
        // address through on images). A relative one is dropped: the article's were made absolute already.
        const safe = lower === 'srcset' ? srcsetUrls(value).every((url) => SAFE_URL.test(url)) : !URL_ATTRIBUTES.has(lower) || SAFE_URL.test(value.trim());
        // By node: removeAttribute lower-cases the name it is given on an HTML element, and would miss "HREF".
        if (!safe) node.removeAttributeNode(attr);
        else if (lower === 'href') href = value.trim();
        else if (lower === 'id') idUse?.carriers.push(node);
      }
      if (node.tagName !== 'A' || href === null) return;
      // The clean copy is read away from its site: a link must not hand the site a handle on the reader's window.
      node.setAttribute('rel', 'noopener noreferrer');
      if (href.length > 1 && href.startsWith('#')) {
        const target = idOf(href.slice(1));
        node.setAttribute('href', `#${target}`);
        idUse?.targets.add(target);
      }
    });
    byMode[mode] = purifier;
    instances.set(win, byMode);
  }
  return purifier;
}

/**
 * Sanitise an element's subtree where it stands, saving the parse and
 * serialise round trip of the string form. The element must belong to an
 * inert document (a copy or a created one): nothing in it may load or run
 * before this returns.
 */
export function sanitizeElement(el: Element, win: Window): void {
  idUse = { targets: new Set(), carriers: [] };
  try {
    purifierFor(win, 'in-place').sanitize(el);
    for (const carrier of idUse.carriers) if (!idUse.targets.has(carrier.getAttribute('id') ?? '')) carrier.removeAttribute('id');
  } finally {
    idUse = undefined;
  }
}

/** Untrusted HTML in, HTML safe to put in an extension page or an export out. */
export function sanitizeHtml(html: string, win: Window): string {
  return purifierFor(win, 'string').sanitize(html) as unknown as string;
}
