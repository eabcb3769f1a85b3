/**
 * What highlighting costs, on real articles: the text map (the plain text
 * with each character's node) against the plain text alone, marking
 * highlights in an article's HTML, and a Markdown export with and without
 * highlights. Every figure is a median over the corpus pages, against a
 * baseline measured in the same run. Also checks, on every page, that the
 * text map makes the stored `textContent` exactly.
 *
 *   npm run bench:highlights [-- --pages N]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { loadCorpus } from './corpus';
import { rangeOffsets, textMap } from '../lib/annotations/text-map';
import { spreadHighlights } from './spread-highlights';
import { blockText } from '../lib/block-text';
import { extractArticle } from '../lib/extract/extract-article';
import { parseHtml } from '../lib/extract/parse-html';
import { markedContent, useExportDocument } from '../lib/export/highlighted';
import { toMarkdown } from '../lib/export/markdown';
import type { ArticleRecord } from '../lib/article';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '80' } } });
const PAGES = Number(values.pages);
const CORPUS = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const win = new JSDOM('').window;
useExportDocument(() => win.document as unknown as Document);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The best of a few runs of `work`, in milliseconds: the least disturbed by the rest of a busy machine. */
function time(work: () => unknown, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const articles: ArticleRecord[] = [];
for (const page of [...loadCorpus(CORPUS, 'aeb', PAGES / 2), ...loadCorpus(CORPUS, 'readability', PAGES / 2)]) {
  const doc = parseHtml(page.html, page.url);
  const result = extractArticle(doc, { url: page.url });
  doc.defaultView?.close();
  if (result.ok) articles.push(result.article);
}

const rows: Record<string, number[]> = {
  'plain text (blockText), baseline': [],
  'text map (textMap)': [],
  'a selected paragraph to offsets (textMap + rangeOffsets)': [],
  'Markdown, no highlights, baseline': [],
  'Markdown, 10 highlights': [],
  'mark 10 highlights in the HTML': [],
  'mark 50 highlights in the HTML': [],
};
let identical = 0;
let chars = 0;
for (const a of articles) {
  const holder = win.document.createElement('div');
  holder.innerHTML = a.contentHtml;
  if (textMap(holder as unknown as Element).text === a.textContent) identical++;
  chars += a.textContent.length;
  rows['plain text (blockText), baseline']!.push(time(() => blockText(holder as unknown as Element)));
  rows['text map (textMap)']!.push(time(() => textMap(holder as unknown as Element)));
  const paragraphs = holder.querySelectorAll('p');
  const middle = paragraphs[Math.floor(paragraphs.length / 2)];
  if (middle) {
    const range = win.document.createRange();
    range.selectNodeContents(middle);
    rows['a selected paragraph to offsets (textMap + rangeOffsets)']!.push(
      time(() => rangeOffsets(textMap(holder as unknown as Element), range as unknown as Range)),
    );
  }
  const ten = spreadHighlights(a.textContent, 10);
  rows['Markdown, no highlights, baseline']!.push(time(() => toMarkdown(a), 3));
  rows['Markdown, 10 highlights']!.push(time(() => toMarkdown({ ...a, highlights: ten }), 3));
  rows['mark 10 highlights in the HTML']!.push(time(() => markedContent({ contentHtml: a.contentHtml, highlights: ten }), 3));
  rows['mark 50 highlights in the HTML']!.push(time(() => markedContent({ contentHtml: a.contentHtml, highlights: spreadHighlights(a.textContent, 50) }), 3));
}

console.log(`${articles.length} corpus articles (on average ${Math.round(chars / articles.length)} characters of text)`);
console.log(`text map equal to the stored textContent: ${identical} of ${articles.length}\n`);
console.log('| step | median ms per article | × baseline |');
console.log('| --- | ---: | ---: |');
const base = (name: string) => median(rows[name.includes('Markdown') ? 'Markdown, no highlights, baseline' : 'plain text (blockText), baseline']!);
for (const [name, xs] of Object.entries(rows)) {
  const m = median(xs);
  console.log(`| ${name} | ${m.toFixed(2)} | ${(m / base(name)).toFixed(2)} |`);
}
