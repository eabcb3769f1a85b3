import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { page, PROSE } from './support/dom';

describe('pages without an article', () => {
  it('says so for a login page', () => {
    const doc = page('<form><label>E-mail <input type="email"></label><button>Log in</button></form><p>Forgot your password?</p>');
    const result = extractArticle(doc, { url: 'https://example.com/login' });
    expect(result).toMatchObject({ ok: false, error: 'no-article' });
    if (!result.ok) expect(result.message).toMatch(/No article found/);
  });

  it('says so for an empty page', () => {
    const result = extractArticle(page(''), { url: 'https://example.com/' });
    expect(result.ok).toBe(false);
  });

  it('refuses a page too large to clean, with the count in the message', () => {
    const doc = page(PROSE + '<div><span>x</span></div>'.repeat(600));
    const result = extractArticle(doc, { url: 'https://example.com/huge', maxElements: 1000 });
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
    if (!result.ok) expect(result.message).toMatch(/too large.*1,2\d\d elements.*1,000/);
  });
});

describe('a plain article', () => {
  it('falls back to the page heading and host when there is no metadata', () => {
    const doc = page(`<h1>Tram line to reach the northern suburbs</h1>${PROSE}`, '', 'https://www.city-news.example/trams');
    const result = extractArticle(doc, { url: 'https://www.city-news.example/trams' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.siteName).toBe('city-news.example');
    expect(result.article.title).toBe('Tram line to reach the northern suburbs');
    expect(result.article.canonicalUrl).toBe('https://www.city-news.example/trams');
    expect(result.article.authors).toEqual([]);
    expect(result.article.publishedTime).toBe('');
  });

  it('drops soft hyphens, so a hyphenated word counts once and is found whole', () => {
    const word = 'Mit&shy;tel&shy;al&shy;ter';
    const doc = page(`<h1>Das ${word}</h1><article><p>Im ${word} wuchs die Stadt am Fluss.</p>${PROSE}</article>`);
    const plain = extractArticle(page(`<h1>Das Mittelalter</h1><article><p>Im Mittelalter wuchs die Stadt am Fluss.</p>${PROSE}</article>`), {
      url: 'https://example.com/news/story',
    });
    const result = extractArticle(doc, { url: 'https://example.com/news/story' });
    if (!result.ok || !plain.ok) throw new Error('no article');
    expect(result.article.textContent).toContain('Im Mittelalter wuchs');
    expect(result.article.contentHtml).toContain('Im Mittelalter wuchs');
    expect(result.article.wordCount).toBe(plain.article.wordCount);
  });

  it('keeps lazy images, with the real address', () => {
    const doc = page(
      `<article>${PROSE}<figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/tram.jpg" alt="A tram"><figcaption>The new tram</figcaption></figure>${PROSE}</article>`,
    );
    const result = extractArticle(doc, { url: 'https://example.com/news/story' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.contentHtml).toContain('src="https://example.com/img/tram.jpg"');
    expect(result.article.contentHtml).toContain('<figcaption>The new tram</figcaption>');
  });

  it('keeps the links of a lead figure it puts back, made absolute', () => {
    const figure =
      '<figure><img src="/img/tram.jpg" alt="A tram"><figcaption>The new tram at the depot. <a href="/gallery/trams">More pictures</a></figcaption></figure>';
    const doc = page(`<header><h1>Council backs tram extension</h1>${figure}</header><div class="story">${PROSE}</div>`);
    const result = extractArticle(doc, { url: 'https://example.com/news/story' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.contentHtml).toContain('<figcaption>The new tram at the depot.');
    expect(result.article.contentHtml).toContain('href="https://example.com/gallery/trams"');
  });
});

describe('a page served as XHTML', () => {
  it('is read like the same page served as HTML, with its links resolved against the page', async () => {
    const { JSDOM } = await import('jsdom');
    const url = 'https://www.city-news.example/2025/trams.xhtml';
    const markup = `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Tram line to reach the northern suburbs</title></head>
<body><article><h1>Tram line to reach the northern suburbs</h1>${PROSE.replace('the northern suburbs,', 'the <a href="../suburbs">northern suburbs</a>,')}</article></body></html>`;
    const xhtml = new JSDOM(markup, { url, contentType: 'application/xhtml+xml' }).window.document;
    const html = page(
      `<article><h1>Tram line to reach the northern suburbs</h1>${PROSE.replace('the northern suburbs,', 'the <a href="../suburbs">northern suburbs</a>,')}</article>`,
      '',
      url,
    );
    expect(xhtml.contentType).toBe('application/xhtml+xml');
    const fromXhtml = extractArticle(xhtml, { url });
    const fromHtml = extractArticle(html, { url });
    if (!fromXhtml.ok || !fromHtml.ok) throw new Error('no article');
    expect(fromXhtml.article.textContent).toBe(fromHtml.article.textContent);
    expect(fromXhtml.article.contentHtml).toContain('<a href="https://www.city-news.example/suburbs"');
    expect(fromXhtml.article.contentHtml).toBe(fromHtml.article.contentHtml);
  });
});
