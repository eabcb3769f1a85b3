import type { ArticleRecord } from '../article';

/** "Ann Lee and Bo Chan · Fortune · 23 November 2025": the line under a title. */
export function bylineOf(a: Pick<ArticleRecord, 'authors' | 'siteName' | 'publishedTime'>): string {
  const names = a.authors.length > 1 ? `${a.authors.slice(0, -1).join(', ')} and ${a.authors.at(-1)}` : (a.authors[0] ?? '');
  const date = a.publishedTime ? formatDate(a.publishedTime) : '';
  return [names, namesTheSite(a) ? '' : a.siteName, date].filter(Boolean).join(' · ');
}

/** A site that signs as itself ("AppleInsider" by "AppleInsider"): the name is shown once. */
export function namesTheSite(a: Pick<ArticleRecord, 'authors' | 'siteName'>): boolean {
  return a.authors.length === 1 && a.authors[0]!.trim().toLowerCase() === a.siteName.trim().toLowerCase();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * One formatter for the dates Intl is needed for: toLocaleDateString builds a new one per call,
 * which cost about 0.1 ms a date — a tenth of a second per thousand rows or exported articles.
 * Made on first use only: building it took 13-47 ms in a freshly opened page, the largest
 * single part of the library page's first paint.
 */
let intl: Intl.DateTimeFormat | undefined;

/** "23 November 2025", as en-GB's long date in UTC writes it. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const year = d.getUTCFullYear();
  // The same text Intl writes for every year from 1 on (checked day by day); only years before 1 need its era-less numbering.
  if (year >= 1) return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${year}`;
  intl ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return intl.format(d);
}
