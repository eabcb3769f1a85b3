/**
 * Every shared corpus page's article as an EPUB chapter, checked by
 * EPUBCheck. Pages are cleaned as the command line cleans them, put into
 * books of BOOK_SIZE chapters (one Java start a book rather than a page),
 * and each message is traced back to the page whose chapter it is in.
 * Prints a Markdown summary; docs/epub.md keeps the last one.
 *
 *   npm run epubcheck-corpus                      all pages of ../shared/corpus
 *   npm run epubcheck-corpus -- --only readability --limit 20
 *   npm run epubcheck-corpus -- --only trafilatura --from 200 --limit 200   pages 200 to 399
 *   npm run epubcheck-corpus -- --corpus DIR      another copy of the corpora
 *   npm run epubcheck-corpus -- --highlights 8    each article with 8 highlights (with notes) marked in its chapter
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusName, loadCorpus } from '../bench/corpus';
import { closeWindow, domWindow } from '../cli/dom-window';
import type { Exportable } from '../lib/export/exportable';
import { spreadHighlights } from '../bench/spread-highlights';
import { strFromU8, unzipSync } from 'fflate';
import { exportToBytes } from '../lib/export/bulk-export';
import { extractArticle } from '../lib/extract/extract-article';
import { parseHtml } from '../lib/extract/parse-html';
import { epubcheck, type EpubcheckMessage } from '../tests/unit/support/epubcheck';

const ROOT = resolve(import.meta.dirname, '..');
const CORPORA: readonly CorpusName[] = ['aeb', 'trafilatura', 'readability', 'defuddle'];
/** Chapters a book: EPUBCheck's start-up is most of a small book's time, and a big book's report stays readable. */
const BOOK_SIZE = 100;
const NOW = new Date('2026-01-01T00:00:00Z');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus') },
    only: { type: 'string' },
    from: { type: 'string', default: '0' },
    limit: { type: 'string' },
    highlights: { type: 'string', default: '0' },
  },
});
const HIGHLIGHTS = Number(values.highlights);

interface Chapter {
  page: string;
  article: Exportable;
}

/**
 * jsdom keeps part of every page it parsed, and a Node process runs out of
 * memory after a few hundred pages: `--from` and `--limit` check a large
 * corpus in parts, one process each.
 */
function articlesOf(name: CorpusName, from: number, limit: number): { chapters: Chapter[]; pages: number } {
  const pages = loadCorpus(values.corpus, name, from + limit).slice(from);
  const chapters: Chapter[] = [];
  for (const page of pages) {
    const doc = parseHtml(page.html, page.url);
    try {
      const result = extractArticle(doc, { url: page.url });
      if (!result.ok) continue;
      const highlights = HIGHLIGHTS > 0 ? spreadHighlights(result.article.textContent, HIGHLIGHTS, page.url) : [];
      chapters.push({ page: `${name}/${page.id}`, article: { ...result.article, highlights } });
    } catch {
      // A page the cleaner cannot read has no chapter to check; corpus-survival.test.ts is where that counts.
    } finally {
      closeWindow(doc.defaultView);
    }
  }
  return { chapters, pages: pages.length };
}

interface Problem {
  page: string;
  message: EpubcheckMessage;
  /** The chapter's XHTML around the place the message points at. */
  near: string;
}

/** Messages of one book, each tied to the page whose chapter it points into. */
async function checkBook(book: readonly Chapter[]): Promise<Problem[]> {
  const bytes = (
    await exportToBytes(
      book.map((c) => c.article),
      'epub',
      { now: NOW, win: domWindow() },
    )
  ).data;
  const files = unzipSync(bytes);
  const { messages } = await epubcheck(bytes);
  return messages
    .filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')
    .map((message) => {
      const at = message.locations[0];
      const n = Number(/chapter-(\d+)\.xhtml/.exec(at?.path ?? '')?.[1]);
      const file = at ? files[at.path] : undefined;
      const line = file && at ? (strFromU8(file).split('\n')[at.line - 1] ?? '') : '';
      const near = at ? line.slice(Math.max(0, at.column - 120), at.column + 30) : '';
      return { page: book[n - 1]?.page ?? '(the book itself)', message, near };
    });
}

const limit = values.limit ? Number(values.limit) : Infinity;
const rows: string[] = [];
const problems: Problem[] = [];
let pageCount = 0;
let chapterCount = 0;
for (const name of values.only ? [values.only as CorpusName] : CORPORA) {
  const { chapters, pages } = articlesOf(name, Number(values.from), limit);
  const before = problems.length;
  for (let i = 0; i < chapters.length; i += BOOK_SIZE) problems.push(...(await checkBook(chapters.slice(i, i + BOOK_SIZE))));
  const found = problems.slice(before);
  rows.push(`| ${name} | ${pages} | ${chapters.length} | ${found.length} | ${new Set(found.map((p) => p.page)).size} |`);
  pageCount += pages;
  chapterCount += chapters.length;
  process.stderr.write(`${name}: ${chapters.length} chapters, ${found.length} errors\n`);
}

const byId = new Map<string, number>();
for (const p of problems) byId.set(p.message.ID, (byId.get(p.message.ID) ?? 0) + 1);
console.log(`| corpus | pages | chapters | EPUBCheck errors | pages with errors |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
| **all** | ${pageCount} | ${chapterCount} | ${problems.length} | ${new Set(problems.map((p) => p.page)).size} |`);
if (problems.length > 0) {
  console.log(`\nBy message: ${[...byId].map(([id, n]) => `${id} ×${n}`).join(', ')}\n`);
  for (const p of problems.slice(0, 40)) console.log(`- ${p.page}: ${p.message.ID} ${p.message.message.slice(0, 160)}\n  \`…${p.near}…\``);
}
process.exitCode = problems.length > 0 ? 1 : 0;
