import { isWebAddress } from '../web-address';
import { PICTURE_LIMITS, type Picture } from './picture';
import { sniffRaster } from './sniff';

export type FetchLike = (url: string, init: { signal: AbortSignal; credentials: 'omit'; redirect: 'follow' }) => Promise<Response>;

export interface FetchPictureOptions {
  fetch: FetchLike;
  /** The platform's SHA-256 (crypto.subtle in pages, workers and Node alike). */
  subtle?: SubtleCrypto;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Why a picture was not kept; `reason` is shown to the reader as it is. */
export class PictureError extends Error {}

export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The body, read as it arrives and given up on past `max` bytes, so a huge file never sits whole in memory. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) throw new PictureError(`larger than ${Math.round(max / 1048576)} MB`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new PictureError(`larger than ${Math.round(max / 1048576)} MB`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Fetch one picture over http(s) with a time limit and a size cap, without
 * cookies, and keep it only when its bytes are a raster image. Throws a
 * PictureError whose message says why not.
 */
export async function fetchPicture(src: string, options: FetchPictureOptions): Promise<Picture> {
  if (!isWebAddress(src)) throw new PictureError('not a web address');
  const max = options.maxBytes ?? PICTURE_LIMITS.maxPictureBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? PICTURE_LIMITS.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(src, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    } catch {
      throw new PictureError(controller.signal.aborted ? 'the server did not answer in time' : 'could not be reached');
    }
    if (!response.ok) throw new PictureError(`the server answered ${response.status}`);
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, max);
    } catch (e) {
      if (e instanceof PictureError) throw e;
      throw new PictureError(controller.signal.aborted ? 'the server did not answer in time' : 'the download broke off');
    }
    const type = sniffRaster(bytes);
    if (!type) throw new PictureError('not a PNG, JPEG, GIF, WebP, AVIF or BMP picture');
    return { hash: await sha256Hex(bytes, options.subtle), type, bytes };
  } finally {
    clearTimeout(timer);
  }
}
