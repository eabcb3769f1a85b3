import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { exportBulk, exportToBytes, type BulkFormat } from '../../lib/export/bulk-export';
import { concatChunks } from '../../lib/export/zip-stream';
import { JSON_FORMAT, JSON_VERSION, JsonWriter, jsonArticle, toJson } from '../../lib/export/json';
import type { Exportable } from '../../lib/export/exportable';
import { sampleArticle } from './support/article';

const win = new JSDOM('').window as unknown as Window;
const NOW = new Date('2026-03-04T05:06:07.000Z');
const articles: Exportable[] = Array.from({ length: 7 }, (_, i) => ({
  ...sampleArticle({ canonicalUrl: `https://a.example/${i}`, title: i % 2 ? 'Same title' : `Story ${i}` }),
  tags: ['t'],
  savedAt: NOW.toISOString(),
}));

async function* inBatches(list: readonly Exportable[], size: number) {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

async function run(format: BulkFormat, list = articles) {
  const chunks: Uint8Array[] = [];
  const progress: number[] = [];
  const result = await exportBulk(inBatches(list, 3), format, (c) => chunks.push(c), {
    now: NOW,
    win,
    onProgress: (n) => progress.push(n),
    frontMatterTemplate: 'x: {{title}}',
  });
  return { result, bytes: concatChunks(chunks), chunks: chunks.length, progress };
}

describe('streamed JSON', () => {
  it('is the whole file as JSON.stringify would indent it, for none, one and many articles', () => {
    for (const list of [[], articles.slice(0, 1), articles]) {
      let text = '';
      const writer = new JsonWriter((t) => (text += t), NOW);
      list.forEach((a) => writer.add(a));
      writer.finish();
      const doc = { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: NOW.toISOString(), articles: list.map(jsonArticle) };
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      expect(toJson(list, NOW)).toBe(text);
    }
  });
});

describe('bulk export', () => {
  it('writes a ZIP file by file with unique names, the reader’s template and progress', async () => {
    const { result, bytes, chunks, progress } = await run('zip-md');
    expect(result).toEqual({ name: 'clean-copy-md-2026-03-04.zip', mime: 'application/zip', count: 7 });
    expect(chunks).toBeGreaterThan(7);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['same-title-2.md', 'same-title-3.md', 'same-title.md', 'story-0.md', 'story-2.md', 'story-4.md', 'story-6.md']);
    expect(strFromU8(files['story-0.md']!)).toMatch(/^---\nx: "Story 0"\n---\n/);
  });

  it('writes the JSON backup and an EPUB book', async () => {
    const json = await run('json');
    expect(strFromU8(json.bytes)).toBe(toJson(articles, NOW));
    const epub = await run('epub');
    expect(epub.result.name).toBe('clean-copy-2026-03-04.epub');
    expect(Object.keys(unzipSync(epub.bytes)).filter((n) => n.includes('chapter-'))).toHaveLength(7);
  });

  it.each(['json', 'epub', 'zip-md', 'zip-html', 'zip-txt'] as const)(
    '%s: one file in memory is the same bytes as the streamed export in batches',
    async (format) => {
      const streamed = await run(format);
      const whole = await exportToBytes(articles, format, { now: NOW, win, frontMatterTemplate: 'x: {{title}}' });
      expect(whole.data).toEqual(streamed.bytes);
      expect(whole.name).toBe(streamed.result.name);
      expect(whole.count).toBe(articles.length);
    },
  );

  it('refuses an empty EPUB', async () => {
    await expect(run('epub', [])).rejects.toThrow(/at least one/);
  });
});
