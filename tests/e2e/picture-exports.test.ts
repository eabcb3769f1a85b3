import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToBytes } from '../../lib/export/bulk-export';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { fetchingLookup } from '../../lib/pictures/fetch-lookup';
import { PROSE } from '../unit/support/dom';
import { jpegBytes, pngBytes } from '../unit/support/pictures';
import { useSession } from './support/session';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/clean-copy.mjs', import.meta.url));
const session = useSession();

const PNG = pngBytes(60, 40, 7);
const JPEG = jpegBytes(48, 32, 8);
let pictures: Server;
let origin: string;
let dir: string;
let page: Page;

function story(): string {
  const figure = (path: string, alt: string) => `<figure><img src="${origin}${path}" alt="${alt}"><figcaption>${alt}</figcaption></figure>`;
  const paragraphs = PROSE.split('\n');
  return `<!doctype html><html lang="en"><head><title>Tram line to reach the northern suburbs</title></head><body><main><article>
<h1>Tram line to reach the northern suburbs</h1>${paragraphs[0]}${figure('/pictures/tram.png', 'The new tram')}${paragraphs.slice(1, 3).join('')}
${figure('/pictures/route.jpg', 'The route')}${paragraphs.slice(3).join('')}</article></main></body></html>`;
}

/** Every picture of the file at `path` as Chromium shows it: its address and whether it was drawn. */
async function picturesShown(path: string): Promise<{ src: string; drawn: boolean }[]> {
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return page.evaluate(() => Array.from(document.images, (img) => ({ src: img.currentSrc || img.src, drawn: img.complete && img.naturalWidth > 0 })));
}

beforeAll(async () => {
  pictures = createServer((req, res) => {
    if (req.url === '/pictures/tram.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/pictures/route.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
    if (req.url === '/news/trams') return res.writeHead(200, { 'content-type': 'text/html' }).end(story());
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => pictures.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'clean-copy-picture-exports-'));
  await writeFile(join(dir, 'story.html'), story());

  // The exports are made while the pictures' server is up ...
  await run(process.execPath, [
    BIN,
    join(dir, 'story.html'),
    '--url',
    `${origin}/news/trams`,
    '--format',
    'html',
    '--images',
    'embed',
    '--out',
    join(dir, 'single.html'),
  ]);
  const result = extractArticle(parseHtml(story(), `${origin}/news/trams`), { url: `${origin}/news/trams` });
  if (!result.ok) throw new Error(result.message);
  const { lookup } = fetchingLookup({ fetch: (url, init) => fetch(url, init) });
  const win = new JSDOM('').window as unknown as Window;
  const zip = await exportToBytes([result.article], 'zip-html', { now: new Date(), win, pictures: lookup });
  for (const [name, bytes] of Object.entries(unzipSync(zip.data))) {
    await mkdir(dirname(join(dir, 'zip', name)), { recursive: true });
    await writeFile(join(dir, 'zip', name), bytes);
  }
  // ... and read with it gone: nothing may come from the network any more.
  pictures.closeAllConnections();
  await new Promise<void>((done) => pictures.close(() => done()));
  page = await session.browser.ctx.newPage();
});

afterAll(async () => {
  await page?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('exports that carry their pictures, opened in Chromium with the pictures’ server gone', () => {
  it('a single HTML file shows every picture from inside itself', async () => {
    const html = await readFile(join(dir, 'single.html'), 'utf8');
    expect(html).not.toContain(`${origin}/pictures`);
    const shown = await picturesShown(join(dir, 'single.html'));
    expect(shown).toHaveLength(2);
    for (const p of shown) {
      expect(p.src).toMatch(/^data:image\/(png|jpeg);base64,/);
      expect(p.drawn).toBe(true);
    }
  });

  it('a ZIP of HTML, unpacked, shows every picture from its assets/ folder', async () => {
    const shown = await picturesShown(join(dir, 'zip', 'tram-line-to-reach-the-northern-suburbs.html'));
    expect(shown).toHaveLength(2);
    for (const p of shown) {
      expect(p.src).toMatch(/^file:\/\/.*\/zip\/assets\/[0-9a-f]{64}\.(png|jpg)$/);
      expect(p.drawn).toBe(true);
    }
  });
});
