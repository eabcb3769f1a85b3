import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveLocally, type LocalServer } from './support/local-server';
import { keepPictures, REASONS } from '../../lib/pictures/keep-pictures';
import { sha256Hex } from '../../lib/pictures/fetch-picture';
import { PictureStore } from '../../lib/pictures/picture-store';
import { pictureSources, withLocalPictures } from '../../lib/pictures/picture-sources';
import type { Library } from '../../lib/library/library';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** A JPEG-signed file of `size` bytes, different for each `seed`. */
const jpeg = (size: number, seed: number) => {
  const b = Buffer.alloc(size, seed);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
};

const doc = new JSDOM('').window.document;
let server: LocalServer;
let base: string;

beforeAll(async () => {
  server = await serveLocally((req, res) => {
    const m = /^\/(\d+)k-(\d+)\.jpg$/.exec(req.url ?? '');
    if (m) return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg(Number(m[1]) * 1024, Number(m[2])));
    if (req.url?.startsWith('/a.png') || req.url === '/same.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    res.writeHead(404).end();
  });
  base = server.origin;
});

afterAll(() => {
  server.close();
});

let store: PictureStore;
let library: Library;
beforeEach(() => {
  store = new PictureStore(new IDBFactory());
  library = freshLibrary().library;
});

const options = () => ({ library, store, fetch: globalThis.fetch as never });

describe('which pictures an article shows', () => {
  it('takes each img src, the widest srcset candidate where there is no web src, and the lead image, once each', () => {
    const html = `<p><img src="${base}/a.png"><img src="data:image/png;base64,AA" srcset="${base}/s.jpg 400w, ${base}/l.jpg 1200w, ${base}/m.jpg 800w"><img src="${base}/a.png"></p>`;
    expect(pictureSources(html, `${base}/lead.jpg`, doc)).toEqual([`${base}/a.png`, `${base}/l.jpg`, `${base}/lead.jpg`]);
    expect(pictureSources('<img src="javascript:x"><img srcset="ftp://x/a.jpg 2x">', 'file:///etc/x.png', doc)).toEqual([]);
  });

  it('points each kept picture at its local copy, dropping what would make the browser fetch another', () => {
    const html = `<picture><source srcset="${base}/a.webp"><img src="${base}/a.png" srcset="${base}/a2.png 2x" sizes="50vw"></picture><img src="${base}/other.png">`;
    const out = withLocalPictures(html, new Map([[`${base}/a.png`, 'blob:x/1']]), doc);
    expect(out).toBe(`<picture><img src="blob:x/1"></picture><img src="${base}/other.png">`);
  });
});

describe('keepPictures', () => {
  it('stores the pictures of a saved article and names them in its record, with each failure and its reason', async () => {
    const saved = await library.save(sampleArticle());
    const sources = [`${base}/a.png`, `${base}/2k-1.jpg`, `${base}/missing.png`];
    const outcome = await keepPictures(saved, sources, options());
    expect(outcome.kept).toBe(2);
    expect(outcome.noRoom).toBe(false);
    expect(outcome.failures).toEqual([{ src: `${base}/missing.png`, reason: 'the server answered 404' }]);
    const record = await library.get(saved.id);
    expect(record?.pictures).toEqual([
      { src: `${base}/a.png`, hash: await sha256Hex(new Uint8Array(PNG)), type: 'image/png', size: PNG.length },
      { src: `${base}/2k-1.jpg`, hash: await sha256Hex(new Uint8Array(jpeg(2048, 1))), type: 'image/jpeg', size: 2048 },
    ]);
    expect(record?.pictureFailures).toEqual(outcome.failures);
    expect(await store.footprint()).toEqual({ pictures: 2, bytes: PNG.length + 2048 });
  });

  it('keeps pictures up to the article limit, in the order the article shows them', async () => {
    const saved = await library.save(sampleArticle());
    const limits = { maxPictureBytes: 10 * 1024, maxArticleBytes: 5 * 1024, timeoutMs: 5000 };
    const sources = [`${base}/2k-1.jpg`, `${base}/2k-2.jpg`, `${base}/2k-3.jpg`, `${base}/20k-4.jpg`];
    const outcome = await keepPictures(saved, sources, { ...options(), limits });
    expect(outcome.kept).toBe(2);
    expect(outcome.failures).toEqual([
      { src: `${base}/2k-3.jpg`, reason: REASONS.overArticleLimit },
      { src: `${base}/20k-4.jpg`, reason: 'larger than 0 MB' },
    ]);
  });

  it('counts a picture two articles share once, and frees it with the last of them', async () => {
    const one = await library.save(sampleArticle({ url: 'https://news.example/1', canonicalUrl: '' }));
    const two = await library.save(sampleArticle({ url: 'https://news.example/2', canonicalUrl: '' }));
    await keepPictures(one, [`${base}/same.png`, `${base}/1k-1.jpg`], options());
    await keepPictures(two, [`${base}/same.png`], options());
    expect(await store.footprint()).toEqual({ pictures: 2, bytes: PNG.length + 1024 });
    await store.release([one.id]);
    await store.sweep();
    expect(await store.footprint()).toEqual({ pictures: 1, bytes: PNG.length });
  });

  it('when the browser has no room, stores no picture and leaves the article saved with its links, saying why', async () => {
    const saved = await library.save(sampleArticle());
    const full = {
      keep: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
      sweep: store.sweep.bind(store),
      release: store.release.bind(store),
    };
    const outcome = await keepPictures(saved, [`${base}/a.png`, `${base}/missing.png`], { ...options(), store: full });
    expect(outcome.noRoom).toBe(true);
    expect(outcome.kept).toBe(0);
    const record = await library.get(saved.id);
    expect(record?.contentHtml).toBe(saved.contentHtml);
    expect(record?.pictures).toEqual([]);
    expect(record?.pictureFailures).toEqual([
      { src: `${base}/missing.png`, reason: 'the server answered 404' },
      { src: `${base}/a.png`, reason: REASONS.noRoom },
    ]);
    expect(await store.footprint()).toEqual({ pictures: 0, bytes: 0 });
  });

  it('gives up on pictures still out when the save’s budget runs out', async () => {
    const saved = await library.save(sampleArticle());
    const never: typeof fetch = (_url, init) =>
      new Promise((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))));
    const outcome = await keepPictures(saved, [`${base}/a.png`], { ...options(), fetch: never as never, budgetMs: 50 });
    expect(outcome.kept).toBe(0);
    expect(outcome.failures).toEqual([{ src: `${base}/a.png`, reason: 'the server did not answer in time' }]);
  });

  it('frees the pictures a re-save no longer shows', async () => {
    const saved = await library.save(sampleArticle());
    await keepPictures(saved, [`${base}/1k-1.jpg`, `${base}/1k-2.jpg`], options());
    const again = await library.save(sampleArticle());
    expect(again.pictures).toHaveLength(2);
    await keepPictures(again, [`${base}/1k-2.jpg`], options());
    expect(await store.footprint()).toEqual({ pictures: 1, bytes: 1024 });
    expect((await library.get(saved.id))?.pictures.map((p) => p.src)).toEqual([`${base}/1k-2.jpg`]);
  });
});
