import { strToU8 } from 'fflate';
import type { BulkFormat } from './bulk-formats';
import { deflateHere, type Compressed, type Deflater } from './deflate';
import type { Exportable } from './exportable';
import { EpubWriter } from './epub';
import { slugify, uniqueNamer } from './filename';
import { FORMATS, type FormatId, type RenderOptions } from './formats';
import { JsonWriter } from './json';
import { backupPicture } from '../pictures/backup-pictures';
import { concatChunks, ZipStream } from './zip-stream';
import { embedPictures, gatherPictures } from '../pictures/gather';
import type { Picture, PictureLookup } from '../pictures/picture';
import { ASSETS, pictureFileName } from '../pictures/picture-files';

export { BULK_FORMATS, type BulkFormat, usesText } from './bulk-formats';

export interface BulkOptions extends RenderOptions {
  now: Date;
  /** The DOM for the EPUB's sanitising and XHTML. */
  win: Window;
  /** Called after every article (for a ZIP, once its file is written). */
  onProgress?: (done: number) => void;
  /** The reader's own cleaning rules, written into a JSON backup beside the articles. */
  userRules?: readonly unknown[];
  /** The stored copies of kept pictures, by hash: a JSON backup carries those its articles use. */
  keptPictures?: (hashes: readonly string[]) => Promise<ReadonlyMap<string, Picture>>;
  /** Renders and compresses the files of a ZIP elsewhere; all in this thread when absent. */
  helper?: ZipHelper;
  /**
   * The stored copies of the articles' pictures. With it, an EPUB carries
   * them as files of the book and a ZIP of Markdown or HTML in an `assets/`
   * folder; without it (or for a picture it has no copy of) a picture stays
   * a link, as it is in the article.
   */
  pictures?: PictureLookup;
}

/** The per-article formats a ZIP can hold. */
export type ZipFormatId = Exclude<FormatId, 'json'>;

/**
 * Help with a ZIP export from another thread (the library page's worker):
 * rendering and compressing whole batches, or compressing text rendered here.
 * Results come back in the order given.
 */
export interface ZipHelper {
  /**
   * Render and compress a batch, or null when the helper has enough queued
   * already, in which case this thread renders the batch itself so both are busy.
   */
  pack(articles: readonly Exportable[], format: ZipFormatId, options: RenderOptions & { now: Date }): Promise<Compressed[]> | null;
  deflate: Deflater;
}

/**
 * Batches being rendered and compressed (by the helper) while the next is
 * read: enough to keep two workers supplied with a batch queued behind the
 * one each is on, while holding only a handful of batches of text and
 * compressed bytes at once.
 */
const IN_FLIGHT = 5;

/** Kept pictures read from storage per call while a JSON backup is written. */
const PICTURES_PER_READ = 50;

export interface BulkResult {
  name: string;
  mime: string;
  count: number;
}

/**
 * Export articles arriving in batches, writing the file out as it goes:
 * each article is rendered, compressed or serialised, handed to `sink` and
 * forgotten, so only a few batches are ever held at once. For a ZIP, up to
 * IN_FLIGHT batches are being rendered and compressed (by `helper`, when
 * there is one) while the next is read.
 */
export async function exportBulk(
  batches: AsyncIterable<readonly Exportable[]>,
  format: BulkFormat,
  sink: (chunk: Uint8Array) => void,
  options: BulkOptions,
): Promise<BulkResult> {
  const day = options.now.toISOString().slice(0, 10);
  let count = 0;
  const each = async (add: (a: Exportable) => void | Promise<void>) => {
    for await (const batch of batches) {
      for (const a of batch) {
        await add(a);
        // Counted apart from the call: an optional call's argument is not evaluated when there is no listener.
        count++;
        options.onProgress?.(count);
      }
    }
  };
  if (format === 'json') {
    const json = new JsonWriter((text) => sink(strToU8(text)), options.now, options.userRules);
    // Each picture once, in the order the articles first use it, so the same library writes the same bytes.
    const used = new Set<string>();
    await each((a) => {
      json.add(a);
      for (const ref of a.pictures ?? []) used.add(ref.hash);
    });
    if (options.keptPictures && used.size > 0) {
      const hashes = [...used];
      // A few at a time: only that many pictures' bytes are held while they are written.
      for (let i = 0; i < hashes.length; i += PICTURES_PER_READ) {
        const slice = hashes.slice(i, i + PICTURES_PER_READ);
        const stored = await options.keptPictures(slice);
        for (const h of slice) {
          const p = stored.get(h);
          if (p) json.addPicture(backupPicture(p));
        }
      }
    }
    json.finish();
    return { name: `clean-copy-${day}.json`, mime: 'application/json', count };
  }
  if (format === 'epub') {
    const book = new EpubWriter(sink, { now: options.now, win: options.win });
    const lookup = options.pictures;
    await each(async (a) => book.add(a, lookup ? await gatherPictures(a, lookup, options.win) : undefined));
    if (count === 0) throw new Error('An EPUB needs at least one article.');
    book.finish();
    return { name: `clean-copy-${day}.epub`, mime: 'application/epub+zip', count };
  }
  const f = FORMATS[format.slice(4) as ZipFormatId];
  const zip = new ZipStream(sink, options.now);
  const unique = uniqueNamer();
  const deflate = options.helper?.deflate ?? deflateHere;
  const renderOptions = { now: options.now, frontMatterTemplate: options.frontMatterTemplate };
  // Text has no pictures to carry.
  const lookup = f.id === 'txt' ? undefined : options.pictures;
  const written = new Set<string>();
  // Files go into the ZIP in the order the articles came; a batch is added when its compression is done.
  const pending: { names: string[]; done: Promise<Compressed[]>; pictures: readonly Picture[] }[] = [];
  const addOldest = async () => {
    const { names, done, pictures } = pending.shift()!;
    const files = await done;
    // Each picture once, however many articles show it; stored as they are, since picture formats are compressed already.
    for (const picture of pictures) {
      const name = `${ASSETS}/${pictureFileName(picture)}`;
      if (written.has(name)) continue;
      written.add(name);
      zip.addStored(name, picture.bytes);
    }
    names.forEach((name, i) => {
      zip.addCompressed(name, files[i]!);
      count++;
      options.onProgress?.(count);
    });
  };
  const assetHref = (p: Picture) => `${ASSETS}/${pictureFileName(p)}`;
  for await (const read of batches) {
    let batch = read;
    let pictures: Picture[] = [];
    if (lookup) {
      // The files sit at the ZIP's root, so a picture's address is its path in the ZIP.
      const embedded = await Promise.all(read.map((a) => embedPictures(a, lookup, options.win, assetHref)));
      batch = embedded.map((e) => e.article);
      pictures = embedded.flatMap((e) => e.gathered.pictures);
    }
    const names = batch.map((a) => unique(`${slugify(a.title)}.${f.extension}`));
    const done = options.helper?.pack(batch, f.id as ZipFormatId, renderOptions) ?? deflate(batch.map((a) => f.render(a, options.now, options)));
    // A failure is reported when this batch's turn comes, not as an unhandled rejection meanwhile.
    done.catch(() => undefined);
    pending.push({ names, done, pictures });
    if (pending.length > IN_FLIGHT) await addOldest();
  }
  while (pending.length > 0) await addOldest();
  zip.end();
  return { name: `clean-copy-${f.id}-${day}.zip`, mime: 'application/zip', count };
}

/**
 * A whole export in memory, through the same writers as a streamed one: for
 * the popup's export of everything and the command line.
 */
export async function exportToBytes(
  articles: readonly Exportable[] | AsyncIterable<readonly Exportable[]>,
  format: BulkFormat,
  options: BulkOptions,
): Promise<BulkResult & { data: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  const batches = Array.isArray(articles) ? oneBatch(articles) : (articles as AsyncIterable<readonly Exportable[]>);
  const result = await exportBulk(batches, format, (c) => chunks.push(c), options);
  return { ...result, data: concatChunks(chunks) };
}

async function* oneBatch(articles: readonly Exportable[]): AsyncGenerator<readonly Exportable[]> {
  yield articles;
}
