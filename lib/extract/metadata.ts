import { readJsonLd, type JsonLdArticle, type JsonLdRecipe } from './json-ld';
import { firstMeta, readMetaTags, type MetaTags } from './meta-tags';
import { authorList, personalOrder, readsAsName } from './authors';
import { toIsoDate } from './dates';
import { normalizeSpace } from '../text';
import { titleKey } from './title';
import { elementsWhere } from '../clean/dom';
import { scanPage, type PageScan } from './page-scan';

/** What the page says about itself, read before Readability touches the DOM. */
export interface PageMetadata {
  title?: string;
  authors: string[];
  siteName?: string;
  publishedTime?: string;
  modifiedTime?: string;
  lang?: string;
  /** Every language the page declares, in order of trust: the text decides between them (see weighLanguage). */
  langs: string[];
  dir?: string;
  excerpt?: string;
  leadImage?: string;
  canonicalUrl?: string;
  /** The page's first <h1>, to tell a site suffix from part of the title. */
  heading?: string;
  /** The page's recipe, from its JSON-LD: Readability often drops the recipe card. */
  recipe?: JsonLdRecipe;
  /** The story's text from its JSON-LD, to check what Readability's container lost. */
  articleBody?: string;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function canonicalLink(links: readonly Element[]): string | undefined {
  for (const link of links) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return link.getAttribute('href') ?? undefined;
  }
  return undefined;
}

/** A <time> the page marks as the publication date. */
function publishedTimeElement(times: readonly Element[]): string | undefined {
  for (const time of times) {
    if (time.hasAttribute('pubdate') || time.getAttribute('itemprop') === 'datePublished')
      return time.getAttribute('datetime') ?? time.textContent ?? undefined;
  }
  return undefined;
}

/** The language an HTTP header copied into the page declares (<meta http-equiv="content-language">): the first one named. */
function contentLanguage(metas: readonly Element[]): string | undefined {
  for (const m of metas) if ((m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-language') return m.getAttribute('content')?.split(',')[0]?.trim();
  return undefined;
}

/** A comment's own author, marked up like the story's: schema.org's Comment, or a block the page names a comment. */
function inComment(el: Element): boolean {
  for (let cur = el.parentElement; cur; cur = cur.parentElement) {
    if (/\bComment\b/.test(cur.getAttribute('itemtype') ?? '') || cur.getAttribute('itemprop') === 'comment') return true;
    if (/(?:^|[\s_-])comments?(?:$|[\s_-])/i.test(cur.getAttribute('class') ?? '') || /^comments?(?:$|[_-])/i.test(cur.id)) return true;
  }
  return false;
}

const REL_AUTHOR = /(?:^|\s)author(?:\s|$)/i;
/** A link to a writer's page of the site: "/author/jane-doe", "/autoren/…". */
const AUTHOR_PAGE = /\/(?:authors?|autor(?:en)?|auteurs?|autore|autori)\/[^/?#]+/i;
/** A block the page names its byline. */
const BYLINE_BLOCK = /by-?line/i;
/** How many wrappers up the byline block may sit from the link. */
const BYLINE_DEPTH = 3;

function inByline(el: Element): boolean {
  let cur = el.parentElement;
  for (let i = 0; cur && i < BYLINE_DEPTH; i++, cur = cur.parentElement) if (BYLINE_BLOCK.test(`${cur.getAttribute('class') ?? ''} ${cur.id}`)) return true;
  return false;
}

/**
 * Byline names a page marks up without JSON-LD: rel=author links and
 * itemprop=author, and failing those a link to a writer's page in a block
 * named for the byline (a byline whose text runs the name into the date and
 * the comment count).
 */
function markedAuthors(doc: Document): string[] {
  const names: string[] = [];
  if (!doc.body) return names;
  const bylineLinks: Element[] = [];
  const marked = elementsWhere(doc.body, (el) => {
    if (el.getAttribute('itemprop') === 'author' || (el.localName === 'a' && REL_AUTHOR.test(el.getAttribute('rel') ?? ''))) return true;
    if (el.localName === 'a' && AUTHOR_PAGE.test(el.getAttribute('href') ?? '') && inByline(el)) bylineLinks.push(el);
    return false;
  });
  for (const el of marked) {
    if (inComment(el)) continue;
    const named = el.querySelector('[itemprop="name"]') ?? el;
    const text = normalizeSpace(named.getAttribute('content') ?? named.textContent);
    if (text && text.length < 80 && readsAsName(text)) names.push(text);
  }
  if (names.length) return names;
  for (const el of bylineLinks) {
    const text = normalizeSpace(el.textContent);
    if (!inComment(el) && text && text.length < 80 && readsAsName(text)) names.push(text);
  }
  return names;
}

const DUBLIN_CORE = /^dc(?:terms?)?[.:]/;

/**
 * Meta tags that name the author, in order of trust. Dublin Core's creator
 * comes last: sites fill it with their own name ("heise online") where
 * `author` names the writer.
 */
const AUTHOR_TAGS = ['article:author', 'author', 'parsely-author', 'sailthru.author', 'dc:creator', 'dc.creator', 'dcterms:creator', 'dcterms.creator'];

/**
 * The authors from the most trusted source that names any. Sources are not
 * merged: two of them spell or order the same names differently, and an
 * `article:author` that holds only a profile address names no one.
 */
function authorsOf(ld: JsonLdArticle | undefined, meta: MetaTags, doc: Document): string[] {
  const tagged = AUTHOR_TAGS.map((tag) => (meta.get(tag) ?? []).map((value) => (DUBLIN_CORE.test(tag) ? personalOrder(value) : value)));
  for (const values of [ld?.authors ?? [], ...tagged]) {
    const names = authorList(values);
    if (names.length) return names;
  }
  return authorList(markedAuthors(doc));
}

/**
 * The JSON-LD's title. When its `headline` and `name` differ, one of them is
 * not the title (an encyclopedia puts a one-line summary in `headline`, a
 * news site its own name in `name`): the one the page's title or heading
 * shows wins, and the headline when both or neither are shown.
 */
function titleOf(ld: JsonLdArticle | undefined, shown: string, siteName: string | undefined): string | undefined {
  const { headline, name } = ld ?? {};
  if (!headline || !name || headline === name) return headline ?? name;
  // Compared by letters and digits alone: the page writes "Tom’s" and "&amp;" where the JSON-LD writes "Tom's" and "&".
  const [seen, title, other] = [shown, name, headline].map(titleKey) as [string, string, string];
  const isSite = [siteName, ld?.publisher].some((site) => site && titleKey(site) === title);
  return !isSite && seen.includes(title) && !seen.includes(other) ? name : headline;
}

/**
 * Metadata in order of trust: JSON-LD (written for machines), then
 * OpenGraph/article meta tags, then page markup. Readability's guesses
 * fill what is still missing later.
 */
export function readMetadata(doc: Document, url: string, scan: PageScan = scanPage(doc)): PageMetadata {
  const { article: ld, recipe } = readJsonLd(scan.scripts);
  const meta = readMetaTags(scan.metas);
  const html = doc.documentElement;
  const authors = authorsOf(ld, meta, doc);
  const canonical = canonicalLink(scan.links) ?? firstMeta(meta, 'og:url');
  const published =
    toIsoDate(ld?.datePublished) ??
    toIsoDate(
      firstMeta(
        meta,
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'publish-date',
        'pubdate',
        'parsely-pub-date',
        'sailthru.date',
      ),
    ) ??
    toIsoDate(publishedTimeElement(scan.times));
  const modified = toIsoDate(ld?.dateModified) ?? toIsoDate(firstMeta(meta, 'article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified'));
  return {
    title:
      titleOf(ld, `${doc.title} ${scan.firstH1?.textContent ?? ''}`, firstMeta(meta, 'og:site_name')) ??
      firstMeta(meta, 'og:title', 'twitter:title', 'dc.title', 'parsely-title'),
    authors,
    siteName: firstMeta(meta, 'og:site_name', 'application-name', 'publisher') ?? ld?.publisher,
    publishedTime: published,
    modifiedTime: modified,
    lang:
      html?.getAttribute('lang')?.trim() || ld?.inLanguage || firstMeta(meta, 'og:locale', 'language', 'content-language', 'dc.language')?.replace('_', '-'),
    langs: [
      html?.getAttribute('lang') ?? undefined,
      html?.getAttribute('xml:lang') ?? undefined,
      ld?.inLanguage,
      contentLanguage(scan.metas),
      ...['content-language', 'language', 'dc.language', 'og:locale'].map((k) => firstMeta(meta, k)),
    ].flatMap((t) => (t?.trim() ? [t.trim().replace('_', '-')] : [])),
    dir: html?.getAttribute('dir')?.trim().toLowerCase() || undefined,
    excerpt: firstMeta(meta, 'og:description', 'description', 'twitter:description') ?? ld?.description,
    leadImage: absolute(ld?.image ?? firstMeta(meta, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), url),
    canonicalUrl: absolute(canonical ?? undefined, url),
    heading: normalizeSpace(scan.firstH1?.textContent) || undefined,
    ...(recipe ? { recipe } : {}),
    ...(ld?.body ? { articleBody: ld.body } : {}),
  };
}
