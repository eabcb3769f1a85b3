import { deflateSync } from 'node:zlib';
import { encode as encodeJpeg } from 'jpeg-js';
import { crc32 } from '../../../lib/export/deflate';
import { sha256Hex } from '../../../lib/pictures/fetch-picture';
import type { Picture, PictureLookup, RasterType } from '../../../lib/pictures/picture';

/** Pixels of one colour with a little noise, so two pictures of different seeds differ in their bytes. */
function pixels(width: number, height: number, seed: number, channels: 3 | 4): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  let x = seed * 2654435761;
  for (let i = 0; i < out.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = channels === 4 && i % 4 === 3 ? 255 : (seed * 37 + (x >>> 24)) & 0xff;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real RGB PNG, encoded here (zlib and the CRC are all a PNG needs). */
export function pngBytes(width = 4, height = 3, seed = 1): Uint8Array {
  const rgb = pixels(width, height, seed, 3);
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A real baseline JPEG, from jpeg-js's encoder. */
export function jpegBytes(width = 8, height = 8, seed = 2): Uint8Array {
  return new Uint8Array(encodeJpeg({ width, height, data: pixels(width, height, seed, 4) }, 80).data);
}

/** The smallest GIF: one transparent pixel. */
export const GIF = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

export async function pictureOf(bytes: Uint8Array, type: RasterType): Promise<Picture> {
  return { hash: await sha256Hex(bytes), type, bytes };
}

/** A lookup that answers from a table of addresses, as the picture store does, and counts what it was asked. */
export function fakeLookup(table: Record<string, Picture>): PictureLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (src: string) => {
    asked.push(src);
    return table[src] ?? null;
  };
  return Object.assign(lookup, { asked });
}

/** A lossless 1×1 WebP. */
export const WEBP = new Uint8Array(Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'));
