import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** What every Fortune fixture should clean to (tests/fixtures/fortune/expected.json). */
export interface Expected {
  title: string;
  authors: string[];
  siteName: string;
  publishedTime: string;
  lang: string;
  paragraphs: string[];
  caption: string;
  clutter: string[];
}

export const expected: Expected = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/fortune/expected.json'), 'utf8'));

/** The three Fortune fixtures: the same story in three page shapes, all with one canonical URL. */
export const FIXTURES = ['div-soup', 'wordpress', 'amp'] as const;

/** Collapse whitespace (including U+00A0) to single spaces and trim, for text comparisons. */
export function norm(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Markdown to roughly its text: links and images to their text, escapes and emphasis dropped. */
export function markdownText(md: string): string {
  return norm(
    md
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
      .replace(/(\*\*|\*|__)(?=\S)([^*_]+?)\1/g, '$2'),
  );
}
