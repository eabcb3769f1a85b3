import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import type { ArticleRecord } from '../../lib/article';
import { countWords } from '../../lib/text';
import { FIXTURE_URL, normalize, readFixture } from './support/dom';
import { expected, FIXTURES } from '../fixtures/fortune/expected';

const MARKUPS = FIXTURES;

function extract(name: string): ArticleRecord {
  const doc = parseHtml(readFixture(`fortune/${name}.html`), FIXTURE_URL);
  const result = extractArticle(doc, { url: FIXTURE_URL });
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.article;
}

describe.each(MARKUPS)('the seed page as %s markup', (name) => {
  const article = extract(name);
  const text = normalize(article.textContent);

  it('keeps every body paragraph, in order', () => {
    let from = 0;
    for (const p of expected.paragraphs) {
      const at = text.indexOf(normalize(p), from);
      expect(at, `missing or out of order: ${p.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('leaves none of the clutter, in the text or the HTML', () => {
    const left = expected.clutter.filter((c) => text.includes(c) || article.contentHtml.includes(c));
    expect(left).toEqual([]);
  });

  it('reads title, authors, site, date and language', () => {
    expect(article.title).toBe(expected.title);
    expect(article.authors).toEqual(expected.authors);
    expect(article.siteName).toBe(expected.siteName);
    expect(article.publishedTime).toBe(expected.publishedTime);
    expect(article.lang.slice(0, 2)).toBe(expected.lang);
  });

  it('counts words and reading time from the story text, captions left out', () => {
    const body = countWords(expected.paragraphs.join(' '));
    expect(article.wordCount).toBeGreaterThanOrEqual(body);
    // Only the headings between paragraphs may add to the story's words.
    expect(article.wordCount).toBeLessThanOrEqual(body + 12);
    expect(article.readingMinutes).toBe(Math.round(article.wordCount / 230));
  });

  it('says why every block it removed was removed', () => {
    expect(article.removed.length).toBeGreaterThanOrEqual(5);
    for (const r of article.removed) {
      expect(r.rule).toMatch(/^[a-z-]+$/);
      expect(r.reason.length).toBeGreaterThan(10);
      expect(r.text.length).toBeGreaterThan(0);
    }
    // Readability leaves the in-body clutter in; the rules take it out.
    const rules = new Set(article.removed.map((r) => r.rule));
    for (const rule of ['inline-related-links', 'promo-blocks']) expect(rules, rule).toContain(rule);
  });

  it('resolves the lead image and canonical address to absolute URLs', () => {
    expect(article.leadImage).toMatch(/^https:\/\//);
    expect(article.canonicalUrl).toMatch(/^https:\/\/fortune\.com\//);
  });
});

describe('the lead figure', () => {
  it.each(['wordpress', 'amp'])('keeps the caption of the %s lead picture above the body', (name) => {
    const article = extract(name);
    // The caption stays with its picture in the HTML, above the story.
    const rendered = normalize(parseHtml(`<body>${article.contentHtml}</body>`, FIXTURE_URL).body.textContent ?? '');
    expect(rendered.indexOf(expected.caption)).toBeGreaterThanOrEqual(0);
    expect(rendered.indexOf(expected.caption)).toBeLessThan(rendered.indexOf(normalize(expected.paragraphs[0]!)));
    expect(article.contentHtml).toMatch(/<figure[\s\S]*<img[^>]+src="https:[^"]+GettyImages/);
    expect(normalize(article.textContent)).not.toContain(expected.caption);
  });
});

describe('switching rules off', () => {
  it('lets the clutter a rule removes through, and only that', () => {
    const doc = parseHtml(readFixture('fortune/wordpress.html'), FIXTURE_URL);
    const result = extractArticle(doc, { url: FIXTURE_URL, rules: { 'inline-related-links': false } });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent).toContain('Read More:');
    expect(result.article.removed.some((r) => r.rule === 'inline-related-links')).toBe(false);
    expect(result.article.textContent).not.toContain('Recommended Video');
  });
});

describe('the page itself', () => {
  it('is left untouched by extraction', () => {
    const doc = parseHtml(readFixture('fortune/div-soup.html'), FIXTURE_URL);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { url: FIXTURE_URL });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('across the three markups', () => {
  it('the rules, not only Readability, remove the video player, the rails and the promos', () => {
    const rules = new Set(MARKUPS.flatMap((m) => extract(m).removed.map((r) => r.rule)));
    for (const rule of ['video-widgets', 'inline-related-links', 'promo-blocks', 'link-rails']) expect(rules, rule).toContain(rule);
  });
});
