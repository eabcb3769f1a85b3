import type { ExtractResult } from '../article';
import { defuseNamedAccess } from './defuse';
import { extractArticle, type ExtractOptions } from './extract-article';
import type { PageSnapshot } from './snapshot';

type ParsingWindow = Pick<Window & typeof globalThis, 'DOMParser' | 'Node' | 'Element' | 'Document'>;

/**
 * The snapshot as an inert document of the extension page: parsed without a
 * browsing context, so none of its scripts run and none of its frames,
 * pictures or styles load; `<noscript>` holds elements, as on a saved page.
 * Its named elements are defused, and a `<base>` makes relative addresses
 * resolve against the page rather than the extension.
 */
export function documentFromSnapshot(snapshot: PageSnapshot, win: ParsingWindow): Document {
  const doc = new win.DOMParser().parseFromString(`<!doctype html>${snapshot.html}`, 'text/html');
  defuseNamedAccess(doc, win);
  for (const old of Array.from(doc.getElementsByTagName('base'))) old.remove();
  const base = doc.createElement('base');
  base.setAttribute('href', snapshot.baseUrl);
  doc.head.prepend(base);
  return doc;
}

/** Clean a page the content script copied out. */
export function extractFromSnapshot(snapshot: PageSnapshot, win: ParsingWindow & Window, options: Omit<ExtractOptions, 'url' | 'win'> = {}): ExtractResult {
  return extractArticle(documentFromSnapshot(snapshot, win), { ...options, url: snapshot.url, win });
}
