import type { CleanRule } from '../rule';
import { HEADING_TAGS, holds, linkDensity } from '../dom';
import { textOf, countWords } from '../../text';

/** Headings of lists that lead away from the article, in the corpus's languages. */
const RAIL_HEADING = new RegExp(
  '^(?:most (?:popular|read|viewed|shared|emailed)|popular (?:now|stories|articles|posts)?|trending(?: now| stories| articles)?|' +
    'latest(?: in .{1,40}| news| stories| articles| posts| videos| headlines)?|top stories|related(?: stories| articles| content| coverage| news| posts| links| reading)?|' +
    "more|more (?:from|in|on|about) .{1,40}|more(?: [\\w’'-]+){0,3} (?:stories|news|articles|headlines|reads)|read next|up next|what to read next|" +
    "you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| articles| reading)?|editor['’]?s picks|don['’]t miss|" +
    'meistgelesen(?:e)?(?: artikel)?|meist gelesen|beliebte? (?:artikel|beiträge)|neueste (?:artikel|beiträge|nachrichten)|' +
    'schon gelesen|auch (?:interessant|lesen)|lesen sie (?:auch|mehr)|beiträge zum thema|(?:mehr|weitere) themen|' +
    '(?:también )?(?:le|te) puede interesar|lea también|zobacz (?:też|także)|czytaj (?:też|także)|dowiedz się więcej|' +
    'das könnte (?:sie|dich) auch interessieren|mehr zum thema(?: .{1,40})?|weitere (?:artikel|themen|nachrichten|beiträge|meldungen)|ähnliche (?:artikel|beiträge)|' +
    'verwandte (?:artikel|themen)|top-?themen|les plus lus|à lire aussi|sur le même sujet|lo más leído|noticias relacionadas|i più letti|najczęściej czytane|' +
    '相关(?:文章|阅读|新闻)|热门(?:文章|新闻)?)\\s*[:：?!.…]*$',
  'i',
);

const HEADING_HOLDERS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'div', 'strong']);

function isHeadingLike(el: Element): boolean {
  return HEADING_TAGS.has(el.tagName.toUpperCase()) || el.getAttribute('role') === 'heading' || (el.children.length === 0 && textOf(el).length < 50);
}

/** Whether text stands in the element itself, between its children. */
function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return true;
  return false;
}

/**
 * Prose of the story, or a block that holds some: long enough to be a
 * sentence or more, and not mostly links. A rail of pictures ends at the
 * author's note or the comments after it, which sites set in a <div>.
 */
function isProse(el: Element): boolean {
  return (el.localName === 'p' || (el.localName === 'div' && !holds(el, 'li'))) && countWords(textOf(el)) >= 20 && linkDensity(el) < 0.5;
}

/** A block that reads like a list of teasers: link-heavy, or short items. */
function looksLikeRail(els: Element[]): boolean {
  const text = els.map(textOf).join(' ');
  if (!text) return true;
  let linked = 0;
  for (const el of els) linked += linkDensity(el) * textOf(el).length;
  if (linked / text.length >= 0.35) return true;
  const items = els.flatMap((el) => Array.from(el.querySelectorAll('li, article')));
  return items.length >= 3 && countWords(text) / items.length < 40 && !els.some((el) => el.querySelector('p + p + p'));
}

/**
 * "Most Popular", "Latest in …", "Related" rails: a rail heading and the
 * teaser list under it. The list must look like teasers, so a real section
 * that happens to be titled "Related" survives.
 */
export const linkRails: CleanRule = {
  name: 'link-rails',
  reason: 'list of links to other stories ("Most Popular", "Latest in …", "Related")',
  *find(root, { length, elements }) {
    for (const el of elements().filter((e) => HEADING_HOLDERS.has(e.localName) || e.getAttribute('role') === 'heading')) {
      if (length(el) > 60 || !RAIL_HEADING.test(textOf(el)) || !isHeadingLike(el)) continue;
      let head: Element = el;
      while (head.parentElement && head.parentElement !== root && textOf(head.parentElement) === textOf(el)) head = head.parentElement;
      const container = head.parentElement;
      // Words of a sentence ("<strong>More</strong> than 200 people…"), not a heading: the block around them says more.
      if (container && container !== root && hasOwnText(container)) continue;
      // The heading opens its own container: the rail is the container.
      if (container && container !== root && container.firstElementChild === head && looksLikeRail(Array.from(container.children).slice(1))) {
        yield container;
        continue;
      }
      const rest: Element[] = [];
      // The rail ends where the story's prose resumes: some sites set a "More:" list mid-story.
      let sib = head.nextElementSibling;
      for (; sib && !isHeadingLike(sib) && !isProse(sib); sib = sib.nextElementSibling) rest.push(sib);
      // A heading right above prose titles a section of the story, whatever it says.
      if (rest.length === 0 && sib && isProse(sib)) continue;
      if (looksLikeRail(rest)) yield* [head, ...rest];
    }
  },
};
