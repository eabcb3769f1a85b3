import type { CleanRule } from '../rule';
import { HEADING_TAGS } from '../dom';
import { leafBlocks } from '../leaf-blocks';
import { textOf, countWords } from '../../text';

const BIO_HEADING =
  /^(?:about the authors?|about the writers?|about the contributors?|author bios?|über (?:den|die) autor(?:in|en|innen)?|zur person|à propos de l['’]auteur|sobre el autor|sull['’]autore|o autorze)$/i;
const HEADING_CANDIDATES = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong']);
const LINK_CANDIDATES = new Set(['a', 'button', 'span', 'div']);
const BIO_LINK = /^(?:see|view|read) (?:full )?(?:bio|profile)|^full bio$|^more (?:from|by) this author$|^alle artikel (?:von|dieses autors)/i;

/**
 * Author boilerplate: an "About the Authors" section and the "See full bio"
 * rows it is made of. The byline itself is metadata, shown apart.
 */
const BIO_VERB = /^(?:is|was|has|had|joined|writes|covers|reports|edits|lives|ist|war|schreibt|arbeitet|lebt|berichtet|est|écrit|es|escribe)\b/i;
const BIO_WORDS = 80;
const CLOSING_LINES = 3;

/**
 * The author's bio that closes many posts: one of the last lines, starting
 * with the author's name (full or first) and a verb ("Regan is…",
 * "Emiliano joined…").
 */
function* closingBios(root: Element, authors: readonly string[]): Generator<Element> {
  if (authors.length === 0) return;
  const names = authors.flatMap((a) => [a, a.split(' ')[0]!]).filter((n) => n.length > 1);
  // The last lines with text, read from the end: only they can close the post.
  const blocks = leafBlocks(root);
  const lines: Element[] = [];
  for (let i = blocks.length - 1; i >= 0 && lines.length < CLOSING_LINES; i--) if (textOf(blocks[i]) !== '') lines.unshift(blocks[i]!);
  for (const el of lines) {
    const text = textOf(el);
    if (countWords(text) > BIO_WORDS) continue;
    const name = names.find((n) => text.startsWith(`${n} `));
    if (name && BIO_VERB.test(text.slice(name.length + 1))) yield el;
  }
}

/** A link to the writer's page on the site. */
const AUTHOR_PAGE = /\/(?:authors?|autor(?:en|in)?|auteurs?|autore|autori|autores|autorzy)\/[^/?#]/i;
/** A picture served as a user's avatar: Gravatar's, or from a folder of avatars (not a file that only names one). */
const AVATAR = /gravatar\.com\/avatar\/|\/avatars?\//i;
/** An author box is a portrait and a few lines; a longer block is the story's own. */
const BOX_WORDS = 120;
const MIN_BOX_WORDS = 5;

/** A picture of the writer: an avatar, a link to the writer's page, or alt text that is the byline's name. */
function isPortrait(img: Element, authors: readonly string[]): boolean {
  if (AVATAR.test(img.getAttribute('src') ?? '')) return true;
  const link = img.closest('a');
  if (link && AUTHOR_PAGE.test(link.getAttribute('href') ?? '')) return true;
  const alt = (img.getAttribute('alt') ?? '').trim().toLowerCase();
  return alt !== '' && authors.some((a) => a.toLowerCase() === alt);
}

/** Children of an element that show something: text or a picture. */
function parts(el: Element): number {
  return Array.from(el.children).filter((c) => textOf(c) !== '' || c.localName === 'img' || c.getElementsByTagName('img').length > 0).length;
}

/** Words in the text that follows `el` within `root`. */
function wordsAfter(el: Element, root: Element): number {
  let words = 0;
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement)
    for (let sib = cur.nextSibling; sib; sib = sib.nextSibling) words += countWords(textOf(sib));
  return words;
}

/**
 * The author box that closes many posts: the writer's portrait beside a few
 * lines about them, which may be in the first person ("Als Content
 * Marketing Managerin betreue ich …", "I'm Amy and …") and so start with no
 * name. The box is the largest block around the portrait that stays short,
 * and nothing of the article follows it.
 */
function* closingAuthorBox(root: Element, authors: readonly string[]): Generator<Element> {
  const portraits = Array.from(root.getElementsByTagName('img')).filter((img) => isPortrait(img, authors));
  const portrait = portraits.at(-1);
  if (!portrait) return;
  let box: Element = portrait;
  // Up while the box stays short and the parent adds one part at most beside it (the lines about the writer):
  // a closing section's heading and conclusion beside the box are the story's.
  for (let up = box.parentElement; up && up !== root && countWords(textOf(up)) <= BOX_WORDS && parts(up) <= 2; up = up.parentElement) box = up;
  const words = countWords(textOf(box));
  if (words < MIN_BOX_WORDS || words * 2 > countWords(textOf(root)) || wordsAfter(box, root) > 0) return;
  yield box;
}

export const authorBios: CleanRule = {
  name: 'author-bios',
  reason: 'author bio boilerplate ("About the Authors", "See full bio", the writer\'s portrait with lines about them)',
  *find(root, { length, authors, elements }) {
    for (const el of elements().filter((el) => HEADING_CANDIDATES.has(el.localName))) {
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
    yield* closingBios(root, authors);
    yield* closingAuthorBox(root, authors);
    for (const el of elements().filter((el) => LINK_CANDIDATES.has(el.localName))) {
      if (length(el) > 40 || el.children.length > 2 || !BIO_LINK.test(textOf(el))) continue;
      // The row is the block that holds the author's name and this link.
      let row: Element = el;
      while (row.parentElement && row.parentElement !== root && countWords(textOf(row.parentElement)) <= 12) row = row.parentElement;
      yield row;
    }
  },
};
