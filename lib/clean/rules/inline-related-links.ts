import type { CleanRule } from '../rule';
import { closestNamed, holds, linkDensity } from '../dom';
import { countWords, textOf } from '../../text';

/**
 * Labels that introduce a link to another story, in the languages the corpus
 * holds. A paragraph that starts with one and is mostly that link is a teaser.
 */
const LABEL = new RegExp(
  '^(?:read more|read also|also read|see more|also on [\\w.-]+|more reading|related(?: articles?| stories| coverage| content)?|see also|' +
    "recommended(?: reading)?|previously|don\u2019t miss|don't miss|watch|listen|" +
    'lesen sie (?:auch|mehr)|auch (?:interessant|lesen)|schon gelesen|mehr zum thema|weiterlesen|zum weiterlesen|mehr dazu|siehe auch|beiträge zum thema|' +
    'lire aussi|à lire aussi|voir aussi|lea (?:más|también)|lea|lee también|leer más|le puede interesar|te puede interesar|puedes ver|veja também|leggi anche|' +
    'czytaj (?:też|także|więcej)|zobacz (?:też|także)|dowiedz się więcej|lees ook|läs också|les også)\\s*[:：»>→|?-]',
  'i',
);

/**
 * A headline in capitals that is wholly a link: the way some sites slot
 * teasers for other stories between paragraphs. A sentence that happens to
 * be a link is kept: it is not shouted.
 */
function isShoutedTeaser(el: Element, text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 15 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && linkDensity(el) > 0.9;
}

const LIST_OR_TABLE_CELL = new Set(['li', 'td', 'th']);
const CANDIDATES = new Set(['p', 'li', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'aside', 'blockquote']);

const host = (url: URL) => url.hostname.replace(/^www\./, '');

/** A link to another page of the site the article is on (not an anchor in the article itself). */
function isOtherPageOfSite(href: string | null, page: string): boolean {
  if (!href || href.startsWith('#')) return false;
  try {
    const to = new URL(href, page);
    const from = new URL(page);
    return host(to) === host(from) && to.pathname !== from.pathname;
  } catch {
    return false;
  }
}

/**
 * A headline standing alone between paragraphs that is wholly one link to
 * another page of the same site: a teaser slotted into the story. A linked
 * sentence or question (it ends with a period or a question mark), a link to
 * another site or to a section of the article, and a list of links are left alone.
 */
function isLinkedHeadline(el: Element, text: string): boolean {
  if (closestNamed(el, LIST_OR_TABLE_CELL)) return false;
  const words = countWords(text);
  if (words < 3 || words > 20 || /[.:;,?]$/.test(text)) return false;
  const links = el.getElementsByTagName('a');
  return links.length === 1 && linkDensity(el) >= 0.9 && isOtherPageOfSite(links[0]!.getAttribute('href'), el.ownerDocument.baseURI);
}

export const inlineRelatedLinks: CleanRule = {
  name: 'inline-related-links',
  reason: 'inline link to another story ("Read More:", "Related:", a headline that is only a link)',
  *find(_root, { length, elements }) {
    for (const el of elements().filter((el) => CANDIDATES.has(el.localName))) {
      // Every teaser is a link: most blocks have none, and are passed over before their text is read.
      if (length(el) > 300 || !holds(el, 'a')) continue;
      const text = textOf(el);
      if (text.length > 300) continue;
      if (!LABEL.test(text) && !isShoutedTeaser(el, text) && !isLinkedHeadline(el, text)) continue;
      const density = linkDensity(el);
      if (density < 0.4) continue;
      // The label must sit at the start of this block, not of a larger wrapper around the body.
      if (el.getElementsByTagName('p').length > 1) continue;
      yield el;
    }
  },
};
