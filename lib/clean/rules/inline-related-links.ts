import type { CleanRule } from '../rule';
import { linkDensity } from '../dom';
import { textOf } from '../../text';

/**
 * Labels that introduce a link to another story, in the languages the corpus
 * holds. A paragraph that starts with one and is mostly that link is a teaser.
 */
const LABEL = new RegExp(
  '^(?:read more|read also|also read|more reading|related(?: articles?| stories| coverage| content)?|see also|' +
    'recommended(?: reading)?|previously|don\u2019t miss|don\'t miss|watch|listen|' +
    'lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|weiterlesen|mehr dazu|siehe auch|' +
    'lire aussi|à lire aussi|voir aussi|lea también|lee también|leer más|leggi anche|czytaj (?:też|także)|zobacz (?:też|także)|' +
    'lees ook|läs också|les også)\\s*[:：»>→|-]',
  'i',
);

export const inlineRelatedLinks: CleanRule = {
  name: 'inline-related-links',
  reason: 'inline link to another story ("Read More:", "Related:")',
  phases: ['article'],
  *find(root, { length }) {
    for (const el of root.querySelectorAll('p, li, div, h3, h4, h5, h6, aside')) {
      if (length(el) > 300) continue;
      const text = textOf(el);
      if (text.length > 300 || !LABEL.test(text)) continue;
      if (!el.querySelector('a') || linkDensity(el) < 0.4) continue;
      // The label must sit at the start of this block, not of a larger wrapper around the body.
      if (el.querySelectorAll('p').length > 1) continue;
      yield el;
    }
  },
};
