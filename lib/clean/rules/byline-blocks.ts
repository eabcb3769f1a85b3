import type { CleanRule } from '../rule';
import { textOf, countWords } from '../../text';
import { holds } from '../dom';

const CANDIDATES = new Set(['p', 'div', 'span', 'address', 'time', 'ul']);
const BYLINE = /^(?:by|von|par|por|di|door|av|przez)\s+\S/i;
const DATELINE =
  /^(?:(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour)\b|\w+ \d{1,2}, \d{4}\b|\d{1,2}\.? \w+ \d{4}\b|\d{4}-\d{2}-\d{2})/i;

/**
 * The byline and date line at the top of the body. Both are shown as
 * metadata; left in the text they repeat the names with "By", "and" and the
 * duplicated picture captions.
 */
export const bylineBlocks: CleanRule = {
  name: 'byline-blocks',
  reason: 'byline or date line, shown as metadata instead',
  *find(_root, { length, elements }) {
    const blocks = elements().filter((el) => CANDIDATES.has(el.localName) && length(el) > 0);
    const bodyStart = blocks.findIndex((el) => el.tagName === 'P' && countWords(textOf(el)) > 25);
    const head = bodyStart === -1 ? blocks.slice(0, 8) : blocks.slice(0, bodyStart);
    for (const el of head) {
      if (length(el) > 400) continue;
      const text = textOf(el);
      if (countWords(text) > 40 || holds(el, 'p')) continue;
      if (BYLINE.test(text) || (DATELINE.test(text) && text.length < 80) || el.tagName === 'TIME' || el.tagName === 'ADDRESS') yield el;
    }
  },
};
