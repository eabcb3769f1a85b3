import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom } from './support/browser';
import { useSession } from './support/session';
import { expected, markdownText, norm } from '../fixtures/fortune/expected';
import { slugify } from '../../lib/export/filename';
import { FRONT_MATTER_KEY } from '../../lib/export/template-store';

const session = useSession();
let popup: Page;
const slug = slugify(expected.title);

beforeAll(async () => {
  popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/fortune/wordpress.html')));
});

const exportAs = (format: string) => downloadFrom(popup, () => popup.locator(`button[data-export="${format}"]`).click());

describe('exporting the article on screen', () => {
  it('names files with the title’s slug', () => {
    expect(slug).toBe('secret-u-s-russia-talks-led-to-plan-that-blindsided-ukraine');
  });

  it('writes Markdown with YAML front matter and the whole body', async () => {
    const file = await exportAs('md');
    expect(file.name).toBe(`${slug}.md`);
    const md = file.text;
    expect(md.startsWith('---\n')).toBe(true);
    const end = md.indexOf('\n---\n', 4);
    expect(end).toBeGreaterThan(0);
    const front = md.slice(0, end);
    expect(front).toContain(`title: ${JSON.stringify(expected.title)}`);
    expect(front).toContain(['authors:', ...expected.authors.map((a) => `  - ${JSON.stringify(a)}`)].join('\n'));
    expect(front).toContain('site: "Fortune"');
    expect(front).toContain(`published: "${expected.publishedTime}"`);
    const body = md.slice(end + 5);
    expect(body).toContain(`# ${expected.title}`);
    const text = markdownText(body);
    for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
    for (const clutter of ['Recommended Video', 'Read More:', 'Lorem ipsum']) expect(text).not.toContain(clutter);
  });

  it('writes JSON in the backup format', async () => {
    const file = await exportAs('json');
    expect(file.name).toBe(`${slug}.json`);
    const doc = JSON.parse(file.text) as {
      format: string;
      version: number;
      articles: { title: string; authors: string[]; siteName: string; wordCount: number }[];
    };
    expect(doc.format).toBe('clean-copy');
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0]!.title).toBe(expected.title);
    expect(doc.articles[0]!.authors).toEqual(expected.authors);
    expect(doc.articles[0]!.siteName).toBe('Fortune');
    expect(doc.articles[0]!.wordCount).toBeGreaterThan(1000);
  });

  it('writes a standalone HTML page without scripts', async () => {
    const file = await exportAs('html');
    expect(file.name).toBe(`${slug}.html`);
    const html = file.text;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<title>${expected.title}</title>`);
    expect(html).toContain(`<h1>${expected.title}</h1>`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('script, iframe, object, embed, base, form')).toHaveLength(0);
    const text = norm(document.querySelector('article')?.textContent ?? '');
    for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
  });

  it('writes plain text with the title on the first line', async () => {
    const file = await exportAs('txt');
    expect(file.name).toBe(`${slug}.txt`);
    const [first, second] = file.text.split('\n');
    expect(first).toBe(expected.title);
    expect(second).toBe('Natalia Drozdiak, Alberto Nardelli and Mario Parker · Fortune · 23 November 2025');
    const text = norm(file.text);
    for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
  });

  it('writes Markdown with the front matter template saved in the options', async () => {
    const set = (value: string | null) =>
      popup.evaluate(
        ([key, v]) => {
          const { local } = (globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void>; remove(k: string): Promise<void> } } } })
            .chrome.storage;
          return v === null ? local.remove(key!) : local.set({ [key!]: v });
        },
        [FRONT_MATTER_KEY, value] as const,
      );
    await set('kind: news\nheadline: {{title}}');
    try {
      const tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
      const next = await session.browser.openPopupForTabId(tabId);
      const file = await downloadFrom(next, () => next.locator('button[data-export="md"]').click());
      expect(file.text.startsWith(`---\nkind: news\nheadline: ${JSON.stringify(expected.title)}\n---\n\n# ${expected.title}\n`)).toBe(true);
      await next.close();
    } finally {
      await set(null);
    }
  });
});
