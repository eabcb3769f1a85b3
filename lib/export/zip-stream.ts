import { strToU8, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { crc32, type Compressed } from './deflate';

/**
 * A ZIP written file by file: each file is compressed and handed to `sink`
 * as it is added, so an archive of thousands of articles never needs all of
 * them rendered, or the whole archive, in memory at once. fflate's
 * synchronous deflate makes every chunk arrive before `add` returns.
 */
export class ZipStream {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(
    sink: (chunk: Uint8Array) => void,
    private readonly modified: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else sink(chunk);
    });
  }

  /** Add a file; `store` keeps it uncompressed (an EPUB's mimetype must be). */
  add(name: string, content: string | Uint8Array, store = false): void {
    const file = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    file.mtime = this.modified;
    this.zip.add(file);
    file.push(typeof content === 'string' ? strToU8(content) : content, true);
    this.check();
  }

  /**
   * Add a file compressed already (by a `Deflater`, perhaps in a worker).
   * fflate's Zip takes any input file that reports its CRC and size and
   * hands over raw deflate data; it writes the headers around it.
   */
  addCompressed(name: string, c: Compressed): void {
    const file: ZipInputFile = { filename: name, size: c.size, crc: c.crc, compression: 8, flag: 0, mtime: this.modified };
    this.zip.add(file);
    file.ondata!(null, c.data, true);
    this.check();
  }

  /**
   * Add a file as it is, uncompressed: for pictures, whose formats are
   * compressed already. Its CRC is taken here, faster than fflate's own.
   */
  addStored(name: string, bytes: Uint8Array): void {
    const file: ZipInputFile = { filename: name, size: bytes.length, crc: crc32(bytes), compression: 0, flag: 0, mtime: this.modified };
    this.zip.add(file);
    // fflate only reads the bytes; a picture may sit on any kind of buffer.
    file.ondata!(null, bytes as Uint8Array<ArrayBuffer>, true);
    this.check();
  }

  end(): void {
    this.zip.end();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** Chunks joined into one array, for callers that want the whole file. */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
