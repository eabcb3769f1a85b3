import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/pictures/fetch-picture';
import type { Picture } from '../../lib/pictures/picture';
import { PictureStore } from '../../lib/pictures/picture-store';
import { pictureLookup, StoredPictures } from '../../lib/pictures/picture-lookup';

/** A PNG-signed picture of `size` bytes whose content differs with `seed`. */
async function picture(seed: number, size = 100): Promise<Picture> {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  bytes[size - 1] = seed;
  return { hash: await sha256Hex(bytes), type: 'image/png', bytes };
}

let store: PictureStore;
beforeEach(() => {
  store = new PictureStore(new IDBFactory());
});

describe('PictureStore', () => {
  it('gives back the bytes it kept, by hash', async () => {
    const a = await picture(1);
    await store.keep('art1', [a]);
    const got = await store.getMany([a.hash, 'f'.repeat(64)]);
    expect([...got.keys()]).toEqual([a.hash]);
    expect(got.get(a.hash)?.type).toBe('image/png');
    expect(Array.from(got.get(a.hash)!.bytes)).toEqual(Array.from(a.bytes));
  });

  it('keeps one copy of a picture two articles share, and counts it once', async () => {
    const shared = await picture(1, 1000);
    const own = await picture(2, 300);
    await store.keep('art1', [shared]);
    await store.keep('art2', [shared, own]);
    expect(await store.footprint()).toEqual({ pictures: 2, bytes: 1300 });
  });

  it('frees a picture only when the last article using it is gone', async () => {
    const shared = await picture(1);
    const own = await picture(2);
    await store.keep('art1', [shared, own]);
    await store.keep('art2', [shared]);
    const rows = await store.release(['art1']);
    expect(rows).toEqual([{ id: 'art1', hashes: [shared.hash, own.hash] }]);
    expect(await store.sweep()).toBe(1);
    expect(await store.has([shared.hash, own.hash])).toEqual(new Set([shared.hash]));
    await store.release(['art2']);
    expect(await store.sweep([shared.hash])).toBe(1);
    expect(await store.footprint()).toEqual({ pictures: 0, bytes: 0 });
  });

  it('lets an undone delete take its pictures back before the sweep', async () => {
    const a = await picture(1);
    await store.keep('art1', [a]);
    const rows = await store.release(['art1']);
    await store.own(rows);
    expect(await store.sweep()).toBe(0);
    expect(await store.owner('art1')).toEqual({ id: 'art1', hashes: [a.hash] });
  });

  it('says which pictures a re-save stopped using, and sweeps only those no one else uses', async () => {
    const old = await picture(1);
    const kept = await picture(2);
    const fresh = await picture(3);
    await store.keep('art1', [old, kept]);
    const dropped = await store.keep('art1', [kept, fresh]);
    expect(dropped).toEqual([old.hash]);
    expect(await store.sweep(dropped)).toBe(1);
    expect(await store.has([old.hash, kept.hash, fresh.hash])).toEqual(new Set([kept.hash, fresh.hash]));
  });

  it('writes all of a keep or nothing', async () => {
    const a = await picture(1);
    // A value that cannot be stored fails the transaction, as a full disk does.
    const bad = { hash: 'b'.repeat(64), type: 'image/png', bytes: (() => 1) as unknown as Uint8Array } as Picture;
    await expect(store.keep('art1', [a, bad])).rejects.toThrow();
    expect(await store.has([a.hash])).toEqual(new Set());
    expect(await store.owner('art1')).toBeUndefined();
  });

  it('stores pictures before their articles, and a sweep frees those no article claimed', async () => {
    const a = await picture(1);
    const b = await picture(2);
    await store.add([a, b]);
    await store.own([{ id: 'art1', hashes: [a.hash] }]);
    expect(await store.sweep()).toBe(1);
    expect(await store.has([a.hash, b.hash])).toEqual(new Set([a.hash]));
  });
});

describe('pictureLookup', () => {
  it('finds the stored copy an article names at an address, and nothing for others', async () => {
    const a = await picture(1);
    await store.keep('art1', [a]);
    const lookup = pictureLookup(store, [{ pictures: [{ src: 'https://x.example/a.png', hash: a.hash, type: a.type, size: a.bytes.byteLength }] }]);
    expect((await lookup('https://x.example/a.png'))?.hash).toBe(a.hash);
    expect(await lookup('https://x.example/other.png')).toBeNull();
  });

  it('learns the addresses of articles as an export reads them, batch by batch', async () => {
    const a = await picture(1);
    const b = await picture(2);
    await store.keep('art1', [a, b]);
    const ref = (src: string, p: Picture) => ({ src, hash: p.hash, type: p.type, size: p.bytes.byteLength });
    async function* batches() {
      yield [{ pictures: [ref('https://x.example/a.png', a)] }];
      yield [{ pictures: [ref('https://x.example/b.png', b)] }];
    }
    const stored = new StoredPictures(store);
    const seen: (string | null)[] = [];
    for await (const _batch of stored.along(batches())) {
      seen.push((await stored.lookup('https://x.example/a.png'))?.hash ?? null, (await stored.lookup('https://x.example/b.png'))?.hash ?? null);
    }
    expect(seen).toEqual([a.hash, null, a.hash, b.hash]);
  });
});
