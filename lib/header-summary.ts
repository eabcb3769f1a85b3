import type { ArticleRecord } from './article';
import { normalizeSpace } from './text';

/** How far into the story to look for the summary: its opening paragraphs. */
const OPENING_CHARS = 2000;
const COMPARED_CHARS = 50;

/**
 * The summary to show under the title, or '' when the story's opening
 * paragraphs already hold it: the standfirst put back, or a first paragraph
 * the page gave as its description. Shown twice it would be read twice.
 * A record read without its text shows the summary.
 */
export function headerSummary(article: Pick<ArticleRecord, 'excerpt' | 'textContent'>): string {
  const summary = normalizeSpace(article.excerpt);
  if (!summary) return '';
  return normalizeSpace(article.textContent.slice(0, OPENING_CHARS)).includes(summary.slice(0, COMPARED_CHARS)) ? '' : summary;
}
