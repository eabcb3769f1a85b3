import { strToU8 } from 'fflate';
import type { Exportable } from './exportable';
import { EpubWriter } from './epub';
import { slugify, uniqueNamer } from './filename';
import { FORMATS, type FormatId, type RenderOptions } from './formats';
import { JsonWriter } from './json';
import { ZipStream } from './zip-stream';

/** What a selection of articles can be exported as: one backup JSON, one EPUB book, or a ZIP of files in a per-article format. */
export type BulkFormat = 'json' | 'epub' | `zip-${Exclude<FormatId, 'json'>}`;

export const BULK_FORMATS: readonly { id: BulkFormat; label: string }[] = [
  { id: 'zip-md', label: 'ZIP of Markdown' },
  { id: 'zip-html', label: 'ZIP of HTML' },
  { id: 'zip-txt', label: 'ZIP of text' },
  { id: 'json', label: 'JSON backup' },
  { id: 'epub', label: 'EPUB book' },
];

export interface BulkOptions extends RenderOptions {
  now: Date;
  /** The DOM for the EPUB's sanitising and XHTML. */
  win: Window;
  /** Called after every article. */
  onProgress?: (done: number) => void;
}

export interface BulkResult {
  name: string;
  mime: string;
  count: number;
}

/**
 * Export articles arriving in batches, writing the file out as it goes:
 * each article is rendered, compressed or serialised, handed to `sink` and
 * forgotten before the next, so the rendered text of only one batch is ever
 * held at once.
 */
export async function exportBulk(batches: AsyncIterable<readonly Exportable[]>, format: BulkFormat, sink: (chunk: Uint8Array) => void, options: BulkOptions): Promise<BulkResult> {
  const day = options.now.toISOString().slice(0, 10);
  let count = 0;
  const each = async (add: (a: Exportable) => void) => {
    for await (const batch of batches) {
      for (const a of batch) {
        add(a);
        options.onProgress?.(++count);
      }
    }
  };
  if (format === 'json') {
    const json = new JsonWriter((text) => sink(strToU8(text)), options.now);
    await each((a) => json.add(a));
    json.finish();
    return { name: `clean-copy-${day}.json`, mime: 'application/json', count };
  }
  if (format === 'epub') {
    const book = new EpubWriter(sink, { now: options.now, win: options.win });
    await each((a) => book.add(a));
    if (count === 0) throw new Error('An EPUB needs at least one article.');
    book.finish();
    return { name: `clean-copy-${day}.epub`, mime: 'application/epub+zip', count };
  }
  const f = FORMATS[format.slice(4) as FormatId];
  const zip = new ZipStream(sink, options.now);
  const unique = uniqueNamer();
  await each((a) => zip.add(unique(`${slugify(a.title)}.${f.extension}`), f.render(a, options.now, options)));
  zip.end();
  return { name: `clean-copy-${f.id}-${day}.zip`, mime: 'application/zip', count };
}
