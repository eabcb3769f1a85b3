import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../../../lib/extract/parse-html';
import type { CleanRule } from '../../../lib/clean/rule';
import { runRules } from '../../../lib/clean/run-rules';
import type { Removal } from '../../../lib/article';

export const FIXTURE_URL = 'https://fortune.com/europe/2025/11/23/secret-us-russia-talks-plan-blindsided-ukraine-witkoff-dmitriev/';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function page(bodyHtml: string, head = '', url = 'https://example.com/news/story'): Document {
  return parseHtml(`<!doctype html><html lang="en"><head><title>Test</title>${head}</head><body>${bodyHtml}</body></html>`, url);
}

/** Run one rule on a body (of a page at `url`) and return what is left and what it removed. */
export function applyRule(rule: CleanRule, bodyHtml: string, url?: string): { left: string; removed: Removal[] } {
  const doc = page(bodyHtml, '', url);
  const removed = runRules(doc.body, [rule]);
  return { left: doc.body.textContent!.replace(/\s+/g, ' ').trim(), removed };
}

export function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A paragraph of real-looking prose, so Readability sees an article. */
export const PROSE = [
  'The city council voted on Tuesday to extend the tram line to the northern suburbs, ending a debate that had run for more than a decade and divided residents across the river.',
  'Supporters said the extension would cut commuting times by a third for some forty thousand people, while opponents warned that construction would close main roads for two years.',
  'The mayor, who had campaigned on the project, called the vote a turning point and promised that the first trams would run before the end of the next council term.',
  'Engineers expect the route to follow the old freight railway for most of its length, which the council bought from the national rail operator in a deal signed last spring.',
  'Local shop owners along the planned route have asked for compensation during the works, and the council said it would publish a support scheme within the next two months.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');
