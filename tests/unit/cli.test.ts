import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../lib/article';
import { FIXTURE_URL, fixturePath, readFixture } from './support/dom';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/clean-copy.mjs', import.meta.url));

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [BIN, ...args], { maxBuffer: 20 * 1024 * 1024 });
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
    expect(article.authors).toHaveLength(4);
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
    expect(txt.stdout.split('\n')[1]).toBe('Natalia Drozdiak, Alberto Nardelli, Mario Parker and Bloomberg · Fortune · 23 November 2025');
  });

  it('writes a standalone HTML page', async () => {
    const { stdout } = await cli([fixturePath('fortune/div-soup.html'), '--url', FIXTURE_URL, '--format', 'html']);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).not.toMatch(/<script/i);
  });

  it('exits 2 with a clear message when a page has no article', async () => {
    const { code, stdout, stderr } = await cli(['-', '--url', 'https://example.com/login'], '<html><body><form><input type="email"><button>Log in</button></form></body></html>');
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
