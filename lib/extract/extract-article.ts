import { Readability } from '@mozilla/readability';
import type { ArticleRecord, ExtractResult } from '../article';
import type { RuleSwitches } from '../clean/rule';
import { RULES } from '../clean/rules';
import { runRules } from '../clean/run-rules';
import { wrapLooseLines } from '../clean/loose-lines';
import { keepTest, yoursRule, type UserRule } from '../clean/user-rules';
import { sanitizeElement } from '../sanitize';
import { countWords, normalizeSpace, readingMinutes, withoutSoftHyphens } from '../text';
import { authorList } from './authors';
import { blockText } from '../block-text';
import { wrapLooseCaptions } from './loose-captions';
import { toIsoDate } from './dates';
import { readMetadata, type PageMetadata } from './metadata';
import { scanPage } from './page-scan';
import { stripSiteSuffix } from './title';
import { weighLanguage } from './language';
import { absoluteLinks, normalizeMedia, unwrapNoscriptImages } from './normalize-media';
import { restoreLeadFigure } from './lead-figure';
import { liftFormulas } from './formulas';
import { unwrapNoscriptStories } from './noscript-story';
import { restoreStandfirst } from './standfirst';
import { checkArticleBody, checkDeclaredStory, declaredStory, isHidden } from './article-body';
import { restoreRecipe } from './recipe';
import { localizeSelfLinks } from './self-links';

export interface ExtractOptions {
  /** The page's address; relative links and images resolve against it. */
  url: string;
  /** Rules to switch off by name. */
  rules?: RuleSwitches;
  /** The reader's own corrections for this page's site: blocks put back and blocks taken out. */
  userRules?: readonly UserRule[];
  /** Pages with more elements than this are refused rather than freezing the tab. */
  maxElements?: number;
  /** Pages nested deeper than this are refused: the cleaner's walks would run out of stack. */
  maxDepth?: number;
  /** The window whose constructors and DOMPurify serve `doc`, when it has none of its own (a parsed copy). */
  win?: Window;
}

export const DEFAULT_MAX_ELEMENTS = 250_000;
/** Browsers' parsers stop nesting at 512 levels; only a script, or a parser without that cap, goes deeper. */
export const DEFAULT_MAX_DEPTH = 1_000;
/** Fewer words than this after cleaning is a page, not an article. */
export const MIN_ARTICLE_WORDS = 30;

/** What Readability found, before the cleaning rules: the article element in an inert copy of the page. */
export interface RawArticle {
  url: string;
  meta: PageMetadata;
  readability: {
    title?: string | null;
    byline?: string | null;
    excerpt?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    lang?: string | null;
    dir?: string | null;
  };
  body: Element;
  /** The window whose DOMPurify sanitises the article. */
  win: Window;
}

type Failure = Extract<ExtractResult, { ok: false }>;

function siteFromUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function directionOf(value: string | null | undefined): ArticleRecord['dir'] {
  return value === 'rtl' || value === 'ltr' ? value : 'auto';
}

/**
 * Subtrees no article is made of: icon drawings (hundreds of path nodes each
 * on some pages), templates and select lists. Readability would walk and
 * score them, then drop them; the sanitiser would drop them too.
 */
const INERT = new Set(['svg', 'template', 'select']);

/**
 * Ready the copy for Readability in one walk: take out the inert subtrees
 * (without walking into them), put lazy pictures' and script-rendered posts'
 * <noscript> fallbacks in place, and take formulas' MathML out of their
 * renderers' wrappers. Four getElementsByTagName calls did the same in four walks.
 */
function lightenCopy(body: Element): void {
  const noscripts: Element[] = [];
  const inert: Element[] = [];
  const maths: Element[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  let node = walker.firstChild();
  while (node) {
    const name = (node as Element).localName;
    if (name === 'noscript') noscripts.push(node as Element);
    else if (name === 'math') maths.push(node as Element);
    if (!INERT.has(name)) {
      node = walker.nextNode();
      continue;
    }
    inert.push(node as Element);
    // Past this subtree: the next sibling of it or of its nearest ancestor that has one.
    node = walker.nextSibling();
    while (!node && walker.parentNode()) node = walker.nextSibling();
  }
  for (const el of inert) el.remove();
  unwrapNoscriptImages(noscripts);
  unwrapNoscriptStories(noscripts, body);
  liftFormulas(maths);
}

/**
 * The copy Readability works on (it rewrites what it is given): the page's
 * root element with its attributes (language, direction), its title, meta tags and base
 * address, and its body, in a fresh inert document. The head's scripts,
 * styles and links stay behind: copying the whole document cost about twice
 * as much as copying its body. A shallow clone of the page's document, unlike
 * a created one, keeps the page's address, so in-page links stay in-page; on
 * jsdom it costs half of parsing an empty page into a new document. A page
 * served as XHTML is an XML document, whose clone would make the head and
 * Readability's own elements lower-case XML ones: it is parsed afresh instead.
 */
function articleCopy(doc: Document, win: Window): Document {
  const copy =
    doc.contentType === 'text/html'
      ? (doc.cloneNode(false) as Document)
      : new (win as Window & typeof globalThis).DOMParser().parseFromString('<!doctype html>', 'text/html');
  copy.replaceChildren();
  const root = doc.documentElement ? (copy.importNode(doc.documentElement, false) as Element) : copy.createElement('html');
  // Readability weighs the root's class and id like any element's, and would drop the whole document for a class
  // such as "header-spacing" (and with it the <base> its links resolve against): the root keeps neither.
  root.removeAttribute('class');
  root.removeAttribute('id');
  const head = copy.createElement('head');
  const title = copy.createElement('title');
  title.textContent = doc.title;
  head.append(title);
  // Readability reads the title and byline from meta tags too, and drops a heading that repeats the title.
  for (const tag of ['base', 'meta']) for (const el of Array.from(doc.head?.getElementsByTagName(tag) ?? [])) head.append(copy.importNode(el, false));
  root.append(head, doc.body ? copy.importNode(doc.body, true) : copy.createElement('body'));
  copy.append(root);
  return copy;
}

/**
 * A deep copy of one of the page's elements for the article, made ready as
 * Readability makes its own: lightened as the whole copy was, without what
 * the page hides, links made absolute. Handed back inside a holder, so a
 * marked list or table keeps its own element.
 */
function adopt(copy: Document, el: Element, base: string): Element {
  const holder = copy.createElement('div');
  holder.append(copy.importNode(el, true));
  lightenCopy(holder);
  for (const hidden of Array.from(holder.querySelectorAll('[hidden], [aria-hidden="true"], [style]')).filter(isHidden)) hidden.remove();
  absoluteLinks(holder, base);
  return holder;
}

function noArticle(): Failure {
  return {
    ok: false,
    error: 'no-article',
    message: 'No article found on this page. Clean Copy works on pages with a story or post, not on home pages, search results or apps.',
  };
}

/**
 * Extract: metadata, then Readability on a copy of the page. The page
 * itself is never changed.
 */
export function readArticle(doc: Document, options: ExtractOptions): { ok: true; raw: RawArticle } | Failure {
  const win = options.win ?? doc.defaultView;
  if (!win) throw new Error('readArticle needs a document that belongs to a window, or options.win');
  const max = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const scan = scanPage(doc);
  const { elementCount, depth } = scan;
  if (elementCount > max) {
    return {
      ok: false,
      error: 'too-large',
      message: `This page is too large to clean (${elementCount.toLocaleString('en')} elements; the limit is ${max.toLocaleString('en')}).`,
    };
  }
  if (depth > maxDepth) {
    return {
      ok: false,
      error: 'too-large',
      message: `This page is nested too deeply to clean (${depth.toLocaleString('en')} levels; the limit is ${maxDepth.toLocaleString('en')}).`,
    };
  }

  const meta = readMetadata(doc, options.url, scan);
  if (!doc.body) return noArticle();
  const copy = articleCopy(doc, win);
  lightenCopy(copy.body);

  // Readability hands back its article element rather than a string: the rules and the
  // sanitiser work on it where it stands, and it is serialised once, at the end. The
  // JSON-LD was read above already; Readability need not parse it again.
  const parsed = new Readability<Element>(copy, { keepClasses: false, disableJSONLD: true, serializer: (node) => node as Element }).parse();
  const body = parsed?.content;
  if (!parsed || !body) return noArticle();
  // The story as the page states it, in JSON-LD or else in microdata, checks what Readability's container lost.
  if (meta.articleBody) checkArticleBody(body, meta.articleBody, meta.excerpt);
  else checkDeclaredStory(body, declaredStory(scan.storyMarks), (el) => adopt(copy, el, doc.baseURI), meta.excerpt);
  if (doc.body) restoreLeadFigure(body, doc.body, scan.figures);
  restoreStandfirst(body, scan.firstH1, meta.excerpt);
  normalizeMedia(body, doc.baseURI);
  localizeSelfLinks(body, options.url);
  wrapLooseCaptions(body);
  return { ok: true, raw: { url: options.url, meta, readability: parsed, body, win } };
}

/** Clean: the rules on Readability's article, then the sanitiser, then the record. Changes `raw.body`. */
export function cleanArticle(raw: RawArticle, switches: RuleSwitches = {}, userRules: readonly UserRule[] = []): ExtractResult {
  const { meta, readability: parsed, body } = raw;
  // Text beside blocks is in no line, and the rules judge lines: it gets one first.
  wrapLooseLines(body);
  const removed = runRules(body, RULES, switches, meta.authors, keepTest(userRules));
  // The reader's own removals come last, so they see the article the reader saw.
  const yours = yoursRule(userRules);
  if (yours) removed.push(...runRules(body, [yours]));
  // After the rules, which judge page furniture: a step such as "Share the dough between two tins" read as a share prompt.
  restoreRecipe(body, meta.recipe, meta.lang);
  sanitizeElement(body, raw.win);
  const contentHtml = withoutSoftHyphens(body.innerHTML);
  const textContent = withoutSoftHyphens(blockText(body));
  const wordCount = countWords(textContent);
  if (wordCount < MIN_ARTICLE_WORDS) return noArticle();

  const siteName = normalizeSpace(meta.siteName ?? parsed.siteName) || siteFromUrl(raw.url);
  const title = withoutSoftHyphens(stripSiteSuffix(meta.title ?? parsed.title ?? '', siteName, meta.heading) || siteName);
  const article: ArticleRecord = {
    title,
    authors: meta.authors.length ? meta.authors : authorList(parsed.byline ? [parsed.byline] : []),
    siteName,
    publishedTime: meta.publishedTime ?? toIsoDate(parsed.publishedTime) ?? '',
    ...(meta.modifiedTime ? { modifiedTime: meta.modifiedTime } : {}),
    lang: weighLanguage(meta.langs.length ? meta.langs : [parsed.lang ?? undefined], textContent) ?? '',
    dir: directionOf(meta.dir ?? parsed.dir),
    excerpt: normalizeSpace(meta.excerpt ?? parsed.excerpt),
    ...(meta.leadImage ? { leadImage: meta.leadImage } : {}),
    url: raw.url,
    canonicalUrl: meta.canonicalUrl ?? raw.url,
    contentHtml,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    removed,
  };
  return { ok: true, article };
}

/** Page DOM in, clean article out: extract, then clean. */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  const read = readArticle(doc, options);
  return read.ok ? cleanArticle(read.raw, options.rules, options.userRules) : read;
}
