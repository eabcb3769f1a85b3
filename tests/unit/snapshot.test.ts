import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { orTimeout, TIMED_OUT, withBudget } from '../../lib/budget';
import { defuseNamedAccess } from '../../lib/extract/defuse';
import { documentFromSnapshot, extractFromSnapshot } from '../../lib/extract/from-snapshot';
import { localizeSelfLinks } from '../../lib/extract/self-links';
import { snapshotPage } from '../../lib/extract/snapshot';
import { FIXTURE_URL, readFixture } from './support/dom';

function tab(html: string, url = 'https://news.example/2026/story?id=7'): Window & typeof globalThis {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window as unknown as Window & typeof globalThis;
}

describe('snapshotPage: the copy taken in the reader’s tab', () => {
  it('keeps the page, drops event handlers and templates, and parses a noscript that holds text', () => {
    const win = tab(
      '<html><head><base href="https://cdn.example/articles/"></head><body onload="steal()"><p onclick="x()" ONMOUSEOVER="y()" title="on">Story</p>' +
        '<template><p>Hidden</p></template><noscript></noscript><img name="createElement" src="a.png">' +
        '<style>p { color: red }</style><div style="color: red; display: none">Folded</div><span style="color: red">Shown</span></body></html>',
    );
    const noscript = win.document.querySelector('noscript')!;
    noscript.textContent = '<p onerror="z()">Only without scripts</p>'; // what a browser that runs scripts holds there
    const result = snapshotPage(win.document, win);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { html, url, baseUrl, elements } = result.snapshot;
    expect(url).toBe('https://news.example/2026/story?id=7');
    expect(baseUrl).toBe('https://cdn.example/articles/');
    expect(elements).toBe(win.document.getElementsByTagName('*').length);
    expect(html).toContain('<p title="on">Story</p>');
    expect(html).toContain('<noscript><p>Only without scripts</p></noscript>');
    expect(html).not.toMatch(/\son[a-zA-Z]+=|template|<p>Hidden|<style|style=|<base/);
    // What a style hid stays hidden, said the way the copy can carry it.
    expect(html).toContain('<div hidden="">Folded</div><span>Shown</span>');
    // The tab's own document is untouched: the copy was disarmed, not the page.
    expect(win.document.body.getAttribute('onload')).toBe('steal()');
    expect(win.document.querySelector('template')).not.toBeNull();
  });

  it('refuses a page past its element limit with a plain message, before copying it', () => {
    const win = tab(`<body>${'<span>x</span>'.repeat(60)}</body>`);
    const result = snapshotPage(win.document, win, { elements: 50, htmlChars: 1_000_000 });
    expect(result).toEqual({ ok: false, error: 'too-large', message: 'This page is too large to clean (63 elements; the limit is 50).' });
    const chars = snapshotPage(win.document, win, { elements: 1000, htmlChars: 100 });
    expect(chars.ok).toBe(false);
  });
});

describe('documentFromSnapshot: the inert copy the extension cleans', () => {
  it('defuses names that would stand in for document methods and resolves addresses against the page', () => {
    const page = tab('<body><img name="createElement"><img name="body"><form><input id="attributes"></form><a href="part-2">Next</a></body>');
    const result = snapshotPage(page.document, page);
    if (!result.ok) throw new Error(result.message);
    const parser = tab('<body></body>', 'chrome-extension://abc/popup.html');
    const doc = documentFromSnapshot(result.snapshot, parser);
    expect(typeof doc.createElement).toBe('function');
    expect(doc.body.localName).toBe('body');
    expect(doc.querySelector('[name], input[id]')).toBeNull();
    expect((doc.querySelector('a') as HTMLAnchorElement).href).toBe('https://news.example/2026/part-2');
  });

  it('cleans the seed article from its copy as from the page itself', () => {
    const page = tab(readFixture('fortune/wordpress.html'), FIXTURE_URL);
    const result = snapshotPage(page.document, page);
    if (!result.ok) throw new Error(result.message);
    const extracted = extractFromSnapshot(result.snapshot, tab('<body></body>', 'chrome-extension://abc/popup.html'));
    expect(extracted.ok).toBe(true);
    if (!extracted.ok) return;
    expect(extracted.article.title).toMatch(/^Secret U\.S\.-Russia talks/);
    expect(extracted.article.wordCount).toBeGreaterThan(1000);
  });
});

describe('defuseNamedAccess', () => {
  it('gives the document back its own body and methods', () => {
    const win = tab('<body><p>Text</p><img name="body"><embed id="title"></body>');
    const doc = win.document;
    defuseNamedAccess(doc, win);
    expect(doc.querySelector('img')!.hasAttribute('name')).toBe(false);
    expect(doc.querySelector('embed')!.hasAttribute('id')).toBe(false);
    expect(doc.body.querySelector('p')!.textContent).toBe('Text');
  });
});

describe('localizeSelfLinks', () => {
  it('turns the page’s own address with a fragment into an in-page link, and leaves other pages alone', () => {
    const win = tab(
      '<body><a href="https://news.example/2026/story?id=7#note-3">3</a><a href="https://news.example/2026/story?id=8#note-3">other</a><a href="/2026/story?id=7">self, no fragment</a><a href="#top">top</a></body>',
    );
    localizeSelfLinks(win.document.body, 'https://news.example/2026/story?id=7');
    expect(Array.from(win.document.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      '#note-3',
      'https://news.example/2026/story?id=8#note-3',
      '/2026/story?id=7',
      '#top',
    ]);
  });
});

describe('withBudget', () => {
  it('gives the result when the work settles in time, and TIMED_OUT when it does not', async () => {
    expect(await withBudget(Promise.resolve(42), 1000)).toBe(42);
    expect(await withBudget(new Promise(() => {}), 20)).toBe(TIMED_OUT);
    await expect(withBudget(Promise.reject(new Error('tab closed')), 1000)).rejects.toThrow('tab closed');
  });
});

describe('orTimeout', () => {
  it('rejects with the plain message once the budget is spent, and passes a timely result through', async () => {
    expect(await orTimeout(Promise.resolve('entries'), 1000, 'no answer')).toBe('entries');
    await expect(orTimeout(new Promise(() => {}), 20, 'The library did not answer.')).rejects.toThrow('The library did not answer.');
  });
});
