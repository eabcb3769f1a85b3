/**
 * What the content script brings back from the reader's tab: the page as
 * HTML, and nothing of ours runs there but this copier. Cleaning happens in
 * the extension's own page, on an inert document parsed from this text, so a
 * page cannot reach the cleaner with its scripts, its frames or its named
 * elements (`<img name="createElement">` stands in for
 * `document.createElement`, in the content script's world as in the page's).
 */
export interface PageSnapshot {
  /** The root element serialised as the page's scripts have left it, without event handlers or templates. */
  html: string;
  /** The page's address. */
  url: string;
  /** The address relative links resolve against (the page's `<base>`, else its address). */
  baseUrl: string;
  /** How many elements the page had. */
  elements: number;
}

export type SnapshotResult = { ok: true; snapshot: PageSnapshot } | { ok: false; error: 'too-large'; message: string };

export interface SnapshotLimits {
  elements: number;
  /** UTF-16 code units of HTML. */
  htmlChars: number;
}

/** Past these a page is refused before it is copied, rather than freezing the tab or the popup. */
export const SNAPSHOT_LIMITS: Readonly<SnapshotLimits> = {
  elements: 250_000,
  // 64 MB of memory as a string.
  htmlChars: 32 * 1024 * 1024,
};

/** The constructors of a realm whose prototypes the page cannot have touched: the content script's own. */
export interface Realm {
  Node: typeof Node;
  Element: typeof Element;
  Document: typeof Document;
}

function accessor(proto: object, name: string): PropertyDescriptor {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  if (!descriptor?.get) throw new Error(`${name} is not an accessor here`);
  return descriptor;
}

const tooLarge = (what: string, limit: number): SnapshotResult => ({
  ok: false,
  error: 'too-large',
  message: `This page is too large to clean (${what}; the limit is ${limit.toLocaleString('en')}).`,
});

/**
 * Take out of `root` (in an inert document) what the extension page would
 * act on, or report, when it parses the copy again: event handler
 * attributes, inline styles and style sheets (the browser checks each
 * against the extension's policy as it is parsed, and reports each it
 * blocks), `<base>` (the address travels beside the copy) and templates,
 * whose content the walk cannot reach. What a style hid stays hidden, as the
 * `hidden` attribute. A `<noscript>` holds text where the page runs scripts:
 * it is parsed here, as a browser with scripts off would, so its content is
 * disarmed too.
 */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function disarm(root: Element, realm: Realm): void {
  const proto = realm.Element.prototype;
  const attributesOf = accessor(proto, 'attributes').get!;
  const localName = accessor(proto, 'localName').get!;
  const textOf = accessor(realm.Node.prototype, 'textContent').get!;
  const setInnerHtml = Object.getOwnPropertyDescriptor(proto, 'innerHTML')!.set!;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  const dropped: Element[] = [];
  const noscripts: Element[] = [];
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    const el = node as Element;
    const attributes = attributesOf.call(el) as NamedNodeMap;
    for (let i = attributes.length - 1; i >= 0; i--) {
      const name = attributes[i]!.name;
      if (name.length > 2 && (name.charCodeAt(0) | 32) === 111 /* o */ && (name.charCodeAt(1) | 32) === 110 /* n */) proto.removeAttribute.call(el, name);
    }
    const style = proto.getAttribute.call(el, 'style');
    if (style !== null) {
      if (HIDING_STYLE.test(style)) proto.setAttribute.call(el, 'hidden', '');
      proto.removeAttribute.call(el, 'style');
    }
    const tag = localName.call(el) as string;
    if (tag === 'template' || tag === 'style' || tag === 'base') dropped.push(el);
    else if (tag === 'noscript' && !el.firstElementChild) noscripts.push(el);
  }
  for (const el of dropped) proto.remove.call(el);
  for (const noscript of noscripts) {
    const text = textOf.call(noscript) as string;
    if (!text.includes('<')) continue;
    const holder = doc.createElement('div');
    setInnerHtml.call(holder, text);
    disarm(holder, realm);
    noscript.replaceChildren(...Array.from(holder.childNodes));
  }
}

/**
 * Copy `doc` out as HTML. Every step goes through the realm's prototypes, or
 * through a fresh inert document, never through properties of the page's
 * document, which a named element can shadow; the copy is made in an inert
 * document, where nothing loads and no handler can fire.
 */
export function snapshotPage(doc: Document, realm: Realm, limits: Readonly<SnapshotLimits> = SNAPSHOT_LIMITS): SnapshotResult {
  const documentProto = realm.Document.prototype;
  const elements = documentProto.getElementsByTagName.call(doc, '*').length;
  if (elements > limits.elements) return tooLarge(`${elements.toLocaleString('en')} elements`, limits.elements);
  const root = accessor(documentProto, 'documentElement').get!.call(doc) as Element | null;
  let html = '';
  if (root) {
    const implementation = accessor(documentProto, 'implementation').get!.call(doc) as DOMImplementation;
    const inert = implementation.createHTMLDocument('');
    const copy = documentProto.importNode.call(inert, root, true) as Element;
    disarm(copy, realm);
    html = accessor(realm.Element.prototype, 'outerHTML').get!.call(copy) as string;
  }
  if (html.length > limits.htmlChars) return tooLarge(`${Math.round(html.length / 1_048_576)} MB of HTML`, limits.htmlChars);
  return {
    ok: true,
    snapshot: {
      html,
      url: accessor(documentProto, 'URL').get!.call(doc) as string,
      baseUrl: accessor(realm.Node.prototype, 'baseURI').get!.call(doc) as string,
      elements,
    },
  };
}
