/** One block the cleaner took out of the page, and why. */
export interface Removal {
  /** Name of the cleaning rule that removed the block. */
  rule: string;
  /** Human-readable reason shown to the reader. */
  reason: string;
  /** The removed block's text, whitespace collapsed and trimmed to a preview length. */
  text: string;
}

/** The clean copy of one page: what the popup shows, storage keeps and exports write. */
export interface ArticleRecord {
  title: string;
  authors: string[];
  siteName: string;
  /** ISO 8601, or empty when the page does not say. */
  publishedTime: string;
  modifiedTime?: string;
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  excerpt: string;
  leadImage?: string;
  url: string;
  canonicalUrl: string;
  /** Sanitised HTML of the article body. */
  contentHtml: string;
  /** Plain text of the body, one blank line between blocks. */
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  removed: Removal[];
}

export type ExtractFailure = 'no-article' | 'too-large';

export type ExtractResult = { ok: true; article: ArticleRecord } | { ok: false; error: ExtractFailure; message: string };
