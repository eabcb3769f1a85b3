// The pictures part of `npm run bench:library`: saving with pictures, and a library of articles that keep theirs.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/support/browser';
import { drawPictures } from '../e2e/support/pictures';
import type { FixtureServer } from '../e2e/support/server';
import { generateArticles, seedLibrary } from '../e2e/support/library-data';
import type { SavedArticle } from '../../lib/library/saved-article';

/** The grant a reader gives when turning "Keep pictures" on (see tests/e2e/support/browser.ts). */
export const PICTURE_HOSTS = ['http://*/*', 'https://*/*'];

/** Turn "Keep pictures" on or off from the options page, as a reader clicks it. */
export async function setKeepPictures(browser: ExtensionBrowser, on: boolean): Promise<void> {
  const page = await browser.ctx.newPage();
  try {
    await page.goto(browser.extensionUrl('options.html'));
    const box = page.getByTestId('keep-pictures');
    await page.waitForFunction(() => document.querySelector('[data-testid=keep-pictures]') !== null);
    // The page reads the setting after its first paint: wait until it has, or the click would undo it.
    await page.waitForTimeout(300);
    if ((await box.isChecked()) === on) return;
    await box.click();
    await page.waitForFunction((want) => (document.querySelector('[data-testid=keep-pictures]') as HTMLInputElement).checked === want, on);
    await page.getByTestId('pictures-status').filter({ hasText: /\S/ }).waitFor();
  } finally {
    await page.close();
  }
}

/** The AMP seed page with `count` figures of its own after the first paragraph, each a picture served at `/bench/pic/<save>-<k>.jpg`. */
export function withFigures(amp: string, save: number, count: number): string {
  const figures = Array.from(
    { length: count },
    (_, k) =>
      `<figure><img src="/bench/pic/${save}-${k}.jpg" alt="Figure ${k + 1}" width="800" height="500"><figcaption>Figure ${k + 1} of the story.</figcaption></figure>`,
  ).join('\n');
  return amp.replace(/(<article class="amp-wp-article">[\s\S]*?<\/p>)/, `$1\n${figures}`);
}

/** Serve the pictures of `saves` saves with `perSave` figures each, drawn by the browser: 800×500 JPEGs of some tens of kB. */
export async function servePictures(page: Page, server: FixtureServer, saves: number[], perSave: number): Promise<number> {
  const specs = saves.flatMap((s) =>
    Array.from({ length: perSave }, (_, k) => ({ type: 'image/jpeg' as const, seed: s * 100 + k + 7, width: 800, height: 500, shapes: 400 })),
  );
  const drawn = await drawPictures(page, specs);
  let bytes = 0;
  saves.forEach((s, i) => {
    for (let k = 0; k < perSave; k++) {
      const picture = drawn[i * perSave + k]!;
      bytes += picture.byteLength;
      server.routeFile(`/bench/pic/${s}-${k}.jpg`, picture, 'image/jpeg');
    }
  });
  return bytes / drawn.length;
}

interface PoolPicture {
  path: string;
  hash: string;
  size: number;
}

/**
 * `count` saved articles with `perArticle` kept pictures each, as saving with
 * pictures leaves them: one picture shared by every article of a site (its
 * logo), one shared by ten articles (an agency photo) and the rest their own.
 * The pictures are served here and fetched by the extension page from
 * 127.0.0.1, hashed and written into the extension's picture database (which
 * a save with pictures has created already). Returns the bytes the articles'
 * pictures come to when each article's are counted apart.
 */
export async function seedPictureArticles(page: Page, server: FixtureServer, count: number, perArticle: number, firstNumber: number): Promise<number> {
  const own = Math.max(0, perArticle - 2);
  const paths: string[] = [];
  for (let s = 0; s < 8; s++) paths.push(`/pool/logo-${s}.png`);
  for (let g = 0; g < Math.ceil(count / 10); g++) paths.push(`/pool/agency-${g}.jpg`);
  for (let n = 0; n < count; n++) for (let k = 0; k < own; k++) paths.push(`/pool/own-${n}-${k}.jpg`);
  for (let i = 0; i < paths.length; i += 500) {
    const slice = paths.slice(i, i + 500);
    const drawn = await drawPictures(
      page,
      slice.map((p, j) => ({
        type: p.endsWith('.png') ? 'image/png' : 'image/jpeg',
        seed: i + j + 1,
        width: p.includes('logo') ? 120 : 480,
        height: p.includes('logo') ? 40 : 300,
        shapes: p.includes('logo') ? 10 : 200,
      })),
    );
    slice.forEach((p, j) => server.routeFile(p, drawn[j]!, p.endsWith('.png') ? 'image/png' : 'image/jpeg'));
  }
  // Fetched and stored by the extension page, 200 at a time, in the picture store's own layout.
  const stored: PoolPicture[] = [];
  for (let i = 0; i < paths.length; i += 200) {
    const slice = paths.slice(i, i + 200).map((p) => server.url(p));
    stored.push(
      ...(await page.evaluate(async (urls) => {
        const pictures = await Promise.all(
          urls.map(async (url) => {
            const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
            const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            const hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
            return { hash, type: url.endsWith('.png') ? 'image/png' : 'image/jpeg', size: bytes.byteLength, bytes };
          }),
        );
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('clean-copy-pictures');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('pictures', 'readwrite');
          for (const p of pictures) tx.objectStore('pictures').put(p);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
        return pictures.map((p, k) => ({ path: new URL(urls[k]!).pathname, hash: p.hash, size: p.size }));
      }, slice)),
    );
  }
  const byPath = new Map(stored.map((p) => [p.path, p]));
  let counted = 0;
  const records: SavedArticle[] = generateArticles(count, { textLength: 5000, start: Date.parse('2023-01-01T00:00:00Z') }).map((r, n) => {
    const number = firstNumber + n;
    const url = `https://pictures${n % 8}.example/story/${number}`;
    const uses = [
      `/pool/logo-${n % 8}.png`,
      `/pool/agency-${Math.floor(n / 10)}.jpg`,
      ...Array.from({ length: own }, (_, k) => `/pool/own-${n}-${k}.jpg`),
    ].slice(0, perArticle);
    const refs = uses.map((p) => {
      const s = byPath.get(p)!;
      counted += s.size;
      return { src: server.url(p), hash: s.hash, type: (p.endsWith('.png') ? 'image/png' : 'image/jpeg') as 'image/png' | 'image/jpeg', size: s.size };
    });
    const figures = refs.map((ref, k) => `<figure><img src="${ref.src}" alt="Picture ${k + 1}" width="320" height="200"></figure>`).join('');
    return {
      ...r,
      id: `p${number.toString(36)}`,
      url,
      canonicalUrl: url,
      title: `${r.title} (pictured ${number})`,
      contentHtml: figures + r.contentHtml,
      pictures: refs,
    };
  });
  await seedLibrary(page, records, 250);
  await page.evaluate(
    async (rows) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('clean-copy-pictures');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('owners', 'readwrite');
        for (const row of rows) tx.objectStore('owners').put(row);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    records.map((r) => ({ id: r.id, hashes: [...new Set(r.pictures.map((p) => p.hash))] })),
  );
  return counted;
}

/** The picture store's footprint as the extension counts it (PictureStore.footprint): each stored picture once. */
export async function pictureFootprint(page: Page): Promise<{ pictures: number; bytes: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('clean-copy-pictures');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const total = { pictures: 0, bytes: 0 };
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('pictures', 'readonly');
      const cursor = tx.objectStore('pictures').index('bySize').openKeyCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        total.pictures++;
        total.bytes += Number(c.key);
        c.continue();
      };
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return total;
  });
}
