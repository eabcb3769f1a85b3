import CRC32 from 'crc-32';
import { deflateSync, strToU8 } from 'fflate';

/** A file's bytes as raw deflate, with what a ZIP records about the original. */
export interface Compressed {
  // A plain ArrayBuffer (never shared memory): fflate's stream handlers and postMessage transfer lists want one.
  data: Uint8Array<ArrayBuffer>;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Length of the uncompressed bytes. */
  size: number;
}

/**
 * Compresses text files for a ZIP, a batch at a time. It may do the work
 * somewhere else and answer later (the library page hands it to a worker, so
 * compressing one batch overlaps rendering the next); results come back in
 * the order the texts were given.
 */
export type Deflater = (texts: readonly string[]) => Promise<Compressed[]>;

/**
 * CRC-32 (the ZIP/PNG polynomial). fflate computes it only inside its own
 * streams, so a file compressed elsewhere, or a picture stored as it is,
 * needs its own; crc-32 reads 16 bytes a step, which tells on pictures.
 */
export function crc32(bytes: Uint8Array): number {
  return CRC32.buf(bytes) >>> 0;
}

/** One text, UTF-8 encoded and compressed in this thread. Level 6 is fflate's balance of speed and size. */
export function deflateText(text: string): Compressed {
  const bytes = strToU8(text);
  return { data: deflateSync(bytes, { level: 6 }), crc: crc32(bytes), size: bytes.length };
}

/** The deflater that needs nothing but this thread: used in Node and wherever no worker is offered. */
export const deflateHere: Deflater = (texts) => Promise.resolve(texts.map(deflateText));
