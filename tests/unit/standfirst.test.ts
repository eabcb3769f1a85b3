import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { restoreStandfirst } from '../../lib/extract/standfirst';
import { normalize, page, PROSE } from './support/dom';

const DEK = 'A ten-year fight over the northern tram line ended with a narrow vote and a promise of trains within one term.';
const HEAD = '<meta name="description" content="Councillors back the northern extension after a decade of debate.">';

/** The page's article as Readability would hand it over: the story without its header. */
function restored(headerHtml: string, head = HEAD): string {
  const doc = page(`<header><h1>Council backs tram extension</h1>${headerHtml}</header><div class="story">${PROSE}</div>`, head);
  const article = doc.createElement('div');
  article.innerHTML = `<div id="readability-page-1">${PROSE}</div>`;
  const description = doc.querySelector('meta[name="description"]')?.getAttribute('content');
  restoreStandfirst(article, doc.querySelector('h1') ?? undefined, description);
  const text = normalize(article.textContent ?? '');
  return text.slice(0, text.indexOf('The city council voted')).trim();
}

describe('restoreStandfirst', () => {
  it('puts the standfirst back above the story', () => {
    expect(restored(`<p class="dek">${DEK}</p>`)).toBe(DEK);
  });

  it('puts back a standfirst without a full stop when it repeats the page description', () => {
    expect(restored('<h2>Councillors back the northern extension after a decade of debate</h2>')).toBe(
      'Councillors back the northern extension after a decade of debate',
    );
  });

  it('leaves bylines, dates, captions, credits, sign-up boxes and other headlines out', () => {
    const header = [
      '<p>By Jane Doe and John Roe, transport correspondents for the paper</p>',
      '<p>Updated on the evening of the vote, after the council had closed its session for the year.</p>',
      '<div class="lead"><img src="tram.jpg" alt=""><p>A tram waits at the depot in the old freight yard near the river.</p></div>',
      '<div class="newsletter-box"><p>Get every transport story from our city desk delivered free to your inbox.</p></div>',
      '<h2>Mayor says the first trams will run before the end of her term</h2>',
      '<figure><figcaption>The planned route follows the old freight railway for most of its length.</figcaption></figure>',
    ].join('');
    expect(restored(header)).toBe('');
  });

  it('puts back only the line that repeats the description when more prose stands above the story', () => {
    const intro = [
      'The tram line was first proposed in the last century, when the freight railway still ran past the depot.',
      'Three mayors promised it before the current one, and each time the money went to the ring road instead.',
      'Residents of the northern suburbs formed an association to press for it, which now has two thousand members.',
      'Their petition was handed to the council last spring, with the signatures of nearly half of the district.',
    ]
      .map((line) => `<p>${line}</p>`)
      .join('');
    const dek = 'Councillors back the northern extension after a decade of debate.';
    expect(restored(`<p class="dek">${dek}</p>${intro}`)).toBe(dek);
    expect(restored(intro)).toBe('');
  });

  it('does not repeat a standfirst Readability kept', () => {
    const doc = page(`<header><h1>Council backs tram extension</h1><p>${DEK}</p></header><div class="story">${PROSE}</div>`);
    const article = doc.createElement('div');
    article.innerHTML = `<div><p>${DEK}</p>${PROSE}</div>`;
    restoreStandfirst(article, doc.querySelector('h1') ?? undefined, undefined);
    expect(normalize(article.textContent ?? '').split('A ten-year fight').length - 1).toBe(1);
  });

  it('changes nothing when the story does not follow the headline', () => {
    const doc = page(
      `<header><h1>Council backs tram extension</h1><p class="dek">${DEK}</p></header><main><p>Another story entirely, about the harbour and its new ferry timetable, told at length here.</p></main>`,
    );
    const article = doc.createElement('div');
    article.innerHTML = `<div>${PROSE}</div>`;
    const before = article.innerHTML;
    restoreStandfirst(article, doc.querySelector('h1') ?? undefined, undefined);
    expect(article.innerHTML).toBe(before);
  });

  it('restores the standfirst of a whole page once, keeping its links', () => {
    const dek = `A ten-year fight over the <a href="/tram">northern tram line</a> ended with a narrow vote and a promise of trains within one term.`;
    const doc = page(
      `<nav><a href="/">Home</a></nav><article><header><h1>Council backs tram extension</h1><p class="standfirst">${dek}</p><p>By Jane Doe</p></header><div class="body">${PROSE}</div></article><footer>© City News</footer>`,
      HEAD,
    );
    const result = extractArticle(doc, { url: 'https://example.com/news/story' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent.startsWith(DEK)).toBe(true);
    expect(result.article.textContent.split('A ten-year fight').length - 1).toBe(1);
    expect(result.article.contentHtml).toContain('href="https://example.com/tram"');
  });
});
