import { posix } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../lib/article';
import { exportBulk, exportToBytes, type BulkFormat, type ZipHelper } from '../../lib/export/bulk-export';
import { deflateHere } from '../../lib/export/deflate';
import { exportOne, exportOneWithPictures, FORMATS } from '../../lib/export/formats';
import { embedPictures, gatherPictures, type ParsingWindow } from '../../lib/pictures/gather';
import type { Picture } from '../../lib/pictures/picture';
import { sampleArticle } from './support/article';
import { epubcheck } from './support/epubcheck';
import { fakeLookup, GIF, jpegBytes, pictureOf, pngBytes, WEBP } from './support/pictures';

const win = new JSDOM('').window as unknown as Window;
const parsing = win as unknown as ParsingWindow;
const NOW = new Date('2026-02-03T04:05:06.789Z');

let png: Picture;
let jpeg: Picture;
let gif: Picture;
let avif: Picture;
let table: Record<string, Picture>;

beforeAll(async () => {
  png = await pictureOf(pngBytes(), 'image/png');
  jpeg = await pictureOf(jpegBytes(), 'image/jpeg');
  gif = await pictureOf(GIF, 'image/gif');
  // AVIF is no EPUB core media type: the book must leave it a link.
  avif = await pictureOf(new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0]), 'image/avif');
  table = {
    'https://city.example/tram.jpg': jpeg,
    'https://city.example/map-1600.png': png,
    'https://city.example/same-as-map.png': png,
    'https://city.example/pic.gif': gif,
    'https://city.example/lead.jpg': jpeg,
    'https://city.example/new.avif': avif,
  };
});

/** An article with pictures of every kind an export meets: plain, srcset, picture>source, relative, shared, missing. */
function withPictures(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return sampleArticle({
    url: 'https://city.example/news/trams',
    leadImage: 'https://city.example/lead.jpg',
    contentHtml:
      '<p>The council voted on Tuesday.</p>' +
      '<figure><img src="https://city.example/tram.jpg" alt="A tram"><figcaption>The new tram</figcaption></figure>' +
      '<p><img src="https://city.example/map-400.png" srcset="https://city.example/map-400.png 400w, https://city.example/map-1600.png 1600w, https://city.example/map-4000.png 4000w" sizes="100vw" alt="Map"></p>' +
      '<picture><source srcset="https://city.example/pic.webp" type="image/webp"><source srcset="https://city.example/pic.gif"><img src="https://city.example/pic-fallback.jpg" alt="Dot"></picture>' +
      '<p><img src="https://city.example/same-as-map.png" alt="The map again"> and <img src="https://city.example/gone.png" alt="Gone"></p>' +
      '<p><a href="https://city.example/big"><img src="https://city.example/new.avif" alt="New format"></a></p>',
    ...over,
  });
}

/** Every picture address an HTML file would load: src and srcset of img and source. */
function pictureAddresses(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('img, source'))) {
    for (const name of ['src', 'srcset']) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out;
}

const zipOf = (data: Uint8Array) => unzipSync(data);

describe('gathering an article’s pictures', () => {
  it('asks for the sensible srcset candidate, the src and a picture’s sources, resolved; yields each stored picture once', async () => {
    const lookup = fakeLookup(table);
    const gathered = await gatherPictures(withPictures(), lookup, parsing);
    // The 1600w candidate beats the 400w src and the print-size 4000w one.
    expect(lookup.asked).toContain('https://city.example/map-1600.png');
    expect(lookup.asked).not.toContain('https://city.example/map-4000.png');
    expect(lookup.asked).toContain('https://city.example/pic.gif');
    expect(lookup.asked).toContain('https://city.example/lead.jpg');
    // Two addresses with the same bytes, and the lead image that is the tram, are one picture each.
    expect(gathered.pictures.map((p) => p.hash)).toEqual([jpeg.hash, png.hash, gif.hash, avif.hash]);
    expect(gathered.lead?.hash).toBe(jpeg.hash);
    expect(gathered.missing).toEqual(['https://city.example/gone.png']);
  });

  it('reads relative addresses against the article’s and asks only about web addresses', async () => {
    const lookup = fakeLookup(table);
    const a = withPictures({
      contentHtml: `<img src="../pic.gif" alt="Dot"><img src="data:image/png;base64,${Buffer.from(png.bytes).toString('base64')}" alt="Inline"><img src="ftp://city.example/x.png">`,
      leadImage: undefined,
    });
    const gathered = await gatherPictures(a, lookup, parsing);
    expect(lookup.asked).toEqual(['https://city.example/pic.gif']);
    expect(gathered.pictures).toEqual([gif]);
    expect(gathered.missing).toEqual([]);
  });

  it('asks about each address once, and a failing lookup leaves the picture a link', async () => {
    const asked: string[] = [];
    // The same picture twice in the article: asked about once.
    const a = withPictures({ contentHtml: `${withPictures().contentHtml}<p><img src="https://city.example/tram.jpg" alt="Again"></p>` });
    const gathered = await gatherPictures(
      a,
      async (src) => {
        asked.push(src);
        if (src.endsWith('tram.jpg')) throw new Error('store closed');
        return table[src] ?? null;
      },
      parsing,
    );
    expect(asked.filter((s) => s.endsWith('tram.jpg'))).toHaveLength(1);
    expect(asked.length).toBe(new Set(asked).size);
    expect(gathered.missing).toContain('https://city.example/tram.jpg');
    expect(gathered.byAddress.has('https://city.example/tram.jpg')).toBe(false);
    // The lead image is the same picture under another address, and that one answered.
    expect(gathered.lead?.hash).toBe(jpeg.hash);
  });

  it('leaves the article untouched when the lookup has none of its pictures', async () => {
    const a = withPictures();
    const { article } = await embedPictures(a, fakeLookup({}), parsing, () => 'x');
    expect(article).toBe(a);
  });
});

describe('HTML export with pictures', () => {
  it('is one self-contained file: stored pictures as data: addresses, their srcset and sources gone', async () => {
    const file = await exportOneWithPictures(withPictures(), 'html', NOW, { pictures: fakeLookup(table), win: parsing });
    const html = file.data as string;
    const addresses = pictureAddresses(html);
    // Only the picture no store has stays remote.
    expect(addresses.filter((a) => !a.startsWith('data:'))).toEqual(['https://city.example/gone.png']);
    expect(html).toContain(`data:image/jpeg;base64,${Buffer.from(jpeg.bytes).toString('base64')}`);
    expect(html).toContain(`data:image/png;base64,${Buffer.from(png.bytes).toString('base64')}`);
    expect(html).not.toContain('sizes=');
    expect(html).not.toContain('<source');
    // The page's own policy lets data: pictures show and nothing else load.
    expect(html).toContain('img-src https: http: data:');
    expect(html).toContain('The council voted on Tuesday.');
  });

  it('without a lookup is the file it always was', async () => {
    const a = withPictures();
    expect(await exportOneWithPictures(a, 'html', NOW, { win: parsing })).toEqual(exportOne(a, 'html', NOW));
    expect(await exportOneWithPictures(a, 'md', NOW, { pictures: fakeLookup(table), win: parsing })).toEqual(exportOne(a, 'md', NOW));
  });
});

// EPUBCheck starts a Java VM for each book.
describe('EPUB export with pictures', { timeout: 60_000 }, () => {
  it('lists each picture once in the manifest with its media type, shows it from the chapters, and passes EPUBCheck', async () => {
    const second = withPictures({ canonicalUrl: 'https://city.example/second', title: 'Second story' });
    const { data } = await exportToBytes([withPictures(), second], 'epub', { now: NOW, win, pictures: fakeLookup(table) });
    const files = zipOf(data);
    const opf = strFromU8(files['OEBPS/package.opf']!);
    for (const p of [jpeg, png, gif]) {
      const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' }[p.type as string]!;
      expect(opf).toContain(`href="images/${p.hash}.${ext}" media-type="${p.type}"`);
      expect(files[`OEBPS/images/${p.hash}.${ext}`]).toEqual(p.bytes);
      expect(opf.split(`images/${p.hash}.${ext}`)).toHaveLength(2);
    }
    // A type reading systems need not show stays a link; a book of two articles has no cover.
    expect(opf).not.toContain('avif');
    expect(opf).not.toContain('cover-image');
    const chapter = strFromU8(files['OEBPS/chapter-1.xhtml']!);
    expect(chapter).toMatch(new RegExp(`<img src="images/${jpeg.hash}\\.jpg" alt="A tram" ?/>`));
    expect(chapter).toMatch(new RegExp(`<img src="images/${gif.hash}\\.gif" alt="Dot" ?/>`));
    expect(chapter).not.toContain('<picture');
    expect(chapter).toContain('<a href="https://city.example/big">[Image: New format]</a>');
    expect(chapter).toContain('<a href="https://city.example/gone.png">[Image: Gone]</a>');
    const { errors } = await epubcheck(data);
    expect(errors).toEqual([]);
  });

  it('makes the lead image the cover of a one-article book; WebP is a core type', async () => {
    const webp = await pictureOf(WEBP, 'image/webp');
    const a = withPictures({ leadImage: 'https://city.example/lead.webp' });
    const { data } = await exportToBytes([a], 'epub', { now: NOW, win, pictures: fakeLookup({ ...table, 'https://city.example/lead.webp': webp }) });
    const opf = strFromU8(zipOf(data)['OEBPS/package.opf']!);
    expect(opf).toContain(`href="images/${webp.hash}.webp" media-type="image/webp" properties="cover-image"`);
    expect((await epubcheck(data)).errors).toEqual([]);
  });
});

describe('EPUB covers', () => {
  it('a book of several articles has no cover, nor the first article’s lead image when no chapter shows it', async () => {
    const webp = await pictureOf(WEBP, 'image/webp');
    const lookup = fakeLookup({ ...table, 'https://city.example/lead.webp': webp });
    const articles = [withPictures({ leadImage: 'https://city.example/lead.webp' }), withPictures({ title: 'Second', canonicalUrl: 'https://city.example/2' })];
    const { data } = await exportToBytes(articles, 'epub', { now: NOW, win, pictures: lookup });
    const files = zipOf(data);
    expect(strFromU8(files['OEBPS/package.opf']!)).not.toMatch(/webp|cover-image/);
    expect(Object.keys(files).some((n) => n.endsWith('.webp'))).toBe(false);
  });
});

describe('ZIP export with pictures', () => {
  for (const format of ['zip-md', 'zip-html'] as const) {
    it(`${format}: an assets/ folder with each picture once, and every relative link a file in the ZIP`, async () => {
      const articles = [withPictures(), withPictures({ title: 'The same pictures again', canonicalUrl: 'https://city.example/again' })];
      const chunks: Uint8Array[] = [];
      const result = await exportBulk(
        (async function* () {
          yield articles.slice(0, 1);
          yield articles.slice(1);
        })(),
        format,
        (c) => chunks.push(c),
        { now: NOW, win, pictures: fakeLookup(table) },
      );
      expect(result.count).toBe(2);
      const files = zipOf(Buffer.concat(chunks));
      const assets = Object.keys(files).filter((n) => n.startsWith('assets/'));
      expect(assets.sort()).toEqual([`assets/${avif.hash}.avif`, `assets/${gif.hash}.gif`, `assets/${jpeg.hash}.jpg`, `assets/${png.hash}.png`].sort());
      const documents = Object.keys(files).filter((n) => !n.startsWith('assets/'));
      expect(documents).toHaveLength(2);
      for (const name of documents) {
        const text = strFromU8(files[name]!);
        const links = format === 'zip-md' ? [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!) : pictureAddresses(text);
        const local = links.filter((l) => !/^https?:/.test(l));
        expect(local.length).toBe(5);
        for (const link of local) expect(files[posix.normalize(posix.join(posix.dirname(name), link))]).toBeDefined();
        expect(links.filter((l) => /^https?:/.test(l))).toEqual(['https://city.example/gone.png']);
        // A page opened from disk may show pictures beside it only where its policy allows its own origin.
        if (format === 'zip-html') expect(text).toContain("img-src 'self' https: http: data:");
      }
    });
  }

  it('is byte for byte today’s file when the lookup has no copy, for every bulk format', async () => {
    const formats: BulkFormat[] = ['zip-md', 'zip-html', 'zip-txt', 'json', 'epub'];
    for (const format of formats) {
      const plain = await exportToBytes([withPictures()], format, { now: NOW, win });
      const none = await exportToBytes([withPictures()], format, { now: NOW, win, pictures: fakeLookup({}) });
      expect(Buffer.from(none.data).equals(Buffer.from(plain.data))).toBe(true);
    }
  });

  it('writes the same ZIP when a helper (the library page’s worker) renders the batches, pictures rewritten before it', async () => {
    const articles = Array.from({ length: 5 }, (_, i) => withPictures({ title: `Story ${i}`, canonicalUrl: `https://city.example/${i}` }));
    const zip = async (helper?: ZipHelper) => {
      const chunks: Uint8Array[] = [];
      await exportBulk(
        (async function* () {
          yield articles.slice(0, 2);
          yield articles.slice(2);
        })(),
        'zip-md',
        (c) => chunks.push(c),
        { now: NOW, win, pictures: fakeLookup(table), helper },
      );
      return Buffer.concat(chunks);
    };
    const handed: string[] = [];
    const helper: ZipHelper = {
      pack: (batch, format, options) => {
        handed.push(...batch.map((a) => a.contentHtml));
        return deflateHere(batch.map((a) => FORMATS[format].render(a, options.now, options)));
      },
      deflate: deflateHere,
    };
    expect((await zip(helper)).equals(await zip())).toBe(true);
    expect(handed).toHaveLength(5);
    for (const html of handed) expect(html).toContain(`src="assets/${jpeg.hash}.jpg"`);
  });

  it('a ZIP of text carries no pictures', async () => {
    const { data } = await exportToBytes([withPictures()], 'zip-txt', { now: NOW, win, pictures: fakeLookup(table) });
    expect(Object.keys(zipOf(data)).some((n) => n.startsWith('assets/'))).toBe(false);
  });
});
