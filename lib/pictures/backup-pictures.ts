import * as v from 'valibot';
import { sha256Hex } from './fetch-picture';
import { type Picture, PICTURE_LIMITS, RASTER_TYPES } from './picture';
import { sniffRaster } from './sniff';

/**
 * A picture as a JSON backup carries it: its hash, its type and its bytes in
 * base64. Base64 in the JSON file rather than a ZIP beside it keeps the
 * backup one file that the existing import reads, at a third more bytes.
 */
export interface BackupPicture {
  hash: string;
  type: Picture['type'];
  data: string;
}

/** Base64 of `bytes`, in slices, so a large picture never becomes one huge argument list. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x6000; // a multiple of 3: each slice encodes without padding but the last
  for (let i = 0; i < bytes.length; i += step) out += btoa(String.fromCharCode(...bytes.subarray(i, i + step)));
  return out;
}

/** The bytes of base64 `text`; throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('not base64');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function backupPicture(p: Picture): BackupPicture {
  return { hash: p.hash, type: p.type, data: toBase64(p.bytes) };
}

const BackupPictureSchema = v.object({
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'hash must be a SHA-256 in hex')),
  type: v.picklist(RASTER_TYPES, 'type must be a raster picture type'),
  // Base64 takes 4 characters for 3 bytes: anything longer is over the limit before it is decoded.
  data: v.pipe(v.string(), v.maxLength(Math.ceil(PICTURE_LIMITS.maxPictureBytes / 3) * 4, 'larger than the picture limit')),
});

/**
 * One picture of a backup, checked before it is stored: a backup is a file
 * anyone could have written, so the bytes must be a raster picture of the
 * type given (an SVG or a page never is), within the size limit, and hash
 * to the name it claims, or an article's picture could be swapped for another.
 */
export async function readBackupPicture(raw: unknown, subtle?: SubtleCrypto): Promise<{ ok: true; picture: Picture } | { ok: false; reason: string }> {
  const parsed = v.safeParse(BackupPictureSchema, raw);
  if (!parsed.success) return { ok: false, reason: parsed.issues[0]?.message ?? 'not a picture' };
  const { hash, type, data } = parsed.output;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data);
  } catch {
    return { ok: false, reason: 'its data is not base64' };
  }
  if (bytes.byteLength > PICTURE_LIMITS.maxPictureBytes) return { ok: false, reason: 'larger than the picture limit' };
  const sniffed = sniffRaster(bytes);
  if (!sniffed) return { ok: false, reason: 'not a PNG, JPEG, GIF, WebP, AVIF or BMP picture' };
  if (sniffed !== type) return { ok: false, reason: `its bytes are ${sniffed}, not ${type}` };
  if ((await sha256Hex(bytes, subtle)) !== hash) return { ok: false, reason: 'its bytes do not match its hash' };
  return { ok: true, picture: { hash, type, bytes } };
}
