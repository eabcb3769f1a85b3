import type { CleanRule } from '../rule';
import { linkDensity } from '../dom';
import { textOf } from '../../text';

/**
 * Labels that introduce a link to another story, in the languages the corpus
 * holds. A paragraph that starts with one and is mostly that link is a teaser.
 */
const LABEL = new RegExp(
  '^(?:read more|read also|also read|see more|also on [\\w.-]+|more reading|related(?: articles?| stories| coverage| content)?|see also|' +
    'recommended(?: reading)?|previously|don\u2019t miss|don\'t miss|watch|listen|' +
    'lesen sie (?:auch|mehr)|auch (?:interessant|lesen)|schon gelesen|mehr zum thema|weiterlesen|zum weiterlesen|mehr dazu|siehe auch|beiträge zum thema|' +
    'lire aussi|à lire aussi|voir aussi|lea (?:más|también)|lea|lee también|leer más|le puede interesar|te puede interesar|leggi anche|' +
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

export const inlineRelatedLinks: CleanRule = {
  name: 'inline-related-links',
  reason: 'inline link to another story ("Read More:", "Related:", a headline in capitals)',
  *find(root, { length }) {
    for (const el of root.querySelectorAll('p, li, div, h3, h4, h5, h6, aside')) {
      if (length(el) > 300) continue;
      const text = textOf(el);
      if (text.length > 300) continue;
      if (!LABEL.test(text) && !isShoutedTeaser(el, text)) continue;
      if (!el.querySelector('a')) continue;
      const density = linkDensity(el);
      if (density < 0.4) continue;
      // The label must sit at the start of this block, not of a larger wrapper around the body.
      if (el.querySelectorAll('p').length > 1) continue;
      yield el;
    }
  },
};
