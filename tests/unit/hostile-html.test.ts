import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { sanitizeElement, sanitizeHtml } from '../../lib/sanitize';
import { srcsetUrls } from '../../lib/srcset';
import { FORMATS } from '../../lib/export/formats';
import { PROSE } from './support/dom';

interface Vector {
  id: string;
  payload: string;
}

/**
 * The shared corpus of 372 hostile-HTML vectors (Cure53's DOMPurify tests and
 * HTML5 Security Cheatsheet), read from beside the project; a few credited
 * ones are copied into tests/fixtures/xss so the suite runs without it too.
 */
function loadVectors(): Vector[] {
  const shared = fileURLToPath(new URL('../../../shared/corpus/xss/vectors.json', import.meta.url));
  try {
    return (JSON.parse(readFileSync(shared, 'utf8')) as { vectors: Vector[] }).vectors;
  } catch {
    const local = fileURLToPath(new URL('../fixtures/xss/vectors-subset.json', import.meta.url));
    return (JSON.parse(readFileSync(local, 'utf8')) as { vectors: Vector[] }).vectors;
  }
}

const vectors = loadVectors();
const URL_ = 'https://news.example/story';
// MathML may stay (formulas are content); what it could smuggle in, HTML inside it included, is still looked for below.
const ACTIVE_TAGS = new Set([
  'SCRIPT',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'STYLE',
  'LINK',
  'META',
  'BASE',
  'FORM',
  'INPUT',
  'BUTTON',
  'TEXTAREA',
  'SELECT',
  'SVG',
  'TEMPLATE',
  'NOSCRIPT',
  'FRAMESET',
  'APPLET',
  'ANNOTATION-XML',
  'MGLYPH',
  'MALIGNMARK',
]);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'longdesc', 'usemap']);

const SAFE_ADDRESS = /^(?:https?:|mailto:|#|data:image\/(?:png|gif|jpe?g|webp|avif)[;,])/i;

/** Every way markup could run or load something, found by parsing it as a browser would. */
function activeContent(html: string): string[] {
  const doc = parseHtml(`<!doctype html><body>${html}</body>`, 'https://inert.example/');
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    if (ACTIVE_TAGS.has(el.tagName.toUpperCase())) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`${name}=`);
      // DOMPurify empties `is` rather than dropping it, on purpose: an empty value upgrades nothing.
      if (name === 'is' && attr.value !== '') found.push('is=');
      // A picture set lists several addresses; each must be one of ours.
      const addresses = name === 'srcset' ? srcsetUrls(attr.value) : [attr.value];
      if (URL_ATTRS.has(name) && addresses.some((a) => a.trim() !== '' && !SAFE_ADDRESS.test(a.trim()))) found.push(`${name}=${attr.value.slice(0, 40)}`);
    }
  }
  return found;
}

describe('hostile HTML', () => {
  it('has the vectors to test with', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(20);
  });

  it('leaves nothing active after sanitising any vector on its own', () => {
    const win = parseHtml('', URL_).defaultView!;
    const bad = vectors.map((v) => [v.id, activeContent(sanitizeHtml(v.payload, win))] as const).filter(([, f]) => f.length > 0);
    expect(bad).toEqual([]);
  }, 60_000);

  it('leaves nothing active in the article, or in any export, when a vector sits inside a real article', () => {
    const problems: string[] = [];
    for (const v of vectors) {
      const doc = parseHtml(
        `<!doctype html><html><head><title>Story</title></head><body><article><h1>Story</h1>${PROSE}<div>${v.payload}</div>${PROSE}</article></body></html>`,
        URL_,
      );
      let result;
      try {
        result = extractArticle(doc, { url: URL_ });
      } catch (error) {
        problems.push(`${v.id}: threw ${(error as Error).message}`);
        continue;
      }
      if (!result.ok) continue;
      const a = result.article;
      for (const f of activeContent(a.contentHtml)) problems.push(`${v.id} contentHtml ${f}`);
      const html = FORMATS.html.render(a, new Date());
      const body = html.slice(html.indexOf('<article>'));
      for (const f of activeContent(body)) problems.push(`${v.id} html export ${f}`);
      const md = FORMATS.md
        .render(a, new Date())
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`\n]*`/g, '');
      if (/<[a-z!/?]/i.test(md)) problems.push(`${v.id} markdown has raw markup`);
      if (/\]\(\s*(?:javascript:|vbscript:|data:(?!image\/(?:png|gif|jpe?g|webp|avif)[;,]))/i.test(md)) problems.push(`${v.id} markdown has a script link`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps the plain values of the attributes it allows, and refuses schemes in them and in addresses', () => {
    const win = parseHtml('', URL_).defaultView!;
    const kept = sanitizeHtml(
      '<p dir="rtl" lang="ar">نص</p><ol start="4" reversed><li>four</li></ol><table><tr><td colspan="2" rowspan="3">a</td></tr></table>' +
        '<img src="https://news.example/a.jpg" srcset="https://news.example/a.jpg 1x, https://news.example/b.jpg 2x" width="600" height="400" alt="A">' +
        '<time datetime="2025-11-23T08:00:00Z">Sunday</time><math><mi mathvariant="bold">x</mi></math>',
      win,
    );
    for (const attr of [
      'dir="rtl"',
      'lang="ar"',
      'start="4"',
      'reversed=""',
      'colspan="2"',
      'rowspan="3"',
      'width="600"',
      'height="400"',
      'datetime="2025-11-23T08:00:00Z"',
      'mathvariant="bold"',
      'srcset="https://news.example/a.jpg 1x, https://news.example/b.jpg 2x"',
    ]) {
      expect(kept).toContain(attr);
    }
    const refused = sanitizeHtml(
      '<p lang="javascript:alert(1)" dir="data:text/html,x">a</p><a href="/relative">b</a><img src="https://news.example/a.jpg" srcset="https://news.example/a.jpg 1x, javascript:alert(1) 2x" alt="c">',
      win,
    );
    expect(refused).toBe('<p>a</p><a>b</a><img src="https://news.example/a.jpg" alt="c">');
    const sets = sanitizeHtml(
      '<img src="https://cdn.example/a.jpg" srcset="https://cdn.example/upload/w_400,h_300,c_fill/a.jpg 400w, https://cdn.example/upload/w_800,h_600/a.jpg 800w" alt="d">' +
        '<img src="https://cdn.example/b.jpg" srcset="data:image/png;base64,iVBORw0KGgo= 1x" alt="e">',
      win,
    );
    expect(sets).toContain('srcset="https://cdn.example/upload/w_400,h_300,c_fill/a.jpg 400w, https://cdn.example/upload/w_800,h_600/a.jpg 800w"');
    expect(sets).toContain('srcset="data:image/png;base64,iVBORw0KGgo= 1x"');
    // A page's id cannot stand in for a global of the page that shows it: it keeps a prefix, and links follow it.
    expect(sanitizeHtml('<p id="library">a</p><a href="#library">b</a>', win)).toBe(
      '<p id="user-content-library">a</p><a href="#user-content-library" rel="noopener noreferrer">b</a>',
    );
  });

  it('checks an address whatever the case of its attribute name, which a page script can set', () => {
    const doc = parseHtml(`<!doctype html><body><div><p>Story</p><a>one</a><a>two</a></div></body>`, URL_);
    const [one, two] = Array.from(doc.querySelectorAll('a'));
    one!.setAttributeNS(null, 'HREF', 'javascript:alert(1)');
    two!.setAttributeNS(null, 'HREF', '//evil.example/x');
    const article = doc.querySelector('div')!;
    sanitizeElement(article, doc.defaultView!);
    expect(activeContent(article.innerHTML)).toEqual([]);
    expect(article.innerHTML).toBe('<p>Story</p><a>one</a><a>two</a>');
  });
});

describe('srcsetUrls', () => {
  it('reads addresses with commas in them, descriptors, and descriptors ended by a comma', () => {
    expect(srcsetUrls('https://a.example/w_400,h_300/x.jpg 400w, https://a.example/y.jpg 2x')).toEqual([
      'https://a.example/w_400,h_300/x.jpg',
      'https://a.example/y.jpg',
    ]);
    expect(srcsetUrls('a.jpg 1x,b.jpg 2x,c.jpg')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    // As browsers read it, an address ends at white space only: this is one address.
    expect(srcsetUrls('a.jpg,b.jpg')).toEqual(['a.jpg,b.jpg']);
    expect(srcsetUrls('data:image/png;base64,AAA= 1x, javascript:alert(1) 2x')).toEqual(['data:image/png;base64,AAA=', 'javascript:alert(1)']);
    expect(srcsetUrls(' x.jpg 100w (max-width: 10px, min-width: 1px), y.jpg')).toEqual(['x.jpg', 'y.jpg']);
  });
});
