/** The DOM that parses: an extension page's window, or jsdom's in Node. */
export interface InertWindow {
  document: Pick<Document, 'implementation'>;
}

const inertDocuments = new WeakMap<InertWindow, Document>();

/**
 * `html` inside a new `tag` element of a document made for the purpose: the
 * document has no browsing context, so nothing in it loads or runs. One
 * document serves every call for a window, because jsdom's DOMParser slows
 * with every document it has made, which an export of thousands of articles
 * feels.
 */
export function inertElement(html: string, win: InertWindow, tag: 'div' | 'body' = 'div'): HTMLElement {
  let doc = inertDocuments.get(win);
  if (!doc) {
    doc = win.document.implementation.createHTMLDocument('');
    inertDocuments.set(win, doc);
  }
  const holder = doc.createElement(tag);
  holder.innerHTML = html;
  return holder;
}
