import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom, ExtensionBrowser } from './support/browser';
import { clearLibraryStore } from './support/library-store';
import { drawPictures } from './support/pictures';
import { startServer, type FixtureServer } from './support/server';
import { openLibraryPage } from './support/library-data';

let browser: ExtensionBrowser;
let server: FixtureServer;
/** Addresses on the server that are real pictures the article shows. */
let served: string[] = [];

const STORY = '/pics/story.html';

beforeAll(async () => {
  server = await startServer();
  const page = await readFile(resolve(import.meta.dirname, '../fixtures/fortune/wordpress.html'), 'utf8');
  // The seed page, with its share image on this server, a chart of its own and a picture that is gone.
  const html = page
    .replaceAll('https://fortune.com/img-assets/', `${server.origin}/pics/img-assets/`)
    .replace(
      /(<div class="entry-content">\s*<p>[\s\S]*?<\/p>)/,
      '$1\n<figure><img src="charts/talks-timeline.png" alt="Timeline of the talks" width="640" height="400"><figcaption>How the talks unfolded.</figcaption></figure>' +
        '\n<figure><img src="charts/gone.jpg" alt="A picture that is gone" width="640" height="400"><figcaption>No longer on the site.</figcaption></figure>',
    );
  expect(html).toContain('talks-timeline.png');
  server.route(STORY, html);
  browser = await ExtensionBrowser.launch(undefined, { grantedHosts: ['http://*/*', 'https://*/*'] });

  // Every picture address the page names, drawn by the browser as a real PNG or JPEG; gone.jpg stays a 404.
  const addresses = new Set<string>();
  for (const m of html.matchAll(/(?:src|srcset|content)="([^"]+)"/g))
    for (const part of m[1]!.split(',')) {
      const url = new URL(part.trim().split(/\s+/)[0]!, server.url(STORY));
      if (url.origin === server.origin && /\.(?:jpg|png)$/.test(url.pathname) && !url.pathname.endsWith('/gone.jpg')) addresses.add(url.href);
    }
  served = [...addresses];
  const blank = await browser.ctx.newPage();
  await blank.goto(browser.extensionUrl('options.html'));
  const pictures = await drawPictures(
    blank,
    served.map((a, i) => ({ type: a.endsWith('.png') ? 'image/png' : 'image/jpeg', seed: i + 1, width: 64, height: 40 })),
  );
  served.forEach((a, i) => server.routeFile(new URL(a).pathname, pictures[i]!, a.endsWith('.png') ? 'image/png' : 'image/jpeg'));
  await blank.close();
});

afterAll(async () => {
  expect(browser?.offsiteResponses ?? []).toEqual([]);
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** The article's pictures in `scope` on `page`: where each is shown from and whether it was drawn. */
async function shownPictures(page: Page, scope: string) {
  const selector = `${scope} img`;
  await page.waitForSelector(selector);
  // Each picture has either loaded or failed by now; a blob: picture loads from memory at once.
  await expect.poll(() => page.$$eval(selector, (imgs) => imgs.every((i) => (i as HTMLImageElement).complete)), { timeout: 10_000 }).toBe(true);
  return page.$$eval(selector, (imgs) =>
    imgs.map((i) => ({ alt: i.getAttribute('alt') ?? '', src: (i as HTMLImageElement).src, width: (i as HTMLImageElement).naturalWidth })),
  );
}

describe('pictures kept with a saved article', () => {
  it('are asked for from the options page, saved with the article, and shown from storage with the server gone', async () => {
    // Turning "Keep pictures" on asks for access to sites from the click itself.
    const options = await browser.ctx.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    expect(await options.evaluate(`chrome.permissions.contains({ origins: ['http://*/*'] })`)).toBe(false);
    await options.getByTestId('keep-pictures').click();
    await expect.poll(() => options.getByTestId('keep-pictures').isChecked()).toBe(true);
    expect(await options.evaluate(`chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] })`)).toBe(true);
    await options.reload();
    await expect.poll(() => options.getByTestId('keep-pictures').isChecked()).toBe(true);
    await options.close();

    const popup = await browser.openPopupFor(await browser.openTab(server.url(STORY)));
    // The popup's save area says pictures will be kept.
    await expect.poll(() => popup.getByTestId('popup-keep-pictures').isChecked()).toBe(true);
    await popup.getByTestId('save').click();
    await popup.getByTestId('picture-report').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('save').innerText()).toMatch(/^Saved/);
    const keptText = await popup.getByTestId('pictures-kept').innerText();
    const kept = Number(/(\d+)/.exec(keptText)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    // The picture that is gone is listed with the server's answer.
    await popup.getByTestId('picture-failures').locator('summary').click();
    const failures = await popup.getByTestId('picture-failures').innerText();
    expect(failures).toContain(`${server.origin}/pics/charts/gone.jpg`);
    expect(failures).toContain('404');

    // No network from here on: the server is gone.
    await server.close();
    const before = server.requests.length;

    const library = await openLibraryPage(browser);
    const row = library.getByTestId('library-item').first();
    const id = await row.getAttribute('data-id');
    await row.locator('button.link').click();
    const inLibrary = await shownPictures(library, '[data-testid=detail] [data-testid=preview]');
    const local = inLibrary.filter((p) => p.src.startsWith('blob:'));
    expect(local.length).toBe(kept - 1 /* the share image is kept but not shown: the article has pictures of its own */);
    for (const p of local) expect(p.width, p.alt).toBeGreaterThan(0);
    expect(local.map((p) => p.alt)).toContain('Timeline of the talks');
    expect(inLibrary.find((p) => p.alt === 'A picture that is gone')?.src).toBe(`${server.origin}/pics/charts/gone.jpg`);

    // Its exports carry the kept pictures, read from storage: an HTML file as data: addresses, an EPUB as files of the book.
    const html = await downloadFrom(library, () => library.locator('[data-testid=detail] [data-export=html]').click());
    expect(html.text).toMatch(
      /<img [^>]*src="data:image\/png;base64,[^"]+"[^>]*alt="Timeline of the talks"|alt="Timeline of the talks"[^>]*src="data:image\/png;base64,/,
    );
    expect(html.text).not.toContain(`${server.origin}/pics/charts/talks-timeline.png`);
    await library.getByTestId('select-all').click();
    await library.getByTestId('export-format').selectOption('epub');
    const epub = await downloadFrom(library, () => library.getByTestId('export-selected').click());
    const images = Object.keys(unzipSync(new Uint8Array(epub.bytes))).filter((name) => name.startsWith('OEBPS/images/'));
    // The article's own pictures and, for a one-article book, its lead image as the cover.
    expect(images.length).toBe(kept);

    const reader = await browser.ctx.newPage();
    await reader.goto(browser.extensionUrl(`reader.html?id=${id}`));
    const inReader = await shownPictures(reader, '[data-testid=reader-body]');
    const timeline = inReader.find((p) => p.alt === 'Timeline of the talks');
    expect(timeline?.src).toMatch(/^blob:chrome-extension:/);
    expect(timeline?.width).toBe(64);
    expect(inReader.filter((p) => p.src.startsWith('blob:')).length).toBe(local.length);

    // The popup's Saved view shows the same copy.
    await popup.getByTestId('saved-tab').click();
    await popup.getByTestId('saved-item').first().locator('button.link').click();
    await popup.getByTestId('back-to-page').waitFor();
    await expect.poll(() => popup.$$eval('[data-testid=preview] img[src^="blob:"]', (imgs) => imgs.length)).toBe(local.length);
    const inPopup = await shownPictures(popup, '[data-testid=preview]');
    expect(inPopup.filter((p) => p.src.startsWith('blob:') && p.width > 0).length).toBe(local.length);

    // Closing the views lets their blob: URLs go; nothing asked the (stopped) server meanwhile.
    expect(server.requests.length).toBe(before);
  });

  it('travel in the JSON backup: restored into an empty browser, shown offline, and exported again byte for byte', async () => {
    // The library the test above saved, with the server still stopped.
    let page = await openLibraryPage(browser);
    const first = await downloadFrom(page, () => page.getByTestId('export-backup').click());
    const doc = JSON.parse(first.text) as { articles: { pictures: { hash: string }[] }[]; pictures: { hash: string; type: string; data: string }[] };
    const used = new Set(doc.articles.flatMap((a) => a.pictures.map((p) => p.hash)));
    expect(used.size).toBeGreaterThanOrEqual(2);
    expect(new Set(doc.pictures.map((p) => p.hash))).toEqual(used);

    // Everything gone: the library and the pictures.
    await clearLibraryStore(page);
    await page.evaluate(
      `new Promise((done, fail) => { const r = indexedDB.deleteDatabase('clean-copy-pictures'); r.onsuccess = () => done(); r.onerror = () => fail(r.error); })`,
    );
    await page.reload();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('0 saved');

    await page.getByTestId('import-file').setInputFiles(first.path);
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain(`Pictures restored: ${used.size}, refused: 0.`);
    page = await openLibraryPage(browser);
    await page.getByTestId('library-item').first().locator('button.link').click();
    const shown = await shownPictures(page, '[data-testid=detail] [data-testid=preview]');
    const timeline = shown.find((p) => p.alt === 'Timeline of the talks');
    expect(timeline?.src).toMatch(/^blob:/);
    expect(timeline?.width).toBe(64);

    const second = await downloadFrom(page, () => page.getByTestId('export-backup').click());
    const withoutStamp = (json: string) => json.replace(/^ {2}"exportedAt": ".*",$/m, '');
    expect(second.bytes.length).toBe(first.bytes.length);
    expect(withoutStamp(second.text)).toBe(withoutStamp(first.text));
  });
});
