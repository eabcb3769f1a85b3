import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/corpus';
import { parseHtml } from '../../lib/extract/parse-html';
import { extractArticle } from '../../lib/extract/extract-article';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

/**
 * Real pages are hostile to parsers: some jsdom releases throw on the style
 * sheets of 4 of these 121 pages. The command line tool's DOM (jsdom pinned
 * at 27.0.0) must parse and clean every one of them.
 */
describe('every aeb news page', () => {
  it('parses and cleans without throwing, and finds an article on nearly all', () => {
    expect(existsSync(CORPUS), `the shared corpus beside the project (${CORPUS})`).toBe(true);
    const pages = loadCorpus(CORPUS, 'aeb');
    expect(pages).toHaveLength(121);
    const failures: string[] = [];
    let articles = 0;
    for (const page of pages) {
      try {
        const doc = parseHtml(page.html, page.url);
        if (extractArticle(doc, { url: page.url }).ok) articles++;
        doc.defaultView?.close();
      } catch (error) {
        failures.push(`${page.id}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(articles).toBeGreaterThanOrEqual(118);
  }, 180_000);
});

describe('Readability’s mathjax test page', () => {
  it('keeps every formula as MathML, out of its renderer’s wrappers', () => {
    const page = loadCorpus(CORPUS, 'readability').find((p) => p.id === 'mathjax');
    expect(page, 'the mathjax page in the shared corpus').toBeDefined();
    const doc = parseHtml(page!.html, page!.url);
    const result = extractArticle(doc, { url: page!.url });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.contentHtml.match(/<math[\s>]/g)).toHaveLength(13);
    expect(result.article.contentHtml).not.toContain('mjx-');
    expect(result.article.textContent.replace(/\s+/g, ' ')).toMatch(/a ≠ 0/);
  }, 30_000);
});
