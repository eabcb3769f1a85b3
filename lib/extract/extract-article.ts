import { Readability } from '@mozilla/readability';
import type { ArticleRecord, ExtractResult } from '../article';
import type { RuleSwitches } from '../clean/rule';
import { RULES } from '../clean/rules';
import { runRules } from '../clean/run-rules';
import { sanitizeElement } from '../sanitize';
import { countWords, normalizeSpace, readingMinutes } from '../text';
import { authorList } from './authors';
import { blockText } from '../block-text';
import { toIsoDate } from './dates';
import { readMetadata } from './metadata';
import { stripSiteSuffix } from './title';
import { normalizeMedia, unwrapNoscriptImages } from './normalize-media';
import { restoreLeadFigure } from './lead-figure';

export interface ExtractOptions {
  /** The page's address; relative links and images resolve against it. */
  url: string;
  /** Rules to switch off by name. */
  rules?: RuleSwitches;
  /** Pages with more elements than this are refused rather than freezing the tab. */
  maxElements?: number;
}

export const DEFAULT_MAX_ELEMENTS = 250_000;
/** Fewer words than this after cleaning is a page, not an article. */
export const MIN_ARTICLE_WORDS = 30;

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
 * Page DOM in, clean article out. The page itself is never changed:
 * Readability and the rules work on a copy.
 */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  const win = doc.defaultView;
  if (!win) throw new Error('extractArticle needs a document that belongs to a window');
  const max = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const elementCount = doc.getElementsByTagName('*').length;
  if (elementCount > max) {
    return {
      ok: false,
      error: 'too-large',
      message: `This page is too large to clean (${elementCount.toLocaleString('en')} elements; the limit is ${max.toLocaleString('en')}).`,
    };
  }

  const copy = doc.cloneNode(true) as Document;
  const meta = readMetadata(copy, options.url);
  const switches = options.rules ?? {};
  if (!copy.body) return noArticle();
  unwrapNoscriptImages(copy.body);
  const removed = runRules(copy.body, 'page', RULES, switches);

  // Readability hands back its article element rather than a string: the rules and the
  // sanitiser work on it where it stands, and it is serialised once, at the end. The
  // JSON-LD was read above already; Readability need not parse it again.
  const parsed = new Readability<Element>(copy, { keepClasses: false, disableJSONLD: true, serializer: (node) => node as Element }).parse();
  const body = parsed?.content;
  if (!parsed || !body) return noArticle();
  if (doc.body) restoreLeadFigure(body, doc.body);
  normalizeMedia(body, doc.baseURI);
  removed.push(...runRules(body, 'article', RULES, switches, meta.authors));
  sanitizeElement(body, win);
  const contentHtml = body.innerHTML;
  const textContent = blockText(body);
  const wordCount = countWords(textContent);
  if (wordCount < MIN_ARTICLE_WORDS) return noArticle();

  const siteName = normalizeSpace(meta.siteName ?? parsed.siteName) || siteFromUrl(options.url);
  const title = stripSiteSuffix(meta.title ?? parsed.title ?? doc.title ?? '', siteName, meta.heading) || siteName;
  const article: ArticleRecord = {
    title,
    authors: meta.authors.length ? meta.authors : authorList(parsed.byline ? [parsed.byline] : []),
    siteName,
    publishedTime: meta.publishedTime ?? toIsoDate(parsed.publishedTime) ?? '',
    ...(meta.modifiedTime ? { modifiedTime: meta.modifiedTime } : {}),
    lang: meta.lang ?? parsed.lang ?? '',
    dir: directionOf(meta.dir ?? parsed.dir),
    excerpt: normalizeSpace(meta.excerpt ?? parsed.excerpt),
    ...(meta.leadImage ? { leadImage: meta.leadImage } : {}),
    url: options.url,
    canonicalUrl: meta.canonicalUrl ?? options.url,
    contentHtml,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    removed,
  };
  return { ok: true, article };
}

function noArticle(): ExtractResult {
  return {
    ok: false,
    error: 'no-article',
    message: 'No article found on this page. Clean Copy works on pages with a story or post, not on home pages, search results or apps.',
  };
}
