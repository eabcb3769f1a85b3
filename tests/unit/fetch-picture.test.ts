import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocally, type LocalServer } from './support/local-server';
import { fetchPicture, PictureError, sha256Hex } from '../../lib/pictures/fetch-picture';
import { sniffRaster } from '../../lib/pictures/sniff';

// A 1×1 PNG, as a server would send it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let server: LocalServer;
let base: string;

beforeAll(async () => {
  server = await serveLocally((req, res) => {
    if (req.url === '/a.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    // An SVG that claims to be a PNG: the bytes decide, not the header.
    if (req.url === '/lying.png')
      return res.writeHead(200, { 'content-type': 'image/png' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    if (req.url === '/big.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      res.end(Buffer.alloc(4096));
      return;
    }
    if (req.url === '/slow.png') return; // never answers
    res.writeHead(404).end();
  });
  base = server.origin;
});

afterAll(() => {
  server.close();
});

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'kept',
    (e: unknown) => (e instanceof PictureError ? e.message : `other: ${String(e)}`),
  );

describe('fetchPicture', () => {
  it('keeps a PNG under its hash and sniffed type', async () => {
    const picture = await fetchPicture(`${base}/a.png`, { fetch });
    expect(picture.type).toBe('image/png');
    expect(picture.bytes).toEqual(new Uint8Array(PNG));
    expect(picture.hash).toBe(await sha256Hex(new Uint8Array(PNG)));
    expect(picture.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses what is not a raster picture, whatever the server says', async () => {
    expect(await reason(fetchPicture(`${base}/lying.png`, { fetch }))).toMatch(/not a PNG/);
  });

  it('says why a picture was not kept', async () => {
    expect(await reason(fetchPicture(`${base}/missing.png`, { fetch }))).toBe('the server answered 404');
    expect(await reason(fetchPicture(`${base}/big.png`, { fetch, maxBytes: 1024 }))).toMatch(/larger than/);
    expect(await reason(fetchPicture(`${base}/slow.png`, { fetch, timeoutMs: 200 }))).toBe('the server did not answer in time');
    expect(await reason(fetchPicture('http://127.0.0.1:1/x.png', { fetch }))).toBe('could not be reached');
  });

  it('fetches nothing that is not http(s)', async () => {
    let called = 0;
    const counting = (...args: Parameters<typeof fetch>) => {
      called++;
      return fetch(...args);
    };
    for (const src of ['file:///etc/passwd', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'ftp://127.0.0.1/a.png']) {
      expect(await reason(fetchPicture(src, { fetch: counting }))).toBe('not a web address');
    }
    expect(called).toBe(0);
  });
});

describe('sniffRaster', () => {
  it('names the formats by their first bytes', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(sniffRaster(new Uint8Array(PNG))).toBe('image/png');
    expect(sniffRaster(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffRaster(bytes('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffRaster(bytes('RIFF\x00\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffRaster(bytes('\x00\x00\x00\x1cftypavif'))).toBe('image/avif');
    expect(sniffRaster(bytes('<svg></svg>'))).toBeNull();
    expect(sniffRaster(bytes('<!doctype html>'))).toBeNull();
    expect(sniffRaster(new Uint8Array())).toBeNull();
  });
});
