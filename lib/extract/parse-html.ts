import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * A page's HTML as a DOM in Node. Scripts do not run and nothing is fetched.
 * jsdom's CSS errors on real pages' style sheets are noise here, so its
 * console goes nowhere.
 */
export function parseHtml(html: string, url: string): Document {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
