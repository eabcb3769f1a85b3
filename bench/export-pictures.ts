// npm run bench:export-pictures [-- --articles 400 --runs 5]
// The ZIP export with pictures in assets/, in MB/s of archive written, against the same export without
// pictures in the same run; the EPUB export with and without pictures alongside. Articles and pictures
// are generated; the lookup answers from memory, as the picture store answers once its copies are read.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import type { ArticleRecord } from '../lib/article';
import { exportBulk, type BulkFormat } from '../lib/export/bulk-export';
import { sha256Hex } from '../lib/pictures/fetch-picture';
import type { Picture, PictureLookup } from '../lib/pictures/picture';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '400' },
    runs: { type: 'string', default: '5' },
    batch: { type: 'string', default: '50' },
  },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const BATCH = Number(values.batch);
const PICTURES_EACH = 5;

const WORDS =
  'council tram line northern suburbs vote residents river extension commuting engineers route freight railway shop owners compensation works scheme months mayor campaign'.split(
    ' ',
  );

/** Bytes that look like a JPEG to anything that checks its first bytes, and compress as badly as one. */
function jpegLike(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

function paragraph(seed: number): string {
  const words = Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return `<p>${words.join(' ')}.</p>`;
}

interface Generated {
  articles: ArticleRecord[];
  table: Map<string, Picture>;
  pictureBytes: number;
}

/** Articles of some 800 words with five figures each (one shared by every article, as a site's recurring picture is). */
async function generate(): Promise<Generated> {
  const table = new Map<string, Picture>();
  const add = async (src: string, size: number) => {
    const bytes = jpegLike(size);
    table.set(src, { hash: await sha256Hex(bytes), type: 'image/jpeg', bytes });
  };
  await add('https://news.example/shared/masthead-1200.jpg', 120_000);
  const articles: ArticleRecord[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const figures: string[] = [
      '<figure><img src="https://news.example/shared/masthead-600.jpg" srcset="https://news.example/shared/masthead-600.jpg 600w, https://news.example/shared/masthead-1200.jpg 1200w" alt="Masthead"></figure>',
    ];
    for (let p = 1; p < PICTURES_EACH; p++) {
      const stem = `https://news.example/${n}/picture-${p}`;
      // 60 to 250 kB, as a news page's pictures are.
      await add(`${stem}-1200.jpg`, 60_000 + ((n * 31 + p * 17) % 190) * 1000);
      figures.push(
        `<figure><img src="${stem}-600.jpg" srcset="${stem}-600.jpg 600w, ${stem}-1200.jpg 1200w, ${stem}-3000.jpg 3000w" alt="Picture ${p}"><figcaption>Caption ${p} of story ${n}</figcaption></figure>`,
      );
    }
    const body = Array.from({ length: 14 }, (_, i) => `${paragraph(n + i)}${i % 3 === 1 ? (figures[(i - 1) / 3] ?? '') : ''}`).join('\n');
    articles.push({
      title: `Story ${n}: the tram line reaches the northern suburbs`,
      authors: ['Ann Lee'],
      siteName: 'News',
      publishedTime: '2026-01-01T00:00:00.000Z',
      lang: 'en',
      dir: 'ltr',
      excerpt: 'The council voted to extend the line.',
      url: `https://news.example/${n}/story`,
      canonicalUrl: `https://news.example/${n}/story`,
      leadImage: 'https://news.example/shared/masthead-1200.jpg',
      contentHtml: body,
      textContent: '',
      wordCount: 840,
      readingMinutes: 4,
      removed: [],
    });
  }
  let pictureBytes = 0;
  for (const p of table.values()) pictureBytes += p.bytes.length;
  return { articles, table, pictureBytes };
}

async function* inBatches(articles: readonly ArticleRecord[]): AsyncGenerator<readonly ArticleRecord[]> {
  for (let i = 0; i < articles.length; i += BATCH) yield articles.slice(i, i + BATCH);
}

interface Sample {
  seconds: number;
  bytes: number;
}

const win = new JSDOM('').window as unknown as Window;

/** One export, its archive counted as it is written and then dropped, as a download stream would take it. */
async function once(articles: readonly ArticleRecord[], format: BulkFormat, pictures: PictureLookup | undefined): Promise<Sample> {
  let bytes = 0;
  const start = performance.now();
  await exportBulk(inBatches(articles), format, (c) => (bytes += c.length), { now: new Date('2026-01-01T00:00:00Z'), win, pictures });
  return { seconds: (performance.now() - start) / 1000, bytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const { articles, table, pictureBytes } = await generate();
const lookup: PictureLookup = (src) => Promise.resolve(table.get(src) ?? null);
const cases: { label: string; format: BulkFormat; pictures?: PictureLookup }[] = [
  { label: 'ZIP of Markdown, links (baseline)', format: 'zip-md' },
  { label: 'ZIP of Markdown, assets/', format: 'zip-md', pictures: lookup },
  { label: 'ZIP of HTML, links (baseline)', format: 'zip-html' },
  { label: 'ZIP of HTML, assets/', format: 'zip-html', pictures: lookup },
  { label: 'EPUB, links (baseline)', format: 'epub' },
  { label: 'EPUB, pictures in the book', format: 'epub', pictures: lookup },
];
const samples = cases.map(() => [] as Sample[]);
// One warm-up of each, then the runs interleaved so a busy moment of the machine falls on every case alike.
for (const c of cases) await once(articles, c.format, c.pictures);
for (let r = 0; r < RUNS; r++) for (const [i, c] of cases.entries()) samples[i]!.push(await once(articles, c.format, c.pictures));

console.log(
  `${ARTICLES} articles, ${PICTURES_EACH} pictures each (${table.size} distinct, ${(pictureBytes / 1e6).toFixed(1)} MB), batches of ${BATCH}, median of ${RUNS} runs\n`,
);
console.log('| export | archive MB | median s | MB/s | articles/s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [i, c] of cases.entries()) {
  const s = samples[i]!;
  const seconds = median(s.map((x) => x.seconds));
  const mb = s[0]!.bytes / 1e6;
  console.log(`| ${c.label} | ${mb.toFixed(1)} | ${seconds.toFixed(2)} | ${(mb / seconds).toFixed(0)} | ${(ARTICLES / seconds).toFixed(0)} |`);
}
