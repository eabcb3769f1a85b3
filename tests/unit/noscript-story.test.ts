import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { unwrapNoscriptStories } from '../../lib/extract/noscript-story';
import { parseHtml } from '../../lib/extract/parse-html';
import { normalize, page } from './support/dom';

const POST = [
  'Over the past year the harbour authority rebuilt the north quay, and the work finished two months early.',
  'Engineers replaced the timber piles with concrete ones, which should last for at least sixty years.',
  'The ferry company says crossings will resume on Monday, with two extra sailings on weekdays.',
  'Fishing boats moved to the south basin during the works and will return to their old berths next month.',
]
  .map((s) => `<p>${s}</p>`)
  .join('');

/** unwrapNoscriptStories on a body, then the body's text as Readability sees it: without the <noscript>s left. */
function unwrapped(bodyHtml: string): string {
  const doc = page(bodyHtml);
  unwrapNoscriptStories(Array.from(doc.getElementsByTagName('noscript')), doc.body);
  for (const n of Array.from(doc.getElementsByTagName('noscript'))) n.remove();
  return normalize(doc.body.textContent ?? '');
}

describe('unwrapNoscriptStories', () => {
  it('puts back a post that only a <noscript> holds, as elements or as text', () => {
    const body = `<div class="sidebar">Archive</div><div class="post"><noscript>${POST}</noscript><script>render()</script></div>`;
    for (const asText of [false, true]) {
      const doc = page(body);
      const noscripts = Array.from(doc.getElementsByTagName('noscript'));
      // In a browser with scripts on, the parser keeps a <noscript>'s content as one run of text.
      if (asText) for (const n of noscripts) n.textContent = n.innerHTML;
      unwrapNoscriptStories(noscripts, doc.body);
      expect(doc.getElementsByTagName('noscript')).toHaveLength(0);
      expect(doc.querySelectorAll('.post p')).toHaveLength(4);
    }
  });

  it('leaves the <noscript> copy when a script has already shown the post', () => {
    const text = unwrapped(`<div class="post">${POST}<noscript>${POST}</noscript></div>`);
    expect(text.split('Over the past year').length - 1).toBe(1);
  });

  it('leaves a notice that is short beside the page', () => {
    const notice =
      '<p>We and our partners would like to store cookies on your device and process data about your visits to show you personalised offers, measure how our pages are used and improve them. You can accept or refuse, and change your mind at any time in the privacy settings linked at the foot of every page.</p>';
    const text = unwrapped(`<article>${POST}${POST}${POST}</article><noscript>${notice}</noscript>`);
    expect(text).not.toContain('We and our partners');
  });

  it('lets the whole pipeline find the post on a page saved without scripts', () => {
    const url = 'https://blog.example/2025/11/quay';
    const html = `<!doctype html><html lang="en"><head><title>The quay reopens</title></head><body>
      <header><a href="/">Harbour blog</a></header>
      <div class="post"><h1>The quay reopens</h1><noscript>${POST}</noscript><script>render(post)</script></div>
      <footer><a href="/about">About</a></footer></body></html>`;
    const result = extractArticle(parseHtml(html, url), { url });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('Engineers replaced the timber piles');
  });
});
