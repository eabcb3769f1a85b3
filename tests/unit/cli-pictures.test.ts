import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocally, type LocalServer } from './support/local-server';
import { PROSE } from './support/dom';
import { epubcheck } from './support/epubcheck';
import { jpegBytes, pngBytes } from './support/pictures';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/clean-copy.mjs', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const PNG = pngBytes(40, 30, 3);
const JPEG = jpegBytes(32, 24, 4);
/** Past the 10 MB a picture may have; a real PNG signature, so only its size keeps it out. */
const HUGE = new Uint8Array(10 * 1024 * 1024 + 4096);
HUGE.set(PNG.subarray(0, 16));

let server: LocalServer;
let origin: string;
let dir: string;
const requests: string[] = [];

/** A story page whose figures are served by the local server; only the paths differ between pages. */
function story(pictures: string[]): string {
  const figures = pictures.map((p, i) => `<figure><img src="${origin}${p}" alt="Picture ${i + 1}"><figcaption>Caption ${i + 1}</figcaption></figure>`);
  const paragraphs = PROSE.split('\n');
  const body = paragraphs.flatMap((p, i) => [p, figures[i] ?? '']).join('\n') + figures.slice(paragraphs.length).join('\n');
  return `<!doctype html><html lang="en"><head><title>Tram line to reach the northern suburbs</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Tram line to reach the northern suburbs</h1>
${body}</article></main><footer>Footer</footer></body></html>`;
}

/** Every picture address an HTML file would load. */
function pictureAddresses(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  return Array.from(doc.querySelectorAll('img, source')).flatMap((el) => ['src', 'srcset'].map((n) => el.getAttribute(n) ?? '').filter(Boolean));
}

beforeAll(async () => {
  server = await serveLocally((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/pictures/tram.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/pictures/map.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
    if (req.url === '/pictures/logo.svg')
      return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    if (req.url === '/pictures/poster.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(HUGE);
    res.writeHead(404).end();
  });
  origin = server.origin;
  dir = await mkdtemp(join(tmpdir(), 'clean-copy-pictures-'));
  await writeFile(join(dir, 'good.html'), story(['/pictures/tram.png', '/pictures/map.jpg']));
  await writeFile(
    join(dir, 'mixed.html'),
    story(['/pictures/tram.png', '/pictures/gone.png', '/pictures/logo.svg', '/pictures/poster.png', '/pictures/map.jpg']),
  );
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

// Each case starts Node, tsx and jsdom afresh, and EPUBCheck a Java VM.
describe('clean-copy --images embed', { timeout: 90_000 }, () => {
  const url = () => `${origin}/news/trams`;

  it('gives an EPUB whose pictures are image items, passing EPUBCheck', async () => {
    const out = join(dir, 'book.epub');
    const { code, stderr } = await cli([join(dir, 'good.html'), '--url', url(), '--format', 'epub', '--images', 'embed', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const book = new Uint8Array(await readFile(out));
    const files = unzipSync(book);
    const opf = strFromU8(files['OEBPS/package.opf']!);
    const items = [...opf.matchAll(/<item id="[^"]+" href="(images\/[^"]+)" media-type="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(items.map(([, type]) => type).sort()).toEqual(['image/jpeg', 'image/png']);
    for (const [href] of items) expect(files[`OEBPS/${href}`]!.length).toBeGreaterThan(100);
    const chapter = strFromU8(files['OEBPS/chapter-1.xhtml']!);
    expect(chapter).not.toContain(`${origin}/pictures`);
    expect((await epubcheck(book)).errors).toEqual([]);
  });

  it('gives an HTML file with no remote picture address', async () => {
    const { code, stdout, stderr } = await cli([join(dir, 'good.html'), '--url', url(), '--format', 'html', '--images', 'embed']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const addresses = pictureAddresses(stdout);
    expect(addresses).toHaveLength(2);
    for (const a of addresses) expect(a).toMatch(/^data:image\/(png|jpeg);base64,/);
    expect(addresses.some((a) => a.includes(Buffer.from(PNG).toString('base64')))).toBe(true);
  });

  it('says in one line each why a 404, an SVG and an oversized picture stay links, and embeds the rest', async () => {
    const { code, stdout, stderr } = await cli([join(dir, 'mixed.html'), '--url', url(), '--format', 'html', '--images', 'embed']);
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('/pictures/gone.png'))).toMatch(/404/);
    expect(lines.find((l) => l.includes('/pictures/logo.svg'))).toMatch(/not a PNG/);
    expect(lines.find((l) => l.includes('/pictures/poster.png'))).toMatch(/larger than 10 MB/);
    const addresses = pictureAddresses(stdout);
    expect(addresses.filter((a) => a.startsWith('data:'))).toHaveLength(2);
    expect(addresses.filter((a) => !a.startsWith('data:')).sort()).toEqual(['gone.png', 'logo.svg', 'poster.png'].map((n) => `${origin}/pictures/${n}`));
  });

  it('writes Markdown with --out DIR as NAME.md beside assets/, every picture link a file there', async () => {
    const out = join(dir, 'notes');
    const { code, stderr } = await cli([join(dir, 'good.html'), '--url', url(), '--format', 'md', '--images', 'embed', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['assets', 'tram-line-to-reach-the-northern-suburbs.md']);
    const md = await readFile(join(out, 'tram-line-to-reach-the-northern-suburbs.md'), 'utf8');
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toMatch(/^assets\/[0-9a-f]{64}\.(png|jpg)$/);
      const bytes = new Uint8Array(await readFile(join(out, posix.normalize(link))));
      expect([Buffer.from(PNG).equals(bytes), Buffer.from(JPEG).equals(bytes)]).toContain(true);
    }
  });

  it('keeps links for Markdown without --out, saying so in one line, and fetches nothing', async () => {
    const before = requests.length;
    const { code, stdout, stderr } = await cli([join(dir, 'good.html'), '--url', url(), '--format', 'md', '--images', 'embed']);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--out DIR/);
    expect(stdout).toContain(`](${origin}/pictures/tram.png)`);
    expect(requests.length).toBe(before);
  });

  it('leaves today’s output alone by default, and refuses an unknown --images value', async () => {
    const before = requests.length;
    const { stdout } = await cli([join(dir, 'good.html'), '--url', url(), '--format', 'html']);
    expect(pictureAddresses(stdout)).toEqual([`${origin}/pictures/tram.png`, `${origin}/pictures/map.jpg`]);
    expect(requests.length).toBe(before);
    const bad = await cli([join(dir, 'good.html'), '--images', 'inline']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--images/);
  });
});
