import type { CleanRule } from '../rule';
import { HEADING_TAGS } from '../dom';
import { textOf, countWords } from '../../text';

const BIO_HEADING = /^(?:about the authors?|about the writers?|about the contributors?|author bios?|über (?:den|die) autor(?:in|en|innen)?|zur person|à propos de l['’]auteur|sobre el autor|sull['’]autore|o autorze)$/i;
const BIO_LINK = /^(?:see|view|read) (?:full )?(?:bio|profile)|^full bio$|^more (?:from|by) this author$|^alle artikel (?:von|dieses autors)/i;

/**
 * Author boilerplate: an "About the Authors" section and the "See full bio"
 * rows it is made of. The byline itself is metadata, shown apart.
 */
export const authorBios: CleanRule = {
  name: 'author-bios',
  reason: 'author bio boilerplate ("About the Authors", "See full bio")',
  phases: ['article'],
  *find(root, { length }) {
    for (const el of root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, span, strong')) {
      if (length(el) > 60 || !BIO_HEADING.test(textOf(el))) continue;
      if (!HEADING_TAGS.has(el.tagName.toUpperCase()) && el.children.length > 1) continue;
      // The heading's section goes with it when the section is only the bios.
      const section = el.parentElement;
      if (section && section !== root && section.firstElementChild === el && countWords(textOf(section)) <= 250) {
        yield section;
        continue;
      }
      yield el;
      for (let sib = el.nextElementSibling; sib && !HEADING_TAGS.has(sib.tagName.toUpperCase()); sib = sib.nextElementSibling) {
        if (countWords(textOf(sib)) > 120) break;
        yield sib;
      }
    }
    for (const el of root.querySelectorAll('a, button, span, div')) {
      if (length(el) > 40 || el.children.length > 2 || !BIO_LINK.test(textOf(el))) continue;
      // The row is the block that holds the author's name and this link.
      let row: Element = el;
      while (row.parentElement && row.parentElement !== root && countWords(textOf(row.parentElement)) <= 12) row = row.parentElement;
      yield row;
    }
  },
};
