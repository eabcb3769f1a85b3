import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/corpus';
import { newHighlight } from '../../lib/annotations/highlights';
import { markHighlights } from '../../lib/annotations/mark-html';
import { rangeOffsets, textMap } from '../../lib/annotations/text-map';
import { blockText } from '../../lib/block-text';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { withoutSoftHyphens } from '../../lib/text';
import type { ArticleRecord } from '../../lib/article';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const { document: doc } = new JSDOM('<!doctype html><body></body>').window;
const CREATED = new Date('2026-01-02T03:04:05.000Z');

function body(html: string): HTMLElement {
  const div = doc.createElement('div');
  div.innerHTML = html;
  return div;
}

const highlight = (text: string, words: string, id = 'h1', note = '') => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return newHighlight(text, { start, end: start + words.length }, note, id, CREATED);
};

/** The text of each highlight's marks, joined, by highlight id. */
function markedText(root: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of Array.from(root.querySelectorAll('mark[data-highlight]'))) {
    const id = m.getAttribute('data-highlight')!;
    out[id] = (out[id] ?? '') + m.textContent;
  }
  return out;
}

let extracted: { id: string; article: ArticleRecord }[] | undefined;
/** The articles of 40 corpus pages (20 AEB news pages, 20 of Readability's tests), extracted once for the tests that read them. */
function corpusArticles(): { id: string; article: ArticleRecord }[] {
  extracted ??= [...loadCorpus(CORPUS, 'aeb', 20), ...loadCorpus(CORPUS, 'readability', 20)].flatMap((page) => {
    const result = extractArticle(parseHtml(page.html, page.url), { url: page.url });
    return result.ok ? [{ id: page.id, article: result.article }] : [];
  });
  return extracted;
}

describe('the text map', () => {
  it('makes the stored textContent of every article of 40 corpus pages, tables, lists and figures included, character for character', () => {
    const kinds = new Set<string>();
    let compared = 0;
    for (const page of corpusArticles()) {
      const { contentHtml, textContent } = page.article;
      for (const tag of ['table', 'li', 'figure', 'br']) if (contentHtml.includes(`<${tag}`)) kinds.add(tag);
      const map = textMap(body(contentHtml));
      expect(map.text, page.id).toBe(textContent);
      expect(map.nodes).toHaveLength(textContent.length);
      // Every character from a node is that node's character (a collapsed run of white space is a space).
      for (let i = 0; i < map.text.length; i++) {
        const node = map.nodes[i];
        if (node) expect(/\s/.test(map.text[i]!) ? /\s/.test(node.data[map.offsets[i]!]!) : node.data[map.offsets[i]!] === map.text[i]).toBe(true);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(36);
    expect([...kinds].sort()).toEqual(['br', 'figure', 'li', 'table']);
  }, 120_000);

  it('turns the selection of a whole paragraph, list item or table cell of a corpus article into those words of its stored text', () => {
    const seen: Record<string, number> = { p: 0, li: 0, td: 0, th: 0 };
    for (const { id, article } of corpusArticles()) {
      const root = body(article.contentHtml);
      const map = textMap(root);
      for (const el of Array.from(root.querySelectorAll('p, li, td, th'))) {
        // Words in a picture's caption are not in the text; a list item holding a list has its own items' bullets.
        if (el.closest('figure') || el.querySelector('p, li, ul, ol, table, div, br')) continue;
        const words = withoutSoftHyphens(el.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim();
        if (!words) continue;
        const range = doc.createRange();
        range.selectNodeContents(el);
        const r = rangeOffsets(map, range);
        expect(r, `${id} <${el.localName}>`).not.toBeNull();
        expect(article.textContent.slice(r!.start, r!.end), `${id} <${el.localName}>`).toBe(words);
        seen[el.localName]!++;
      }
    }
    expect(seen.p).toBeGreaterThan(500);
    expect(seen.li).toBeGreaterThan(50);
    expect(seen.td! + seen.th!).toBeGreaterThan(20);
  }, 120_000);

  it('turns a selection into the offsets of the stored text, across paragraphs, list items and table cells', () => {
    const root = body('<p>Fish &amp; <em>chips</em> today.</p><ul><li>One  item</li><li>Two</li></ul><table><tr><td>A1</td><td>B1</td></tr></table>');
    const map = textMap(root);
    expect(map.text).toBe(withoutSoftHyphens(blockText(root)));
    expect(map.text.startsWith('Fish & chips today.\n\n• One item\n\n• Two\n\nA1')).toBe(true);
    const range = doc.createRange();
    const em = root.querySelector('em')!.firstChild!;
    const two = root.querySelectorAll('li')[1]!.firstChild!;
    range.setStart(em, 2);
    range.setEnd(two, 2);
    const r = rangeOffsets(map, range)!;
    expect(map.text.slice(r.start, r.end)).toBe('ips today.\n\n• One item\n\n• Tw');
    // A selection of white space alone, or of nothing, is no highlight.
    const blank = doc.createRange();
    blank.setStart(root.querySelector('p')!.firstChild!, 4);
    blank.setEnd(root.querySelector('p')!.firstChild!, 5);
    expect(rangeOffsets(map, blank)).toBeNull();
  });
});

describe('marking highlights in the HTML', () => {
  it('wraps a highlight that crosses a link and a paragraph boundary in one mark per text node, with the note on the last', () => {
    const html = '<p>The council <a href="https://x.example/">voted on</a> Tuesday.</p><p>The tram will run.</p>';
    const root = body(html);
    const text = textMap(root).text;
    const h = highlight(text, 'on Tuesday.\n\nThe tram', 'a', 'check this');
    const placed = markHighlights(root, [h]);
    expect(placed.map((p) => p.note)).toEqual([1]);
    const marks = Array.from(root.querySelectorAll('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['on', ' Tuesday.', 'The tram']);
    expect(marks.map((m) => m.parentElement!.localName)).toEqual(['a', 'p', 'p']);
    expect(marks.map((m) => m.getAttribute('data-note'))).toEqual([null, null, '1']);
    // The marks are inline: the text, and so every other highlight's offsets, stay the same.
    expect(textMap(root).text).toBe(text);
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://x.example/');
  });

  it('marks right-to-left text and leaves the direction markup alone', () => {
    const root = body('<p dir="rtl">مرحبا <b>بالعالم</b> الجميل</p><p dir="rtl">שלום עולם</p>');
    const text = textMap(root).text;
    const placed = markHighlights(root, [highlight(text, 'بالعالم الجميل', 'ar'), highlight(text, 'עולם', 'he')]);
    expect(placed).toHaveLength(2);
    expect(markedText(root)).toEqual({ ar: 'بالعالم الجميل', he: 'עולם' });
    expect(root.querySelectorAll('p[dir=rtl]')).toHaveLength(2);
  });

  it('keeps entities and soft hyphens as they were written around the marks', () => {
    const html = '<p>Fish &amp; chips &lt;b&gt; cost&nbsp;£5 in Reyk\u00adjavík.</p>';
    const root = body(html);
    const text = textMap(root).text;
    expect(text).toBe('Fish & chips <b> cost £5 in Reykjavík.');
    markHighlights(root, [highlight(text, '& chips <b>', 'e'), highlight(text, 'Reykjavík', 'r')]);
    expect(root.innerHTML).toBe(
      '<p>Fish <mark data-highlight="e">&amp; chips &lt;b&gt;</mark> cost&nbsp;£5 in <mark data-highlight="r">Reyk\u00adjavík</mark>.</p>',
    );
  });

  it('follows a highlight to its words when the offsets moved, and leaves out one whose words are gone', () => {
    const before = 'Works start in May.\n\nThe tram will run.';
    const moved = highlight(before, 'tram will run', 'm');
    const gone = highlight(before, 'start in May', 'g');
    const root = body('<p>An update.</p><p>Works start in June.</p><p>The tram will run.</p>');
    const placed = markHighlights(root, [gone, moved]);
    expect(placed.map((p) => p.highlight.id)).toEqual(['m']);
    expect(markedText(root)).toEqual({ m: 'tram will run' });
  });

  it('gives text two highlights share to the one that starts first, and numbers notes in reading order', () => {
    const root = body('<p>one two three four five</p>');
    const text = textMap(root).text;
    const late = highlight(text, 'three four five', 'late', 'second note');
    const early = highlight(text, 'two three', 'early', 'first note');
    const placed = markHighlights(root, [late, early]);
    expect(placed.map((p) => [p.highlight.id, p.note])).toEqual([
      ['early', 1],
      ['late', 2],
    ]);
    expect(markedText(root)).toEqual({ early: 'two three', late: ' four five' });
  });
});
