import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { toEpub } from '../../lib/export/epub';
import { toXhtmlFragment, type DomWindow } from '../../lib/export/xhtml';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import type { ArticleRecord } from '../../lib/article';
import { epubcheck } from './support/epubcheck';
import { FIXTURE_URL, PROSE, readFixture } from './support/dom';
import { sampleArticle } from './support/article';

const win = new JSDOM('').window as unknown as Window;
const dom = win as unknown as DomWindow;
const NOW = new Date('2026-02-03T04:05:06.789Z');

function fortune(): ArticleRecord {
  const result = extractArticle(parseHtml(readFixture('fortune/wordpress.html'), FIXTURE_URL), { url: FIXTURE_URL });
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

/** Every hostile vector of the local subset inside one article. */
function hostile(): ArticleRecord {
  const file = fileURLToPath(new URL('../fixtures/xss/vectors-subset.json', import.meta.url));
  const vectors = (JSON.parse(readFileSync(file, 'utf8')) as { vectors: { payload: string }[] }).vectors;
  return sampleArticle({
    canonicalUrl: 'https://a.example/hostile',
    title: 'Hostile <b>&</b> "quotes"',
    contentHtml: PROSE + vectors.map((v) => `<div><p>${v.payload}</p></div>`).join('\n'),
  });
}

/** HTML the parser accepts but XHTML's content model does not. */
const AWKWARD = sampleArticle({
  canonicalUrl: 'https://a.example/awkward',
  lang: 'not a language!',
  contentHtml:
    '<h2>Head <div>with a block</div></h2><ul><p>stray paragraph</p><li>item</li></ul><li>orphan item</li>' +
    '<p>Control\u0001char &nbsp;and <a href="/relative">relative</a>, <a href="#gone">fragment</a>, <a href="javascript:x">script</a></p>' +
    '<figure><img src="https://a.example/p.jpg" alt="A picture"><figcaption>Caption</figcaption></figure><p><a href="https://a.example/"><img src="x.png" alt="in a link"></a></p>' +
    '<table border="1" align="center"><tr><td colspan="x" rowspan="2">c</td></tr></table><center>old</center><font color="red">red</font><time>soon</time>' +
    '<section><header><h3>Inner</h3></header><p>text</p><footer>foot</footer></section><span><div>block in span</div></span><dl><dt>t</dt><dd>d</dd></dl>' +
    // A credit link after the caption, two captions, a caption between pictures; descriptions without terms and a term without one.
    '<figure><img src="https://a.example/1.jpg" alt="One"><figcaption>Caption one</figcaption><a href="https://a.example/credit">Credit</a></figure>' +
    '<figure><figcaption>First</figcaption><img src="https://a.example/2.jpg" alt="Two"><figcaption>Second</figcaption></figure>' +
    '<figure><img src="https://a.example/3.jpg" alt="Three"><figcaption>Between</figcaption><p>A block after</p></figure>' +
    '<dl><dd>no term</dd><dt>term</dt><dd>fine</dd></dl><dl><dt>only a term</dt></dl><dl><p>a paragraph</p><dt>t</dt><dd>d</dd></dl>' +
    '<h3>A list in a heading <ul><li>one</li><li>two</li></ul></h3><table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody></table>',
});

describe('XHTML chapters', () => {
  it('are well-formed XML, with images as links, relative links resolved and unusable ones unwrapped', () => {
    const xhtml = toXhtmlFragment(AWKWARD.contentHtml, 'https://a.example/story/', dom);
    const parsed = new (win as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(
      `<div xmlns="http://www.w3.org/1999/xhtml">${xhtml}</div>`,
      'application/xhtml+xml',
    );
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xhtml).not.toContain('<img');
    expect(xhtml).toContain('<a href="https://a.example/p.jpg">[Image: A picture]</a>');
    expect(xhtml).toContain('[Image: in a link]');
    expect(xhtml).toContain('<a href="https://a.example/relative">relative</a>');
    expect(xhtml).not.toMatch(/href="(?:#|javascript)/);
    expect(xhtml).not.toMatch(/<(?:center|font|section|header|footer|time)\b|border=|align=|\u0001/);
    expect(xhtml).toContain('\u00a0');
  });
});

describe('XHTML groups', () => {
  const fragment = (html: string) => toXhtmlFragment(html, 'https://a.example/', dom);

  it('a figure keeps one caption, first or last: phrasing after the caption joins it, a block after it leaves it a plain block', () => {
    expect(fragment('<figure><img src="/1.jpg" alt="One"><figcaption>Caption</figcaption><a href="/credit">Credit</a></figure>')).toBe(
      '<figure><a href="https://a.example/1.jpg">[Image: One]</a><figcaption>Caption <a href="https://a.example/credit">Credit</a></figcaption></figure>',
    );
    expect(fragment('<figure><figcaption>First</figcaption><p>x</p><figcaption>Second</figcaption></figure>')).toBe(
      '<figure><figcaption>First</figcaption><p>x</p><div>Second</div></figure>',
    );
    expect(fragment('<figure><p>x</p><figcaption>Middle</figcaption><p>y</p></figure>')).toBe('<figure><p>x</p><div>Middle</div><p>y</p></figure>');
    expect(fragment('<figure><p>x</p><figcaption>Last</figcaption> </figure>')).toBe('<figure><p>x</p><figcaption>Last</figcaption> </figure>');
  });

  it('a link address has the characters RFC 3986 refuses percent-encoded, the host left alone', () => {
    expect(fragment('<a href="https://a.example/x?ts=[t]&s=a|b#ref_[1]">x</a>')).toBe('<a href="https://a.example/x?ts=%5Bt%5D&amp;s=a%7Cb#ref_%5B1%5D">x</a>');
    expect(fragment('<a href="http://[::1]/p">x</a>')).toBe('<a href="http://[::1]/p">x</a>');
  });

  it('a table has its caption first, one head, its bodies and one foot last', () => {
    expect(fragment('<table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody><caption>c</caption></table>')).toBe(
      '<table><caption>c</caption><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    );
    expect(fragment('<table><thead><tr><th>h</th></tr></thead><thead><tr><th>h2</th></tr></thead></table>')).toBe(
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><th>h2</th></tr></tbody></table>',
    );
  });

  it('a list inside a heading gives way to its text, without items left behind', () => {
    expect(fragment('<h3>Highlights <ul><li>one</li><li>two</li></ul></h3>')).not.toMatch(/<li|<ul/);
    expect(fragment('<h3>Highlights <ul><li>one</li><li>two</li></ul></h3>')).toContain('one');
  });

  it('a description list that is not terms then descriptions becomes plain blocks in the same order; a good one stays', () => {
    expect(fragment('<dl><dt>a</dt><dt>b</dt><dd>c</dd><dt>d</dt><dd>e</dd><dd>f</dd></dl>')).toBe(
      '<dl><dt>a</dt><dt>b</dt><dd>c</dd><dt>d</dt><dd>e</dd><dd>f</dd></dl>',
    );
    expect(fragment('<dl><dd>no term</dd><dt>t</dt><dd>d</dd></dl>')).toBe('<div><div>no term</div><p>t</p><div>d</div></div>');
    expect(fragment('<dl><dt>only a term</dt></dl>')).toBe('<div><p>only a term</p></div>');
  });
});

describe('EPUB', () => {
  it('puts the mimetype first and uncompressed, then container, package, nav and one chapter per article', () => {
    const book = toEpub([sampleArticle(), sampleArticle({ canonicalUrl: 'https://a.example/2', title: 'Second' })], { now: NOW, win });
    expect(strFromU8(book.subarray(30, 38))).toBe('mimetype');
    expect(book[8]).toBe(0); // compression method 0: stored
    expect(strFromU8(book.subarray(38, 58))).toBe('application/epub+zip');
    const files = unzipSync(book);
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'OEBPS/style.css',
      'OEBPS/chapter-1.xhtml',
      'OEBPS/chapter-2.xhtml',
      'OEBPS/nav.xhtml',
      'OEBPS/package.opf',
    ]);
    const opf = strFromU8(files['OEBPS/package.opf']!);
    expect(opf).toContain('<dc:title>Clean Copy: 2 articles</dc:title>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-02-03T04:05:06Z</meta>');
    expect(strFromU8(files['OEBPS/nav.xhtml']!)).toContain('<li><a href="chapter-2.xhtml">Second</a></li>');
  });

  it('is the same bytes for the same articles and time', () => {
    expect(toEpub([sampleArticle()], { now: NOW, win })).toEqual(toEpub([sampleArticle()], { now: NOW, win }));
  });

  it('passes epubcheck with no errors: one real article', async () => {
    const book = toEpub([fortune()], { now: NOW, win });
    const opf = strFromU8(unzipSync(book)['OEBPS/package.opf']!);
    expect(opf).toContain('<dc:title>Secret U.S.-Russia talks led to plan that blindsided Ukraine</dc:title>');
    expect(opf).toContain('<dc:creator id="creator-1">');
    const { errors } = await epubcheck(book);
    expect(errors).toEqual([]);
  }, 60_000);

  it('passes epubcheck with no errors: several articles, hostile and awkward HTML included', async () => {
    const noted = { ...sampleArticle({ canonicalUrl: 'https://a.example/noted' }), tags: ['a & b'], notes: 'Ask <why>\nnow.\n\nLater.' };
    const book = toEpub([sampleArticle(), fortune(), hostile(), AWKWARD, noted], { now: NOW, win, title: 'My reading' });
    const { errors } = await epubcheck(book);
    expect(errors).toEqual([]);
    const chapters = Object.entries(unzipSync(book))
      .filter(([name]) => name.includes('chapter-'))
      .map(([, bytes]) => strFromU8(bytes));
    expect(chapters).toHaveLength(5);
    expect(chapters[4]).toContain('<p class="meta">Tags: a &amp; b</p>');
    expect(chapters[4]).toContain('<h2>Notes</h2>\n<p>Ask &lt;why&gt;<br/>now.</p>\n<p>Later.</p>');
    for (const c of chapters) expect(c).not.toMatch(/<(?:script|iframe|object|embed|img|svg|math|form)\b|\son[a-z]+=|javascript:/i);
  }, 60_000);

  it('finds errors in a broken book, so a pass means something', async () => {
    const files = unzipSync(toEpub([sampleArticle()], { now: NOW, win }));
    const broken = new TextEncoder().encode(strFromU8(files['OEBPS/chapter-1.xhtml']!).replace('</section>', ''));
    const { zipSync } = await import('fflate');
    const book = zipSync({
      mimetype: [files.mimetype!, { level: 0 }],
      ...Object.fromEntries(Object.entries(files).filter(([n]) => n !== 'mimetype')),
      'OEBPS/chapter-1.xhtml': broken,
    });
    expect((await epubcheck(book)).errors.length).toBeGreaterThan(0);
  }, 60_000);
});
