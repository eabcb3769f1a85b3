import { isStoryBody } from './page-scan';

/** Fewer words than this in the JSON-LD's text is a teaser or a forum post's first line, not a story to check against. */
const MIN_WORDS = 100;
/** Below this share of the story's word triples, the container holds another block of the page, not the story. */
const MIN_SHARE = 0.5;

/** Markup of the story's own blocks: some sites put HTML in `articleBody`. */
const MARKUP = /<\/?(?:p|br|h[1-6]|ul|ol|li|blockquote)\b[^>]*>/i;
/** Markdown ("**bold**", "## Heading", "[link](…)") would show its marks as text: such a body is not put in. */
const MARKDOWN = /\*\*|\]\(|^#{1,6}\s/m;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The share of `story`'s runs of three words that `text` holds too. */
export function tripleShare(story: readonly string[], text: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i + 2 < text.length; i++) seen.add(`${text[i]} ${text[i + 1]} ${text[i + 2]}`);
  let hit = 0;
  let all = 0;
  for (let i = 0; i + 2 < story.length; i++, all++) if (seen.has(`${story[i]} ${story[i + 1]} ${story[i + 2]}`)) hit++;
  return all ? hit / all : 1;
}

/** The container's block that prints the page's description: the standfirst, which `articleBody` leaves out. */
function standfirstIn(body: Element, summary: string | undefined): Element | undefined {
  const key = words(summary ?? '').join(' ');
  if (key.split(' ').length < 8) return undefined;
  for (const el of Array.from(body.querySelectorAll('p, h2, h3, div'))) {
    if (el.querySelector('p, div')) continue;
    if (words(el.textContent ?? '').join(' ') === key) return el;
  }
  return undefined;
}

/**
 * The story's JSON-LD `articleBody` checks what Readability's container lost.
 * When the container holds under half of it, Readability took another block
 * (a teaser above a paywall, a box of service text) or the page draws the story with a
 * script from data only the JSON-LD holds: the story is put in from its
 * `articleBody`, a paragraph per line, under the container's standfirst when it has one.
 * `body` is Readability's article in the inert copy; the sanitiser runs
 * later. Returns whether it changed.
 */
export function checkArticleBody(body: Element, articleBody: string | undefined, summary?: string): boolean {
  if (!articleBody || MARKDOWN.test(articleBody)) return false;
  const markup = MARKUP.test(articleBody);
  const doc = body.ownerDocument;
  const story = doc.createElement('div');
  if (markup) story.innerHTML = articleBody;
  else
    for (const line of articleBody.split(/\s*\n\s*/)) {
      if (!line) continue;
      const p = doc.createElement('p');
      p.textContent = line;
      story.append(p);
    }
  return putStoryIn(body, words(story.textContent ?? ''), () => story, summary);
}

/** Replace the container's content with the story when the container holds under half of the story's words. */
function putStoryIn(body: Element, storyWords: readonly string[], story: () => Element, summary: string | undefined): boolean {
  if (storyWords.length < MIN_WORDS || tripleShare(storyWords, words(body.textContent ?? '')) >= MIN_SHARE) return false;
  const standfirst = standfirstIn(body, summary);
  body.replaceChildren(...(standfirst ? [standfirst] : []), ...Array.from(story().childNodes));
  return true;
}

/**
 * The story's block as the page's microdata marks it, schema.org's other way
 * of saying what the page is about: the element whose `itemprop` is
 * `articleBody`, or else the one recipe the page declares (`marks` as the
 * page scan gathered them, in document order).
 */
export function declaredStory(marks: readonly Element[]): Element | undefined {
  const bodies = marks.filter(isStoryBody);
  // Several bodies are a list of teasers, comments or forum posts: which of them is the page's story cannot be told.
  if (bodies.length > 0) return bodies.length === 1 ? bodies[0] : undefined;
  return marks.length === 1 ? marks[0] : undefined;
}

const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/**
 * An element the page does not show, by the signs Readability itself reads
 * (`hidden`, `aria-hidden="true"`, an inline `display: none` or
 * `visibility: hidden`): sites hide a second copy of text for other screens
 * or for search engines.
 */
export function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

/** The words a reader would see in an element of the page: no script, style or template text, nothing hidden. */
function shownWords(el: Element): string[] {
  const walker = el.ownerDocument.createTreeWalker(el, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && (NOT_SHOWN.has((node as Element).localName) || isHidden(node as Element)) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */,
  });
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
  return words(parts.join(' '));
}

/**
 * The same check from microdata, when Readability took another block: the
 * container holds under half of the block the page marks as its story, and
 * most of the container is not in it. A container inside the marked block is
 * left alone: sites mark a whole column, comments and rails included, and
 * Readability's part of it is the story. `story` is the page's own element,
 * never changed; `adopt` gives a copy of it for the article, made ready as
 * Readability's copy of the page was. The cleaning rules and the sanitiser
 * still run on it.
 */
export function checkDeclaredStory(body: Element, story: Element | undefined, adopt: (el: Element) => Element, summary?: string): boolean {
  if (!story) return false;
  const storyWords = shownWords(story);
  if (storyWords.length < MIN_WORDS || tripleShare(words(body.textContent ?? ''), storyWords) >= MIN_SHARE) return false;
  return putStoryIn(body, storyWords, () => adopt(story), summary);
}
