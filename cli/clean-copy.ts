import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { extractArticle } from '../lib/extract/extract-article';
import { parseHtml } from '../lib/extract/parse-html';
import { FORMATS } from '../lib/export/formats';
import { toJson } from '../lib/export/json';
import type { ArticleRecord } from '../lib/article';

const USAGE = `Usage: clean-copy <file.html|->... [--url URL] [--format json|jsonl|md|txt|html]

Cleans each page and prints the article.
  --url URL      the page's address (default: file:// address of the file)
  --format F     json (default: the article record), jsonl (one record a line),
                 md (Markdown with front matter), txt, html (standalone page)
Exit status: 0 all cleaned, 2 a page had no article, 1 bad usage or unreadable file.`;

type Format = 'json' | 'jsonl' | 'md' | 'txt' | 'html';
const OUTPUTS: readonly Format[] = ['json', 'jsonl', 'md', 'txt', 'html'];

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function render(article: ArticleRecord, format: Format, now: Date): string {
  switch (format) {
    case 'json':
      return JSON.stringify(article, null, 2) + '\n';
    case 'jsonl':
      return JSON.stringify(article) + '\n';
    case 'md':
      return FORMATS.md.render(article, now);
    case 'txt':
      return FORMATS.txt.render(article, now);
    case 'html':
      return FORMATS.html.render(article, now);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { url: { type: 'string' }, format: { type: 'string', default: 'json' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = values.format as Format;
  if (!OUTPUTS.includes(format) || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const now = new Date();
  let status = 0;
  for (const path of positionals) {
    let html: string;
    try {
      html = await readInput(path);
    } catch (error) {
      process.stderr.write(`clean-copy: cannot read ${path}: ${(error as Error).message}\n`);
      status = 1;
      continue;
    }
    const url = values.url ?? (path === '-' ? 'about:blank' : new URL(path, `file://${process.cwd()}/`).href);
    const result = extractArticle(parseHtml(html, url), { url });
    if (!result.ok) {
      process.stderr.write(`clean-copy: ${path}: ${result.message}\n`);
      status = Math.max(status, 2);
      continue;
    }
    process.stdout.write(render(result.article, format, now));
  }
  return status;
}

process.exitCode = await main(process.argv.slice(2));
