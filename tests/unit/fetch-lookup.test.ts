import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocally, type LocalServer } from './support/local-server';
import { fetchingLookup, lookupOf } from '../../lib/pictures/fetch-lookup';
import { pngBytes } from './support/pictures';

const PICTURE = pngBytes(64, 64, 5);

let server: LocalServer;
let base: string;
let open = 0;
let most = 0;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = await serveLocally((req, res) => {
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    open++;
    most = Math.max(most, open);
    // Answered a little later, so downloads overlap as they do on the web.
    setTimeout(() => {
      open--;
      if (req.url!.startsWith('/p/')) res.writeHead(200, { 'content-type': 'image/png' }).end(PICTURE);
      else res.writeHead(404).end();
    }, 30);
  });
  base = server.origin;
});

afterAll(() => {
  server.close();
});

const fetchHere = (url: string, init: RequestInit) => fetch(url, init);

describe('fetchingLookup', () => {
  it('downloads a few at a time, each address once', async () => {
    most = 0;
    const { lookup, failures } = fetchingLookup({ fetch: fetchHere, concurrency: 3 });
    const addresses = Array.from({ length: 12 }, (_, i) => `${base}/p/${i}.png`);
    const answers = await Promise.all([...addresses, ...addresses].map(lookup));
    expect(answers.every((p) => p !== null && p.type === 'image/png')).toBe(true);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
    for (const a of addresses) expect(hits.get(new URL(a).pathname)).toBe(1);
    expect(failures.size).toBe(0);
  });

  it('stops at the article’s total, saying why, and says why a missing picture is missing', async () => {
    // Room for two of the pictures, not three.
    const { lookup, failures } = fetchingLookup({ fetch: fetchHere, concurrency: 1, maxTotalBytes: PICTURE.length * 2 + 10 });
    const kept = [];
    for (const name of ['a', 'b', 'c']) kept.push(await lookup(`${base}/p/total-${name}.png`));
    expect(kept.map((p) => p !== null)).toEqual([true, true, false]);
    expect(failures.get(`${base}/p/total-c.png`)).toMatch(/together/);
    expect(await lookup(`${base}/none.png`)).toBeNull();
    expect(failures.get(`${base}/none.png`)).toMatch(/404/);
    expect(await lookup('file:///etc/passwd')).toBeNull();
    expect(failures.get('file:///etc/passwd')).toBe('not a web address');
  });

  it('lookupOf answers from pictures already fetched', async () => {
    const { lookup } = fetchingLookup({ fetch: fetchHere });
    const picture = (await lookup(`${base}/p/again.png`))!;
    const memory = lookupOf(new Map([[`${base}/p/again.png`, picture]]));
    expect(await memory(`${base}/p/again.png`)).toBe(picture);
    expect(await memory(`${base}/p/other.png`)).toBeNull();
  });
});
