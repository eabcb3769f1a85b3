import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The four extraction corpora, in the order they are reported. */
export const CORPORA = ['aeb', 'trafilatura', 'readability', 'defuddle'] as const;
export type CorpusName = (typeof CORPORA)[number];

export interface CorpusPage {
  corpus: CorpusName;
  id: string;
}

/** Every page under `root` (`<root>/<corpus>/html/<id>.html.gz`), by corpus, ids sorted. A corpus folder that is missing is skipped. */
export function listCorpusPages(root: string): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const corpus of CORPORA) {
    let files: string[];
    try {
      files = readdirSync(join(root, corpus, 'html'));
    } catch {
      continue;
    }
    const ids = files
      .filter((f) => f.endsWith('.html.gz'))
      .map((f) => f.slice(0, -'.html.gz'.length))
      .sort();
    for (const id of ids) pages.push({ corpus, id });
  }
  return pages;
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset to send a saved page with, in the order the corpus documents for its bytes:
 * a byte-order mark (which the browser honours over any header), then UTF-8 if the bytes are
 * valid UTF-8, then the page's own <meta> charset, then the web's default, windows-1252.
 */
export function pageCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf-16';
  if (isUtf8(bytes)) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      // Only a label the platform knows; an unknown one falls through to the default.
      return new TextDecoder(declared).encoding;
    } catch {
      // fall through
    }
  }
  return 'windows-1252';
}

/**
 * A fixed sample for a quick run: `perCorpus` pages spread evenly through each
 * corpus's sorted ids, plus `notUtf8` of the pages whose bytes are not UTF-8
 * (the first ones in order, found with `isNotUtf8`), so a decoding path is always run.
 */
export function pickSample(pages: CorpusPage[], perCorpus: number, extra: { notUtf8: number; isNotUtf8: (page: CorpusPage) => boolean }): CorpusPage[] {
  const picked: CorpusPage[] = [];
  for (const corpus of CORPORA) {
    const mine = pages.filter((p) => p.corpus === corpus);
    const count = Math.min(perCorpus, mine.length);
    for (let i = 0; i < count; i++) picked.push(mine[Math.floor(((i + 0.5) * mine.length) / count)]!);
  }
  const chosen = new Set(picked);
  let found = 0;
  for (const page of pages) {
    if (found >= extra.notUtf8) break;
    if (!chosen.has(page) && extra.isNotUtf8(page)) {
      picked.push(page);
      found++;
    }
  }
  return picked;
}
