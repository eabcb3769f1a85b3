import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { extractArticle } from '../lib/extract/extract-article';
import { parseHtml } from '../lib/extract/parse-html';
import { FORMATS, exportOne, type FormatId } from '../lib/export/formats';
import { jsonArticle } from '../lib/export/json';
import { exportToBytes } from '../lib/export/bulk-export';
import { BackupError } from '../lib/library/import-backup';
import type { ArticleRecord, ExtractResult } from '../lib/article';
import type { Exportable } from '../lib/export/exportable';
import { destinationOf, writeOutputs, type OutputFile } from './output';
import { articlesFromBackup } from './from-backup';
import { closeWindow, domWindow } from './dom-window';
import { useExportDocument } from '../lib/export/highlighted';

// Highlights from a backup are marked in the same jsdom window the exports use.
useExportDocument(() => domWindow().document);

const USAGE = `Usage: clean-copy <file.html|->... [--url URL] [--format json|jsonl|md|txt|html|epub] [--out FILE]
       clean-copy --from-backup BACKUP.json --format md|json|html|txt|epub|highlights [--out DIR|FILE]

Cleans each page and prints the article.
  --url URL      the page's address (default: file:// address of the file)
  --format F     json (default: the article record), jsonl (one record a line),
                 md (Markdown with front matter), txt, html (standalone page),
                 epub (every page a chapter of one EPUB 3 book)
  --out FILE     write to FILE instead of stdout

Writes exports from a backup made by the extension (Export backup):
  --from-backup BACKUP.json
                 md, html, txt: one file per article into the folder --out DIR
                 (or one after another on stdout without --out);
                 json: the backup again, checked and sanitised; epub: one book;
                 highlights: a Markdown file of each highlighted article's
                 highlights and notes
Exit status: 0 done, 2 a page had no article or a backup article was skipped,
1 bad usage, an unreadable file, a page that could not be cleaned, or a file
that is not a Clean Copy backup. Every other page's output is still written.`;

type PageFormat = 'json' | 'jsonl' | 'md' | 'txt' | 'html' | 'epub';
const PAGE_FORMATS: readonly PageFormat[] = ['json', 'jsonl', 'md', 'txt', 'html', 'epub'];
const BACKUP_FORMATS: readonly string[] = ['md', 'json', 'html', 'txt', 'epub', 'highlights'];

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function render(article: ArticleRecord, format: Exclude<PageFormat, 'epub'>, now: Date): string {
  switch (format) {
    // A bare record, its fields in the order every JSON file Clean Copy writes has them.
    case 'json':
      return `${JSON.stringify(jsonArticle(article), null, 2)}\n`;
    case 'jsonl':
      return `${JSON.stringify(jsonArticle(article))}\n`;
    default:
      return FORMATS[format].render(article, now);
  }
}

/** One line about an error, never its stack: what a page holds is no reason to show our internals. */
const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/** Parse and clean one page; the window goes as soon as the article is plain data. */
function cleanPage(html: string, url: string): ExtractResult {
  const doc = parseHtml(html, url);
  try {
    return extractArticle(doc, { url });
  } finally {
    closeWindow(doc.defaultView);
  }
}

/** An error (1) outweighs a page without an article (2), which outweighs success (0). */
const worse = (a: number, b: number): number => ([a, b].includes(1) ? 1 : Math.max(a, b));

const fail = (message: string, status = 1): number => {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  return status;
};

async function fromBackup(path: string, format: string, out: string | undefined, now: Date): Promise<number> {
  if (!BACKUP_FORMATS.includes(format)) return fail(USAGE);
  let read;
  try {
    read = await articlesFromBackup(path, now);
  } catch (error) {
    const why = error instanceof BackupError ? error.message : `cannot read ${path}: ${(error as Error).message}`;
    return fail(`clean-copy: ${why}`);
  }
  for (const problem of read.problems) process.stderr.write(`clean-copy: ${problem}\n`);
  const { articles } = read;
  let files: OutputFile[];
  // The backup and the book come from the writers the extension's exports use.
  if (format === 'json') files = [{ name: 'backup.json', data: (await exportToBytes(articles, 'json', { now, win: domWindow() })).data }];
  else if (format === 'epub') {
    if (articles.length === 0) return fail('clean-copy: the backup holds no article to put in a book', 2);
    files = [{ name: 'clean-copy.epub', data: (await exportToBytes(articles, 'epub', { now, win: domWindow() })).data }];
  } else {
    // A file of highlights is written for the articles that have some.
    const chosen = format === 'highlights' ? articles.filter((a) => a.highlights?.length) : articles;
    files = chosen.map((a) => exportOne(a, format as FormatId, now)).map((f) => ({ name: f.name, data: f.data }));
  }
  const perArticle = format !== 'json' && format !== 'epub';
  await writeOutputs(files, destinationOf(out, perArticle));
  return read.problems.length > 0 ? 2 : 0;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        'from-backup': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const now = new Date();
  if (values['from-backup'] !== undefined) {
    if (positionals.length > 0) return fail(USAGE);
    return fromBackup(values['from-backup'], values.format, values.out, now);
  }
  const format = values.format as PageFormat;
  if (!PAGE_FORMATS.includes(format) || positionals.length === 0) return fail(USAGE);
  let status = 0;
  const outputs: OutputFile[] = [];
  const book: Exportable[] = [];
  for (const path of positionals) {
    let html: string;
    try {
      html = await readInput(path);
    } catch (error) {
      process.stderr.write(`clean-copy: cannot read ${path}: ${(error as Error).message}\n`);
      status = worse(status, 1);
      continue;
    }
    const url = values.url ?? (path === '-' ? 'about:blank' : new URL(path, `file://${process.cwd()}/`).href);
    // Each page on its own: one that breaks the cleaner costs its own output, never the others'.
    try {
      const result = cleanPage(html, url);
      if (!result.ok) {
        process.stderr.write(`clean-copy: ${path}: ${result.message}\n`);
        status = worse(status, 2);
        continue;
      }
      if (format === 'epub') book.push(result.article);
      else outputs.push({ name: path, data: render(result.article, format, now) });
    } catch (error) {
      process.stderr.write(`clean-copy: ${path}: could not clean this page (${oneLine(error)})\n`);
      status = worse(status, 1);
    }
  }
  if (format === 'epub' && book.length > 0) outputs.push({ name: 'book.epub', data: (await exportToBytes(book, 'epub', { now, win: domWindow() })).data });
  await writeOutputs(outputs, destinationOf(values.out, false));
  return status;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = fail(`clean-copy: ${oneLine(error)}`);
}
