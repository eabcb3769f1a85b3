import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Vector } from './hostile-page';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHARED_VECTORS = resolve(ROOT, '../shared/corpus/xss/vectors.json');

/** All 372 hostile vectors of the shared corpus (Cure53's DOMPurify tests and HTML5 Security Cheatsheet). */
export function sharedVectors(): Vector[] {
  try {
    return (JSON.parse(readFileSync(SHARED_VECTORS, 'utf8')) as { vectors: Vector[] }).vectors;
  } catch {
    throw new Error('The shared corpus is not beside the project (../shared/corpus/xss/vectors.json): put it next to this checkout.');
  }
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The seed story as a WordPress page, with every shared vector spliced in as
 * a careless site would: raw at the end of its paragraphs, raw in its title,
 * escaped in its og:/twitter: meta tags and as strings in its JSON-LD
 * (written as a careful serialiser does, with `<` escaped, so the vectors
 * stay data there). Nothing closes what a vector leaves open, so the page is
 * as broken as the vectors make it (frames, foreign content, named elements).
 * This page froze the popup of the version that ran the cleaner in the tab,
 * with the page's scripts on and off.
 */
export function allVectorsPage(vectors: Vector[] = sharedVectors()): string {
  let html = readFileSync(resolve(ROOT, 'tests/fixtures/fortune/wordpress.html'), 'utf8');
  const payloads = vectors.map((v) => v.payload);
  const perParagraph = Math.ceil(payloads.length / (html.match(/<\/p>/g) ?? ['']).length);
  let next = 0;
  html = html.replace(/<\/p>/g, () => {
    const chunk = payloads.slice(next, next + perParagraph).join(' ');
    next += perParagraph;
    return `${chunk}</p>`;
  });
  html = html.replace(
    /<title>([^<]*)<\/title>/,
    (_m, title: string) => `<title>${title} ${payloads.map((p) => p.replace(/<\/title/gi, '')).join(' ')}</title>`,
  );
  let meta = 0;
  html = html.replace(
    /(<meta (?:property|name)="(?:og|twitter|article):[a-z:_]+" content=")([^"]*)"/g,
    (_m, open: string, value: string) => `${open}${value} ${attr(payloads[meta++ % payloads.length]!)}"`,
  );
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `Secret U.S.-Russia talks led to plan that blindsided Ukraine ${payloads[0]}`,
    description: payloads.join(' '),
    author: payloads.slice(0, 24).map((name) => ({ '@type': 'Person', name })),
    image: payloads.slice(24, 48),
    datePublished: '2025-11-23T23:57:00Z',
  });
  const twitter = payloads
    .slice(48, 72)
    .map((p, i) => `<meta name="twitter:${['title', 'description', 'image', 'creator'][i % 4]}" content="${attr(p)}">`)
    .join('\n');
  return html.replace(/<head>/i, `<head>\n<script type="application/ld+json">${jsonLd.replace(/</g, '\\u003c')}</script>\n${twitter}`);
}
