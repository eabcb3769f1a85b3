import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { sampleArticle } from './support/article';
import { epubcheck } from './support/epubcheck';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHighlight } from '../../lib/annotations/highlights';
import type { ArticleRecord } from '../../lib/article';
import { FIXTURE_URL, fixturePath, readFixture } from './support/dom';
import { allVectorsPage, sharedVectors } from '../e2e/support/all-vectors-page';
import { ACTIVE_ELEMENTS, activeContent, URL_ATTRIBUTES } from '../e2e/support/active-content';
import { JSDOM } from 'jsdom';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/clean-copy.mjs', import.meta.url));

async function cli(args: string[], input?: string, encoding: BufferEncoding | 'buffer' = 'utf8'): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [BIN, ...args], { maxBuffer: 20 * 1024 * 1024, encoding: encoding as BufferEncoding });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case starts Node, tsx and jsdom afresh: seconds, not milliseconds, on a busy machine.
describe('clean-copy command line', { timeout: 30_000 }, () => {
  it('prints the article record as JSON', async () => {
    const { code, stdout } = await cli([fixturePath('fortune/wordpress.html'), '--url', FIXTURE_URL]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleRecord;
    expect(article.title).toBe('Secret U.S.-Russia talks led to plan that blindsided Ukraine');
    expect(article.authors).toEqual(['Natalia Drozdiak', 'Alberto Nardelli', 'Mario Parker']);
    expect(article.removed.length).toBeGreaterThan(0);
  });

  it('prints one record a line for many files, in one process', async () => {
    const files = ['div-soup', 'wordpress', 'amp'].map((n) => fixturePath(`fortune/${n}.html`));
    const { code, stdout } = await cli([...files, '--url', FIXTURE_URL, '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect((JSON.parse(line) as ArticleRecord).siteName).toBe('Fortune');
  });

  it('writes Markdown with front matter, and text, from stdin', async () => {
    const html = readFixture('fortune/amp.html');
    const md = await cli(['-', '--url', FIXTURE_URL, '--format', 'md'], html);
    expect(md.stdout).toMatch(/^---\ntitle: "Secret U\.S\.-Russia talks led to plan that blindsided Ukraine"\nauthors:\n {2}- "Natalia Drozdiak"/);
    expect(md.stdout).toContain('The controversial');
    const txt = await cli(['-', '--url', FIXTURE_URL, '--format', 'txt'], html);
    expect(txt.stdout.split('\n')[1]).toBe('Natalia Drozdiak, Alberto Nardelli and Mario Parker · Fortune · 23 November 2025');
  });

  it('writes a standalone HTML page', async () => {
    const { stdout } = await cli([fixturePath('fortune/div-soup.html'), '--url', FIXTURE_URL, '--format', 'html']);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).not.toMatch(/<script/i);
  });

  it('exits 2 with a clear message when a page has no article', async () => {
    const { code, stdout, stderr } = await cli(
      ['-', '--url', 'https://example.com/login'],
      '<html><body><form><input type="email"><button>Log in</button></form></body></html>',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No article found/);
  });

  it('exits 1 on a missing file or an unknown format', async () => {
    expect((await cli(['/nonexistent/page.html'])).stderr).toMatch(/cannot read/);
    const bad = await cli([fixturePath('fortune/amp.html'), '--format', 'pdf']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Usage/);
  });
});

describe('clean-copy EPUB and backups', { timeout: 30_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clean-copy-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const backup = () =>
    JSON.stringify({
      format: 'clean-copy',
      version: 1,
      exportedAt: '2026-01-02T00:00:00.000Z',
      articles: [
        { ...sampleArticle(), schemaVersion: 2, id: 'x', savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', tags: ['t'], notes: '' },
        sampleArticle({
          canonicalUrl: 'https://a.example/2',
          title: 'Second <script>alert(1)</script>',
          contentHtml: '<p onclick="x()">Two</p><script>alert(1)</script>',
        }),
        { title: '' },
      ],
    });

  it('turns several pages into one EPUB book that passes epubcheck', async () => {
    const out = join(dir, 'pages.epub');
    const files = ['wordpress', 'amp'].map((n) => fixturePath(`fortune/${n}.html`));
    const { code } = await cli([...files, '--url', FIXTURE_URL, '--format', 'epub', '--out', out]);
    expect(code).toBe(0);
    const book = new Uint8Array(await readFile(out));
    expect(Object.keys(unzipSync(book)).filter((n) => n.includes('chapter-'))).toHaveLength(2);
    expect((await epubcheck(book)).errors).toEqual([]);
  }, 60_000);

  it('writes one Markdown file per backup article into a folder, says what it skipped, and sanitises', async () => {
    const file = join(dir, 'backup.json');
    await writeFile(file, backup());
    const out = join(dir, 'md');
    const { code, stderr } = await cli(['--from-backup', file, '--format', 'md', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('articles[2] skipped: title: must not be empty');
    const names = (await readdir(out)).sort();
    expect(names).toEqual(['second-script-alert-1-script.md', 'tram-line-to-reach-the-northern-suburbs.md']);
    expect(await readFile(join(out, names[1]!), 'utf8')).toContain('tags:\n  - "t"');
    const html = await cli(['--from-backup', file, '--format', 'html']);
    expect(html.stdout).not.toMatch(/<script|onclick/);
  });

  it('writes the highlights of each highlighted backup article, and marks them in its Markdown', async () => {
    const text = 'The council voted on Tuesday.';
    const highlight = newHighlight(text, { start: 4, end: 17 }, 'a note', 'urn:x:1', new Date('2026-01-01T00:00:00.000Z'));
    const file = join(dir, 'highlights.json');
    const [first, ...rest] = (JSON.parse(backup()) as { articles: object[] }).articles;
    await writeFile(
      file,
      JSON.stringify({ ...JSON.parse(backup()), articles: [{ ...first, schemaVersion: 4, textContent: text, highlights: [highlight] }, ...rest.slice(0, 1)] }),
    );
    const out = join(dir, 'highlights');
    expect((await cli(['--from-backup', file, '--format', 'highlights', '--out', out])).code).toBe(0);
    expect(await readdir(out)).toEqual(['tram-line-to-reach-the-northern-suburbs.highlights.md']);
    expect(await readFile(join(out, 'tram-line-to-reach-the-northern-suburbs.highlights.md'), 'utf8')).toContain('> council voted\n\na note');
    const md = await cli(['--from-backup', file, '--format', 'md']);
    expect(md.stdout).toContain('The ==council **voted**==[^1] on Tuesday.');
  });

  it('writes JSON and EPUB from a backup, to a file or to stdout', async () => {
    const file = join(dir, 'backup2.json');
    await writeFile(file, backup());
    const json = await cli(['--from-backup', file, '--format', 'json']);
    expect((JSON.parse(json.stdout) as { articles: unknown[] }).articles).toHaveLength(2);
    const epub = join(dir, 'backup.epub');
    expect((await cli(['--from-backup', file, '--format', 'epub', '--out', epub])).code).toBe(2);
    const chapters = Object.entries(unzipSync(new Uint8Array(await readFile(epub)))).filter(([n]) => n.includes('chapter-'));
    expect(chapters).toHaveLength(2);
    expect(chapters.map(([, b]) => strFromU8(b)).join('')).not.toMatch(/<script|onclick/);
    const piped = (await cli(['--from-backup', file, '--format', 'epub'], undefined, 'latin1')).stdout;
    expect(piped.startsWith('PK')).toBe(true);
    expect(piped.slice(30, 58)).toBe('mimetypeapplication/epub+zip');
  });

  it('refuses a file that is not a backup with status 1, writing nothing', async () => {
    const file = join(dir, 'foreign.json');
    await writeFile(file, JSON.stringify({ items: [] }));
    const out = join(dir, 'nothing');
    const { code, stderr } = await cli(['--from-backup', file, '--format', 'md', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a Clean Copy backup/);
    await expect(readdir(out)).rejects.toThrow();
  });
});

describe('clean-copy on hostile and broken pages', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clean-copy-hostile-'));
    await writeFile(join(dir, 'hostile.html'), allVectorsPage());
    await writeFile(join(dir, 'deep.html'), `<html><body><h1>Deep</h1>${'<div>'.repeat(5000)}<p>Too deep to walk.</p></body></html>`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the article of the seed story laced with every shared vector (its 50-odd frames once broke closing the page)', async () => {
    const { code, stdout, stderr } = await cli([join(dir, 'hostile.html'), '--url', FIXTURE_URL, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleRecord;
    expect(article.title).toMatch(/^Secret U\.S\.-Russia talks led to plan that blindsided Ukraine/);
    expect(article.authors).toContain('Alberto Nardelli');
    for (const name of article.authors) expect(name).not.toMatch(/[<>]/);
    expect(article.wordCount).toBeGreaterThan(100);
    // What the vectors left in the story is text now: no element, attribute or address of theirs can act.
    expect(article.contentHtml).not.toMatch(
      /<(script|iframe|object|embed|form|style|meta|base|link)\b|\son\w+\s*=|\s(?:href|src|action|xlink:href)="\s*(?:javascript|vbscript|data:text)/i,
    );
  });

  it('isolates each page of a batch: a failure costs one line naming that page, never the other pages or a stack trace', async () => {
    const missing = join(dir, 'missing.html');
    const pages = [join(dir, 'hostile.html'), missing, join(dir, 'deep.html'), fixturePath('fortune/amp.html')];
    const { code, stdout, stderr } = await cli([...pages, '--url', FIXTURE_URL, '--format', 'jsonl']);
    expect(code).toBe(1);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ArticleRecord);
    expect(records.map((r) => r.title.slice(0, 60))).toEqual(Array(2).fill('Secret U.S.-Russia talks led to plan that blindsided Ukraine'));
    expect(records[1]!.textContent).toContain('28-point plan');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^clean-copy: cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(lines[1]).toBe(`clean-copy: ${join(dir, 'deep.html')}: This page is nested too deeply to clean (5,002 levels; the limit is 1,000).`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('clean-copy --from-backup on a hostile backup', { timeout: 60_000 }, () => {
  it('refuses script addresses with a reason and writes every other article with nothing active', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clean-copy-backup-'));
    try {
      const vectors = sharedVectors();
      const articles = vectors.map((vector, i) =>
        sampleArticle({
          title: `Story ${i} ${vector.payload}`,
          authors: [vector.payload.slice(0, 500)],
          siteName: vector.payload.slice(0, 500),
          excerpt: vector.payload,
          contentHtml: `<p>Paragraph ${i}.</p>${vector.payload}`,
          canonicalUrl: i % 50 === 0 ? `javascript:alert(${i})` : `https://a.example/${i}`,
        }),
      );
      const file = join(dir, 'hostile-backup.json');
      await writeFile(file, JSON.stringify({ format: 'clean-copy', version: 1, exportedAt: '2026-01-02T00:00:00.000Z', articles }));
      const { code, stdout, stderr } = await cli(['--from-backup', file, '--format', 'html']);
      expect(code).toBe(2);
      const refused = articles.flatMap((_, i) => (i % 50 === 0 ? [`clean-copy: articles[${i}] skipped: canonicalUrl: must be an http or https address`] : []));
      expect(stderr.trim().split('\n')).toEqual(refused);
      const { document } = new JSDOM(stdout).window;
      expect(document.querySelectorAll('script')).toHaveLength(0);
      // One page an article, one after another: each article's own content is what must be inert.
      const written = Array.from(document.querySelectorAll('article'));
      expect(written).toHaveLength(vectors.length - refused.length);
      for (const article of written) expect(activeContent(article, ACTIVE_ELEMENTS, URL_ATTRIBUTES)).toEqual([]);
      expect(document.body.textContent).toContain(`Paragraph ${vectors.length - 1}.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
