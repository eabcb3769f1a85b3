import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { extractArticle } from '../lib/extract/extract-article';
import { parseHtml } from '../lib/extract/parse-html';
import { FORMATS, exportOneWithPictures, type FormatId } from '../lib/export/formats';
import { jsonArticle } from '../lib/export/json';
import { exportToBytes } from '../lib/export/bulk-export';
import { BackupError } from '../lib/library/import-backup';
import type { ArticleRecord, ExtractResult } from '../lib/article';
import type { Exportable } from '../lib/export/exportable';
import { destinationOf, writeOutputs, type OutputFile } from './output';
import { articlesFromBackup } from './from-backup';
import { closeWindow, domWindow } from './dom-window';
import { fetchPagePictures, writeAssets } from './pictures';
import { embedPictures, type ParsingWindow } from '../lib/pictures/gather';
import { lookupOf } from '../lib/pictures/fetch-lookup';
import type { Picture } from '../lib/pictures/picture';
import { ASSETS, pictureFileName } from '../lib/pictures/picture-files';
import { slugify } from '../lib/export/filename';
import { toHtmlWithPictures } from '../lib/export/formats';
import { pictureLookup } from '../lib/pictures/picture-lookup';

const USAGE = `Usage: clean-copy <file.html|->... [--url URL] [--format json|jsonl|md|txt|html|epub] [--out FILE]
                 [--images link|embed]
       clean-copy --from-backup BACKUP.json --format md|json|html|txt|epub [--out DIR|FILE]

Cleans each page and prints the article.
  --url URL      the page's address (default: file:// address of the file)
  --format F     json (default: the article record), jsonl (one record a line),
                 md (Markdown with front matter), txt, html (standalone page),
                 epub (every page a chapter of one EPUB 3 book)
  --out FILE     write to FILE instead of stdout
  --images I     link (default): pictures stay addresses on the web;
                 embed: download each page's pictures (http and https only,
                 15 s and 10 MB a picture, 50 MB a page) and put them inside
                 html (data: addresses) and epub (files of the book); md needs
                 --out DIR, which gets NAME.md and the pictures in DIR/assets/.
                 A picture that cannot be had stays a link, with a line on stderr.

Writes exports from a backup made by the extension (Export backup):
  --from-backup BACKUP.json
                 md, html, txt: one file per article into the folder --out DIR
                 (or one after another on stdout without --out);
                 json: the backup again, checked and sanitised; epub: one book
Exit status: 0 done, 2 a page had no article or a backup article was skipped,
1 bad usage, an unreadable file, a page that could not be cleaned, or a file
that is not a Clean Copy backup. Every other page's output is still written.`;

type PageFormat = 'json' | 'jsonl' | 'md' | 'txt' | 'html' | 'epub';
const PAGE_FORMATS: readonly PageFormat[] = ['json', 'jsonl', 'md', 'txt', 'html', 'epub'];
const BACKUP_FORMATS: readonly string[] = ['md', 'json', 'html', 'txt', 'epub'];

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
  for (const problem of [...read.problems, ...read.pictureProblems]) process.stderr.write(`clean-copy: ${problem}\n`);
  const { articles } = read;
  // The backup's own pictures, as the extension's exports read them from its store: the JSON backup keeps them,
  // the book holds them as its files and an HTML page as data: addresses; Markdown and text keep the addresses.
  const kept = {
    getMany: async (hashes: readonly string[]) => new Map(hashes.flatMap((h) => (read.pictures.has(h) ? [[h, read.pictures.get(h)!] as const] : []))),
  };
  const pictures = pictureLookup(kept, articles);
  let files: OutputFile[];
  // The backup and the book come from the writers the extension's exports use.
  if (format === 'json')
    files = [{ name: 'backup.json', data: (await exportToBytes(articles, 'json', { now, win: domWindow(), keptPictures: kept.getMany })).data }];
  else if (format === 'epub') {
    if (articles.length === 0) return fail('clean-copy: the backup holds no article to put in a book', 2);
    files = [{ name: 'clean-copy.epub', data: (await exportToBytes(articles, 'epub', { now, win: domWindow(), pictures })).data }];
  } else {
    const win = domWindow() as unknown as ParsingWindow;
    files = [];
    for (const a of articles) {
      const f = await exportOneWithPictures(a, format as FormatId, now, { pictures, win });
      files.push({ name: f.name, data: f.data });
    }
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
        images: { type: 'string', default: 'link' },
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
    if (positionals.length > 0 || !['link', 'embed'].includes(values.images)) return fail(USAGE);
    if (values.images === 'embed') process.stderr.write('clean-copy: --images embed fetches the pictures of pages, not of a backup; the pictures stay links\n');
    return fromBackup(values['from-backup'], values.format, values.out, now);
  }
  const format = values.format as PageFormat;
  if (!PAGE_FORMATS.includes(format) || positionals.length === 0 || !['link', 'embed'].includes(values.images)) return fail(USAGE);
  let embed = values.images === 'embed';
  if (embed && !['html', 'epub', 'md'].includes(format)) {
    process.stderr.write(`clean-copy: --images embed puts pictures in html, epub and md only; ${format} keeps their addresses\n`);
    embed = false;
  }
  if (embed && format === 'md' && (!values.out || values.out === '-')) {
    process.stderr.write('clean-copy: --images embed needs --out DIR for md (the pictures go in DIR/assets/); the pictures stay links\n');
    embed = false;
  }
  let status = 0;
  const outputs: OutputFile[] = [];
  const book: Exportable[] = [];
  // Pictures fetched for every page, by the address the page named: the book and the assets folder take them from here.
  const fetched = new Map<string, Picture>();
  const assets: Picture[] = [];
  const win = domWindow() as unknown as ParsingWindow;
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
      const { article } = result;
      const gathered = embed ? await fetchPagePictures(article, path) : null;
      if (gathered) for (const [address, picture] of gathered.byAddress) fetched.set(address, picture);
      if (format === 'epub') book.push(article);
      else if (gathered && format === 'html') outputs.push({ name: path, data: await toHtmlWithPictures(article, lookupOf(gathered.byAddress), win) });
      else if (gathered && format === 'md') {
        const embedded = await embedPictures(article, lookupOf(gathered.byAddress), win, (p) => `${ASSETS}/${pictureFileName(p)}`);
        outputs.push({ name: `${slugify(article.title)}.md`, data: render(embedded.article, format, now) });
        assets.push(...embedded.gathered.pictures);
      } else outputs.push({ name: path, data: render(article, format, now) });
    } catch (error) {
      process.stderr.write(`clean-copy: ${path}: could not clean this page (${oneLine(error)})\n`);
      status = worse(status, 1);
    }
  }
  if (format === 'epub' && book.length > 0) {
    const pictures = embed ? lookupOf(fetched) : undefined;
    outputs.push({ name: 'book.epub', data: (await exportToBytes(book, 'epub', { now, win: domWindow(), pictures })).data });
  }
  if (embed && format === 'md') {
    // One Markdown file a page beside one assets/ folder, so each file's picture links resolve.
    await writeOutputs(outputs, { kind: 'dir', path: values.out! });
    await writeAssets(values.out!, assets);
  } else await writeOutputs(outputs, destinationOf(values.out, false));
  return status;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = fail(`clean-copy: ${oneLine(error)}`);
}
