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

/**
 * Why a picture was not kept, as stored in the record (in English, so exports
 * and backups read the same everywhere); the pages put each one into the
 * reader's language (components/picture-reason.ts).
 */
export const FETCH_REASONS = {
  notWebAddress: 'not a web address',
  timedOut: 'the server did not answer in time',
  unreachable: 'could not be reached',
  brokeOff: 'the download broke off',
  notRaster: 'not a PNG, JPEG, GIF, WebP, AVIF or BMP picture',
  tooLarge: (maxBytes: number) => `larger than ${Math.round(maxBytes / 1048576)} MB`,
  status: (code: number) => `the server answered ${code}`,
} as const;

/** Why a picture was not kept; its message is one of FETCH_REASONS. */
export class PictureError extends Error {}

export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The body, read as it arrives and given up on past `max` bytes, so a huge file never sits whole in memory. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) throw new PictureError(FETCH_REASONS.tooLarge(max));
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
      throw new PictureError(FETCH_REASONS.tooLarge(max));
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
  if (!isWebAddress(src)) throw new PictureError(FETCH_REASONS.notWebAddress);
  const max = options.maxBytes ?? PICTURE_LIMITS.maxPictureBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? PICTURE_LIMITS.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(src, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    } catch {
      throw new PictureError(controller.signal.aborted ? FETCH_REASONS.timedOut : FETCH_REASONS.unreachable);
    }
    if (!response.ok) throw new PictureError(FETCH_REASONS.status(response.status));
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, max);
    } catch (e) {
      if (e instanceof PictureError) throw e;
      throw new PictureError(controller.signal.aborted ? FETCH_REASONS.timedOut : FETCH_REASONS.brokeOff);
    }
    const type = sniffRaster(bytes);
    if (!type) throw new PictureError(FETCH_REASONS.notRaster);
    return { hash: await sha256Hex(bytes, options.subtle), type, bytes };
  } finally {
    clearTimeout(timer);
  }
}
