import type { Exportable } from './exportable';
import { isEmptyValue, yamlBlockList, yamlInline, type FrontMatterValue } from './front-matter';

/** What a placeholder stands for, by name. */
export const FRONT_MATTER_FIELDS: Readonly<Record<string, { describe: string; value: (a: Exportable) => FrontMatterValue }>> = {
  title: { describe: 'the title', value: (a) => a.title },
  authors: { describe: 'the authors (a list)', value: (a) => a.authors },
  site: { describe: 'the site name', value: (a) => a.siteName },
  url: { describe: 'the address the article was read at', value: (a) => a.url },
  canonical: { describe: 'the canonical address, when it differs from url', value: (a) => (a.canonicalUrl !== a.url ? a.canonicalUrl : undefined) },
  published: { describe: 'when it was published', value: (a) => a.publishedTime },
  modified: { describe: 'when it was last modified', value: (a) => a.modifiedTime },
  saved: { describe: 'when you saved it', value: (a) => a.savedAt },
  updated: { describe: 'when you last saved or edited it', value: (a) => a.updatedAt },
  tags: { describe: 'your tags (a list)', value: (a) => a.tags },
  notes: { describe: 'your notes', value: (a) => a.notes },
  lang: { describe: 'the language', value: (a) => a.lang },
  excerpt: { describe: 'the summary', value: (a) => a.excerpt },
  words: { describe: 'the word count', value: (a) => a.wordCount },
  minutes: { describe: 'the reading time in minutes', value: (a) => a.readingMinutes },
  image: { describe: 'the lead image address', value: (a) => a.leadImage },
};

/** The front matter Clean Copy has always written; the options page starts from it. */
export const DEFAULT_FRONT_MATTER_TEMPLATE = `title: {{title}}
authors: {{authors}}
site: {{site}}
url: {{url}}
canonical: {{canonical}}
published: {{published}}
saved: {{saved}}
tags: {{tags}}
lang: {{lang}}
excerpt: {{excerpt}}
words: {{words}}`;

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;
/** A line that is a key and one placeholder: a list there is written as a block list. */
const WHOLE_VALUE = /^([^:#\s][^:#]*:)\s*\{\{\s*([a-z]+)\s*\}\}\s*$/;

/** Placeholders the template names that are not fields, so the options page can say so. */
export function unknownPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => !(name in FRONT_MATTER_FIELDS));
}

/**
 * The front matter block for one article, `---` fences included, or '' for
 * an empty template. Placeholders are replaced by complete YAML values
 * (strings quoted and escaped), so they go unquoted in the template. A line
 * whose placeholders are all empty is left out, as the default always did.
 */
export function renderFrontMatter(template: string, a: Exportable): string {
  if (!template.trim()) return '';
  const fieldValue = (name: string): FrontMatterValue => FRONT_MATTER_FIELDS[name]?.value(a);
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const names = [...line.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (names.length > 0 && names.every((n) => isEmptyValue(fieldValue(n)))) continue;
    const whole = WHOLE_VALUE.exec(line);
    const value = whole ? fieldValue(whole[2]!) : undefined;
    if (whole && Array.isArray(value)) lines.push(whole[1]!, ...yamlBlockList(value));
    else lines.push(line.replace(PLACEHOLDER, (_m, name: string) => yamlInline(fieldValue(name))));
  }
  return ['---', ...lines, '---'].join('\n');
}
