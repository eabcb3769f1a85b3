import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportToBytes } from '../../lib/export/bulk-export';
import { strFromU8 } from 'fflate';
import { importBackup, type ImportOptions } from '../../lib/library/import-backup';
import type { Library } from '../../lib/library/library';
import { fromBase64, readBackupPicture, toBase64 } from '../../lib/pictures/backup-pictures';
import { sha256Hex } from '../../lib/pictures/fetch-picture';
import type { Picture } from '../../lib/pictures/picture';
import { PictureStore } from '../../lib/pictures/picture-store';
import { sanitizeHtml } from '../../lib/sanitize';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const win = new JSDOM('').window as unknown as Window;
const NOW = new Date('2026-02-03T04:05:06.000Z');

/** A PNG-signed picture whose bytes differ with `seed`, of `size` bytes. */
async function picture(seed: number, size = 300): Promise<Picture> {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + seed) % 256);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { hash: await sha256Hex(bytes), type: 'image/png', bytes };
}

let library: Library;
let store: PictureStore;
beforeEach(() => {
  library = freshLibrary().library;
  store = new PictureStore(new IDBFactory());
});

const options = (): ImportOptions => ({ sanitize: (html) => sanitizeHtml(html, win), now: () => NOW, pictures: store });

/** Two articles sharing one picture, one with a picture of its own, as a save with pictures leaves them. */
async function fill(): Promise<Picture[]> {
  const shared = await picture(1);
  const own = await picture(2, 70_000);
  for (const [i, pictures] of [[shared], [shared, own]].entries()) {
    const saved = await library.save(
      sampleArticle({ canonicalUrl: `https://a.example/${i}`, contentHtml: `<p>Story ${i}</p><img src="https://a.example/${i}.png">` }),
    );
    await store.keep(saved.id, pictures);
    await library.setPictures(
      saved.id,
      pictures.map((p, j) => ({ src: `https://a.example/${i}-${j}.png`, hash: p.hash, type: p.type, size: p.bytes.byteLength })),
      [{ src: 'https://a.example/gone.png', reason: 'the server answered 404' }],
    );
  }
  return [shared, own];
}

const backupOf = async () => {
  const ids = (await library.list()).map((e) => e.id);
  const file = await exportToBytes(await library.getMany(ids), 'json', { now: NOW, win, keptPictures: (h) => store.getMany(h) });
  return strFromU8(file.data);
};

describe('base64', () => {
  it('round-trips bytes of any length, and refuses what is not base64', () => {
    for (const n of [0, 1, 2, 3, 0x6000, 0x6001, 100_000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7) % 256);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
    expect(() => fromBase64('no!')).toThrow();
  });
});

describe('a JSON backup with pictures', () => {
  it('carries each picture the articles use once, after the articles', async () => {
    const [shared, own] = await fill();
    const doc = JSON.parse(await backupOf()) as { articles: { pictures: { hash: string }[] }[]; pictures: { hash: string; type: string; data: string }[] };
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'articles', 'pictures']);
    expect(doc.pictures.map((p) => p.hash).sort()).toEqual([shared!.hash, own!.hash].sort());
    expect(fromBase64(doc.pictures.find((p) => p.hash === own!.hash)!.data)).toEqual(own!.bytes);
  });

  it('export → wipe → import → export gives the same bytes, pictures and all', async () => {
    await fill();
    const first = await backupOf();
    await fakeBrowser.storage.local.clear();
    store = new PictureStore(new IDBFactory());
    const report = await importBackup(library, first, options());
    expect(report).toMatchObject({ imported: 2, updated: 0, skipped: [], pictures: 2 });
    expect(report.badPictures).toBeUndefined();
    expect(await backupOf()).toBe(first);
    expect(await store.footprint()).toEqual({ pictures: 2, bytes: 300 + 70_000 });
    // The restored pictures are owned: a sweep keeps them.
    expect(await store.sweep()).toBe(0);
  });

  it('reports a damaged or disguised picture, imports the rest, and leaves its articles with links', async () => {
    const [shared, own] = await fill();
    const doc = JSON.parse(await backupOf()) as { pictures: { hash: string; type: string; data: string }[] };
    const at = doc.pictures.findIndex((p) => p.hash === own!.hash);
    // Bytes that are not the ones hashed.
    doc.pictures[at]!.data = toBase64((await picture(9, 70_000)).bytes);
    // An SVG (script and all) claiming to be a PNG.
    doc.pictures.push({ hash: 'a'.repeat(64), type: 'image/png', data: toBase64(new TextEncoder().encode('<svg><script>1</script></svg>')) });
    await fakeBrowser.storage.local.clear();
    store = new PictureStore(new IDBFactory());
    const report = await importBackup(library, JSON.stringify(doc), options());
    expect(report.imported).toBe(2);
    expect(report.pictures).toBe(1);
    expect(report.badPictures).toEqual([
      { index: at, reason: 'its bytes do not match its hash' },
      { index: doc.pictures.length - 1, reason: 'not a PNG, JPEG, GIF, WebP, AVIF or BMP picture' },
    ]);
    const second = (await library.getMany((await library.list()).map((e) => e.id))).find((a) => a.pictures.length === 1 && a.pictureFailures.length === 2);
    expect(second?.pictures.map((p) => p.hash)).toEqual([shared!.hash]);
    expect(second?.pictureFailures[1]).toEqual({ src: 'https://a.example/1-1.png', reason: 'not in the backup, or refused by its checks' });
    expect(await store.has([shared!.hash, own!.hash])).toEqual(new Set([shared!.hash]));
  });

  it('refuses a picture whose type is not what its bytes are', async () => {
    const p = await picture(3);
    expect(await readBackupPicture({ hash: p.hash, type: 'image/jpeg', data: toBase64(p.bytes) })).toEqual({
      ok: false,
      reason: 'its bytes are image/png, not image/jpeg',
    });
    expect(await readBackupPicture({ hash: p.hash, type: 'image/svg+xml', data: toBase64(p.bytes) })).toMatchObject({ ok: false });
    expect(await readBackupPicture({ hash: p.hash, type: 'image/png', data: toBase64(p.bytes) })).toMatchObject({ ok: true });
  });
});
