import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import type { ArticleRecord } from '../../lib/article';
import { normalize, PROSE } from './support/dom';

/**
 * Failure modes readers report against other extractors, each on a small page
 * built to show it. The page around the story is the usual furniture.
 */
const URL_ = 'https://news.example/2025/11/story';

function clean(article: string, head = ''): ArticleRecord {
  const html = `<!doctype html><html lang="en"><head><title>Story | News</title>${head}</head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
    <main><article><h1>Story</h1>${article}</article></main>
    <footer><p>© 2025 News Example</p><a href="/about">About</a> <a href="/privacy">Privacy</a></footer></body></html>`;
  const result = extractArticle(parseHtml(html, URL_), { url: URL_ });
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

const text = (a: ArticleRecord) => normalize(a.textContent);

describe('failure modes of other extractors', () => {
  it('keeps a paragraph that sits wholly inside a link', () => {
    const a = clean(
      `${PROSE}<a href="/report"><p>The full inspection report, published on Friday, runs to three hundred pages and lists every fault found on the old line.</p></a>${PROSE}`,
    );
    expect(text(a)).toContain('The full inspection report, published on Friday');
  });

  it('keeps one-line paragraphs wrapped in nested spans', () => {
    const a = clean(`${PROSE}<div><span><span>It was not to be.</span></span></div>${PROSE}`);
    expect(text(a)).toContain('It was not to be.');
  });

  it('keeps the first paragraphs when they sit in their own section before the body', () => {
    const lede =
      '<section class="lede"><p>The first tram left the depot at dawn, ten years after the line was first promised.</p><p>Hundreds of people waited at the first stop.</p></section>';
    const a = clean(`${lede}<section>${PROSE}</section>`);
    expect(text(a)).toContain('The first tram left the depot at dawn');
    expect(text(a)).toContain('Hundreds of people waited at the first stop.');
  });

  it('keeps lazy images: data-src, data-srcset and <noscript> fallbacks', () => {
    const a =
      clean(`${PROSE}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" data-srcset="/img/a-640.jpg 640w, /img/a-1280.jpg 1280w" alt="A tram"><figcaption>The new tram</figcaption></figure>
      <figure><img class="lazy" alt=""><noscript><img src="/img/b.jpg" alt="The depot"></noscript><figcaption>The depot</figcaption></figure>${PROSE}`);
    expect(a.contentHtml).toContain('src="https://news.example/img/a.jpg"');
    expect(a.contentHtml).toContain('https://news.example/img/a-1280.jpg 1280w');
    expect(a.contentHtml).toContain('src="https://news.example/img/b.jpg"');
  });

  it('takes out icon drawings and templates without losing what follows them, however deep they end', () => {
    // Each drawing is the last thing in its wrapper, so the walk past it climbs out before going on.
    const a = clean(`<div><div><span>Share</span><svg><g><path d="M0 0"/></g></svg></div></div>${PROSE}
      <div><template><p>Template words</p></template></div><div><figure><img class="lazy" alt=""><noscript><img src="/img/c.jpg" alt="The bridge"></noscript><figcaption>The bridge</figcaption></figure></div>${PROSE}`);
    expect(a.contentHtml).not.toMatch(/<svg|<path|Template words/);
    expect(a.contentHtml).toContain('src="https://news.example/img/c.jpg"');
    expect(text(a).split(normalize(PROSE.replace(/<[^>]+>/g, ' ')).slice(0, 60))).toHaveLength(3);
  });

  it('keeps MathML formulas, in the HTML and in the story text', () => {
    const a = clean(`${PROSE}<p>The roots are real when <math><mi>b</mi><mo>&#x2265;</mo><mn>4</mn><mi>a</mi><mi>c</mi></math> holds.</p>
      <math display="block"><mfrac><mn>1</mn><mn>2</mn></mfrac><mtext>onward</mtext></math>${PROSE}`);
    expect(a.contentHtml).toMatch(/<math><mi>b<\/mi><mo>≥<\/mo><mn>4<\/mn>/);
    expect(a.contentHtml).toContain('<mfrac><mn>1</mn><mn>2</mn></mfrac>');
    expect(text(a)).toContain('b≥4ac holds');
  });

  it('keeps figure captions, once each, with their picture and out of the story text', () => {
    const a = clean(
      `${PROSE}<figure><img src="/img/a.jpg" alt="Riders boarding the tram"><figcaption>Riders boarding the first tram on Tuesday.</figcaption></figure>${PROSE}`,
    );
    expect(a.contentHtml.split('Riders boarding the first tram on Tuesday.')).toHaveLength(2);
    expect(a.contentHtml).toMatch(/<figure>\s*<img[^>]+a\.jpg[^>]*>\s*<figcaption>Riders boarding/);
    // The words describe the picture: they are not read, counted or exported as story text.
    expect(text(a)).not.toContain('Riders boarding');
    expect(text(a)).toContain(normalize(PROSE.replace(/<[^>]+>/g, ' ')).slice(0, 60));
  });

  it('leaves out a caption whose picture did not survive, and a caption outside any figure', () => {
    const a = clean(
      `${PROSE}<figure><figcaption>Riders at the depot (Reuters/Jane Doe)</figcaption></figure><div><figcaption>The mayor cuts the ribbon</figcaption></div>${PROSE}`,
    );
    expect(a.contentHtml).toContain('Riders at the depot');
    expect(text(a)).not.toContain('Riders at the depot');
    expect(text(a)).not.toContain('The mayor cuts the ribbon');
  });

  it('keeps the text of a figure that holds a quote or a table, not a picture', () => {
    const a = clean(
      `${PROSE}<figure><blockquote><p>The line will carry twelve thousand riders a day by the end of its first year.</p></blockquote><figcaption>The mayor, at the opening</figcaption></figure>${PROSE}`,
    );
    expect(text(a)).toContain('The line will carry twelve thousand riders a day');
    expect(text(a)).toContain('The mayor, at the opening');
  });

  it('keeps whole tables, not only their head', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `<tr><td>Stop ${i + 1}</td><td>${i * 3} min</td></tr>`).join('');
    const a = clean(`${PROSE}<table><thead><tr><th>Stop</th><th>Time</th></tr></thead><tbody>${rows}</tbody></table>${PROSE}`);
    for (let i = 1; i <= 8; i++) expect(text(a)).toContain(`Stop ${i}`);
  });

  it('keeps code blocks as they are written', () => {
    const code = 'function fare(km) {\n  if (km < 3) return 2;\n  return 2 + (km - 3) * 0.5;\n}';
    const a = clean(`${PROSE}<pre><code>${code.replace(/</g, '&lt;')}</code></pre>${PROSE}`);
    expect(a.contentHtml).toContain(`<pre><code>${code.replace(/</g, '&lt;')}</code></pre>`);
  });

  it('keeps footnotes with their text, and their links to and fro lead somewhere', () => {
    const a = clean(`${PROSE}<p id="lead">The line carried 12,000 riders a day.<sup id="r1"><a href="#fn1">1</a></sup></p>${PROSE}
      <ol class="footnotes"><li id="fn1">City transport survey, 2024, table 3. <a href="#r1">↩</a></li></ol>`);
    expect(text(a)).toContain('City transport survey, 2024, table 3.');
    const body = parseHtml(`<body>${a.contentHtml}</body>`, 'https://news.example/').body;
    const links = Array.from(body.querySelectorAll('a[href^="#"]'));
    expect(links.map((l) => l.textContent)).toEqual(['1', '↩']);
    for (const link of links) expect(body.querySelector(`[id="${link.getAttribute('href')!.slice(1)}"]`)).not.toBeNull();
    expect(body.querySelector('li')!.id).toMatch(/^user-content-/);
    // An id no link points to is dropped.
    expect(body.querySelectorAll('[id]')).toHaveLength(2);
  });

  it('reads a byline of several names once each, without "By" or "and"', () => {
    const a = clean(
      `<p class="byline">By <a rel="author" href="/ann">Ann Lee</a>, <a rel="author" href="/ann">Ann Lee</a> and <a rel="author" href="/bo">Bo Chan</a></p>${PROSE}`,
    );
    expect(a.authors).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it('takes the published date, not the updated one', () => {
    const head =
      '<meta property="article:modified_time" content="2025-11-25T10:00:00Z"><meta property="article:published_time" content="2025-11-23T08:00:00Z">';
    const a = clean(`<p>Updated November 25, 2025</p>${PROSE}`, head);
    expect(a.publishedTime).toBe('2025-11-23T08:00:00.000Z');
    expect(a.modifiedTime).toBe('2025-11-25T10:00:00.000Z');
  });
});
