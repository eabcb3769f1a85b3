import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './browser';
import { articleId, SCHEMA_VERSION, type SavedArticle } from '../../../lib/library/saved-article';
import { storageItems } from '../../../lib/library/library';
import { writeItems } from './library-store';
import { readerDefaults } from '../../unit/support/article';

/** Words the generated articles are written in; a few hundred, so searches hit many articles, as real ones do. */
const WORDS = (
  'city council tram line harbour ferry budget vote mayor station bridge river street school hospital market police ' +
  'election party minister parliament policy law court judge trial energy power grid solar wind coal climate weather storm ' +
  'flood drought farm harvest price inflation bank rate loan housing rent wage strike union worker factory export import ' +
  'trade tariff border army treaty summit talks peace plan report study science research data health doctor nurse virus ' +
  'vaccine museum theatre film music festival football match season coach player record goal league cup final team'
).split(' ');

const SITES = ['City News', 'Port Daily', 'The Ledger', 'Morning Post', 'Valley Times', 'Harbour Herald', 'Capital Wire', 'North Star'];
const TAGS = ['transport', 'politics', 'economy', 'climate', 'health', 'culture', 'sport'];
const NAMES = ['Ann Lee', 'Bo Chan', 'Cy Dee', 'Di Ek', 'Ed Fox', 'Flo Gray', 'Gus Hall', 'Hal Ivy'];

/** A small deterministic generator, so every run builds the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GenerateOptions {
  /** Body text per article, in characters (roughly). */
  textLength?: number;
  /** The first article's save time; each next one is a minute later. */
  start?: number;
}

/** `count` saved articles with paragraphs of generated text, in the library's stored shape. */
export function generateArticles(count: number, options: GenerateOptions = {}): SavedArticle[] {
  const { textLength = 6000, start = Date.parse('2025-06-01T00:00:00Z') } = options;
  const out: SavedArticle[] = [];
  for (let n = 0; n < count; n++) {
    const r = rng(n + 1);
    const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
    const paragraphs: string[] = [];
    let length = 0;
    while (length < textLength) {
      const words = Array.from({ length: 40 + Math.floor(r() * 40) }, () => pick(WORDS));
      const p = `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
      paragraphs.push(p);
      length += p.length + 2;
    }
    const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} report ${n}`.replace(/^./, (c) => c.toUpperCase());
    const url = `https://news${n % 8}.example/story/${n}`;
    const saved = new Date(start + n * 60_000).toISOString();
    const text = paragraphs.join('\n\n');
    out.push({
      schemaVersion: SCHEMA_VERSION,
      id: articleId(url),
      title,
      authors: [pick(NAMES)],
      siteName: SITES[n % SITES.length]!,
      publishedTime: new Date(start - (n % 500) * 86_400_000).toISOString(),
      lang: 'en',
      dir: 'ltr',
      excerpt: paragraphs[0]!.slice(0, 140),
      url,
      canonicalUrl: url,
      contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      textContent: text,
      wordCount: text.split(/\s+/).length,
      readingMinutes: Math.max(1, Math.round(text.split(/\s+/).length / 230)),
      removed: [],
      savedAt: saved,
      updatedAt: saved,
      tags: [TAGS[n % TAGS.length]!],
      notes: n % 10 === 0 ? `Note on ${n}` : '',
      ...readerDefaults(),
    });
  }
  return out;
}

/** Write records into the extension's real library database through one of its pages, a few hundred per call. */
export async function seedLibrary(page: Page, records: readonly SavedArticle[], batch = 500): Promise<void> {
  for (let i = 0; i < records.length; i += batch) await writeItems(page, storageItems(records.slice(i, i + batch)));
}

/** Open the library page and wait until it shows how many articles are saved. */
export async function openLibraryPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.ctx.newPage();
  await page.goto(browser.extensionUrl('library.html'));
  await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/\d saved$/);
  return page;
}
