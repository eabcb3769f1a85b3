import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createDocument } from '@mixmark-io/domino';
import { inflateSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { exportBulk, type ZipHelper } from '../../lib/export/bulk-export';
import { crc32, deflateHere, deflateText } from '../../lib/export/deflate';
import type { Exportable } from '../../lib/export/exportable';
import { FORMATS } from '../../lib/export/formats';
import { toMarkdown, useHtmlParser } from '../../lib/export/markdown';
import { concatChunks, ZipStream } from '../../lib/export/zip-stream';
import { sampleArticle } from './support/article';

const NOW = new Date('2026-03-04T05:06:07.000Z');
const win = new JSDOM('').window as unknown as Window;
const articles: Exportable[] = Array.from({ length: 11 }, (_, i) =>
  sampleArticle({
    canonicalUrl: `https://a.example/${i}`,
    title: i % 3 ? `Story ${i}` : 'Same title',
    contentHtml: `<h2>Part ${i}</h2><p>Body <em>${i}</em> with a <a href="https://x.example/${i}">link</a>.</p><table><tr><th>a</th></tr><tr><td>${i}</td></tr></table>`,
  }),
);

async function* inBatches(list: readonly Exportable[], size: number) {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

async function zipOf(helper?: ZipHelper) {
  const chunks: Uint8Array[] = [];
  const progress: number[] = [];
  const result = await exportBulk(inBatches(articles, 3), 'zip-md', (c) => chunks.push(c), {
    now: NOW,
    win,
    helper,
    frontMatterTemplate: 'x: {{title}}',
    onProgress: (n) => progress.push(n),
  });
  return { result, files: unzipSync(concatChunks(chunks)), progress };
}

describe('deflate', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('compresses UTF-8 text that inflates back, with its size and CRC', async () => {
    const text = 'Grüße, 東京 — '.repeat(200);
    const c = deflateText(text);
    expect(c.size).toBe(strToU8(text).length);
    expect(c.crc).toBe(crc32(strToU8(text)));
    expect(c.data.length).toBeLessThan(c.size / 5);
    expect(strFromU8(inflateSync(c.data))).toBe(text);
    expect(await deflateHere(['a', 'bb'])).toEqual([deflateText('a'), deflateText('bb')]);
  });

  it('goes into a ZIP compressed elsewhere and comes out whole', () => {
    const chunks: Uint8Array[] = [];
    const zip = new ZipStream((c) => chunks.push(c), NOW);
    zip.addCompressed('a.md', deflateText('# A\n\nfirst'));
    zip.add('b.md', 'second');
    zip.addCompressed('ä.md', deflateText(''));
    zip.end();
    const files = unzipSync(concatChunks(chunks));
    expect(Object.keys(files)).toEqual(['a.md', 'b.md', 'ä.md']);
    expect(strFromU8(files['a.md']!)).toBe('# A\n\nfirst');
    expect(strFromU8(files['ä.md']!)).toBe('');
  });
});

describe('ZIP export with a helper', () => {
  it('writes the same files, in order, whether batches are packed by the helper, rendered here, or a mix', async () => {
    const alone = await zipOf();
    let calls = 0;
    const packed: number[] = [];
    // Takes every other batch, as a busy worker would, and compresses the rest of the text it is handed.
    const helper: ZipHelper = {
      pack: (batch, format, options) => {
        if (calls++ % 2) return null;
        packed.push(batch.length);
        return deflateHere(batch.map((a) => FORMATS[format].render(a, options.now, options)));
      },
      deflate: deflateHere,
    };
    const mixed = await zipOf(helper);
    expect(packed).toEqual([3, 3]);
    expect(mixed.result).toEqual(alone.result);
    expect(Object.keys(mixed.files)).toEqual(Object.keys(alone.files));
    expect(Object.keys(mixed.files)).toEqual([
      'same-title.md',
      'story-1.md',
      'story-2.md',
      'same-title-2.md',
      'story-4.md',
      'story-5.md',
      'same-title-3.md',
      'story-7.md',
      'story-8.md',
      'same-title-4.md',
      'story-10.md',
    ]);
    for (const [name, bytes] of Object.entries(alone.files)) expect(strFromU8(mixed.files[name]!)).toBe(strFromU8(bytes));
    expect(strFromU8(mixed.files['story-4.md']!)).toMatch(
      /^---\nx: "Story 4"\n---\n\n# Story 4\n\n## Part 4\n\nBody \*4\* with a \[link\]\(https:\/\/x\.example\/4\)\.\n\n\| a {3}\|\n\| --- \|\n\| 4 {3}\|\n$/,
    );
    expect(mixed.progress).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('reports a helper’s failure as the export’s', async () => {
    const helper: ZipHelper = { pack: () => Promise.reject(new Error('worker gone')), deflate: deflateHere };
    await expect(zipOf(helper)).rejects.toThrow('worker gone');
  });
});

describe('Markdown over another DOM', () => {
  it('converts the same through a parser handed in (the export worker’s domino) as through turndown’s own', () => {
    const expected = articles.map((a) => toMarkdown(a));
    useHtmlParser((html) => createDocument(`<x-turndown id="turndown-root">${html}</x-turndown>`).getElementById('turndown-root')!);
    try {
      expect(articles.map((a) => toMarkdown(a))).toEqual(expected);
    } finally {
      useHtmlParser(undefined);
    }
  });
});
