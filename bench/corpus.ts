import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export type CorpusName = 'aeb' | 'trafilatura' | 'readability' | 'defuddle';

/** One page to extract, with what it is scored against. */
export interface BenchPage {
  corpus: CorpusName;
  id: string;
  url: string;
  html: string;
  truth:
    | { kind: 'text'; text: string }
    | { kind: 'snippets'; with: string[]; without: string[] }
    | { kind: 'readability'; text: string; meta: { title?: string | null; byline?: string | null; lang?: string | null; publishedTime?: string | null } };
}

/**
 * Bytes to text as the corpus README orders it: a byte-order mark, then
 * UTF-8 if it is valid, then the page's <meta> charset, then windows-1252.
 */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
    try {
      if (declared) return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to the web's default.
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function page(dir: string, id: string): string {
  return decodePage(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))));
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Markdown to the words a reader sees: no link targets, images, emphasis marks or front matter. */
export function markdownText(md: string): string {
  return md
    .replace(/^```json[\s\S]*?```\s*/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|]/g, ' ');
}

const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|section|article|aside|header|footer|figure|figcaption|blockquote|pre|main|nav)\b[^>]*>/gi;

/** Text of an HTML string: block tags break words, inline tags do not (CJK text has no spaces to fall back on). */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(BLOCK_TAG, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'");
}

export function loadCorpus(root: string, name: CorpusName, limit = Infinity): BenchPage[] {
  const dir = join(root, name);
  if (!existsSync(dir)) throw new Error(`no corpus at ${dir}`);
  const pages: BenchPage[] = [];
  if (name === 'aeb') {
    const truth = readJson<Record<string, { articleBody: string; url: string }>>(join(dir, 'ground-truth.json'));
    for (const id of Object.keys(truth).sort())
      pages.push({ corpus: name, id, url: truth[id]!.url, html: page(dir, id), truth: { kind: 'text', text: truth[id]!.articleBody } });
  } else if (name === 'trafilatura') {
    const data = readJson<Record<string, { url: string; with: string[]; without: string[] }>>(join(dir, 'evaldata.json'));
    for (const id of Object.keys(data).sort()) {
      const e = data[id]!;
      const url = /^https?:\/\//.test(e.url) ? e.url : `https://example.com/${id}`;
      pages.push({ corpus: name, id, url, html: page(dir, id), truth: { kind: 'snippets', with: e.with, without: e.without } });
    }
  } else if (name === 'readability') {
    const ids = readdirSync(join(dir, 'html'))
      .map((f) => f.replace(/\.html\.gz$/, ''))
      .sort();
    for (const id of ids) {
      const expected = readFileSync(join(dir, 'expected', `${id}.html`), 'utf8');
      const meta = readJson<BenchPage['truth'] & object>(join(dir, 'expected', `${id}.metadata.json`)) as unknown as {
        title?: string;
        byline?: string;
        lang?: string;
        publishedTime?: string;
      };
      pages.push({
        corpus: name,
        id,
        url: 'http://fakehost/test/page.html',
        html: page(dir, id),
        truth: { kind: 'readability', text: htmlText(expected), meta },
      });
    }
  } else {
    const index = readJson<{ entries: { id: string; url: string; expected: string[] }[] }>(join(dir, 'index.json'));
    for (const e of index.entries) {
      const md = e.expected.find((f) => f.endsWith('.md'));
      if (!md) continue;
      pages.push({
        corpus: name,
        id: e.id,
        url: e.url,
        html: page(dir, e.id),
        truth: { kind: 'text', text: markdownText(readFileSync(join(dir, md), 'utf8')) },
      });
    }
  }
  return pages.slice(0, limit);
}
