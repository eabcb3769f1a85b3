import type { SavedArticle } from '../article-schema';

// The record's shape is declared once, in lib/article-schema.ts.
export { SCHEMA_VERSION, type SavedArticle } from '../article-schema';

/**
 * What an article's own key holds from version 3 on: the record without its
 * plain text, which has a key of its own. Only JSON and text exports and the
 * search index use the text, so an export as Markdown, HTML or EPUB no
 * longer reads it: the text is 40% of a Fortune fixture's record and half of
 * a generated test article's. The price is a third key per article.
 */
export type StoredArticle = Omit<SavedArticle, 'textContent'>;

/** The article record and its text apart, as they are stored. */
export function splitText({ textContent, ...stored }: SavedArticle): { stored: StoredArticle; text: string } {
  return { stored, text: textContent };
}

/** What the reader may change on a saved article. */
export type ArticleEdit = Partial<Pick<SavedArticle, 'title' | 'tags' | 'notes'>>;

/**
 * What a list row needs, kept apart so listing never loads article bodies.
 * The order is the order an entry's keys are stored in.
 */
export const ENTRY_FIELDS = [
  'id',
  'title',
  'siteName',
  'authors',
  'url',
  'canonicalUrl',
  'publishedTime',
  'savedAt',
  'updatedAt',
  'wordCount',
  'tags',
  'state',
  'favourite',
  'highlights',
] as const;

/**
 * Entries written before reading states have no `state`, `favourite` or
 * `highlights`: they are unread, not favourites, with no highlights. The
 * highlights ride in the entry so a row can count them and search can find
 * their words and notes without reading the article.
 */
export type LibraryEntry = Omit<Pick<SavedArticle, (typeof ENTRY_FIELDS)[number]>, 'state' | 'favourite' | 'highlights'> &
  Partial<Pick<SavedArticle, 'state' | 'favourite' | 'highlights'>>;

export function entryOf(a: SavedArticle): LibraryEntry {
  const entry: Record<string, unknown> = {};
  for (const key of ENTRY_FIELDS) entry[key] = a[key];
  return entry as LibraryEntry;
}

/**
 * The key an article is stored under, derived from its canonical address so
 * the same story saved twice (or from two tabs at once) lands in one place.
 * The fragment and common tracking parameters do not make a new article.
 */
export function articleId(canonicalUrl: string): string {
  let key = canonicalUrl;
  try {
    const u = new URL(canonicalUrl);
    u.hash = '';
    for (const p of [...u.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$|mc_[ce]id$|ref$|ocid$)/i.test(p)) u.searchParams.delete(p);
    key = u.href;
  } catch {
    // Not a URL: the string itself is the key.
  }
  return hash53(key).toString(36);
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible at library sizes. */
function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
