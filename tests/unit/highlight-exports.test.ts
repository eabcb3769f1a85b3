import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOTATION_CONTEXT, type Highlight } from '../../lib/article-schema';
import { newHighlight } from '../../lib/annotations/highlights';
import { toEpub } from '../../lib/export/epub';
import { exportOne } from '../../lib/export/formats';
import { useExportDocument } from '../../lib/export/highlighted';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { LIBRARY_LOCK, Library, type KeyValueArea, type PagesLock } from '../../lib/library/library';
import { pagesLock } from '../../entrypoints/library/page-storage';
import type { SavedArticle } from '../../lib/library/saved-article';
import { SearchIndex } from '../../lib/library/search-index';
import { syncSearchIndex } from '../../lib/library/search-sync';
import { sampleArticle } from './support/article';
import { FIXTURE_URL, readFixture } from './support/dom';
import { epubcheck } from './support/epubcheck';
import { clock, freshLibrary } from './support/library';

const win = new JSDOM('').window as unknown as Window;
const NOW = new Date('2026-02-03T04:05:06.789Z');
const TEXT = 'The council voted on Tuesday.\n\nThe tram will run every ten minutes.\n\nWorks start in May.';
const HTML = '<p>The council <strong>voted</strong> on Tuesday.</p><p>The tram will run every ten minutes.</p><p>Works start in May.</p>';

beforeAll(() => useExportDocument(() => win.document));

const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

let library: Library;
let area: KeyValueArea;
let article: SavedArticle;
beforeEach(async () => {
  ({ library, area } = freshLibrary());
  const a = await library.save(sampleArticle({ contentHtml: HTML, textContent: TEXT }));
  await library.addHighlight(a.id, at(TEXT, 'council voted on'), 'Who <b>voted</b> against?\nAsk the clerk.');
  await library.addHighlight(a.id, at(TEXT, 'Works start'));
  article = (await library.get(a.id))!;
});

describe('Markdown', () => {
  it('writes each highlight as ==text== across the bold, with its note as a footnote', () => {
    const md = exportOne(article, 'md', NOW).data as string;
    expect(md).toContain('The ==council **voted** on==[^1] Tuesday.');
    expect(md).toContain('==Works start== in May.');
    // The note's lines stay in the footnote, and what looks like a tag stays text.
    expect(md).toContain('[^1]: Who &lt;b&gt;voted&lt;/b&gt; against?\n    Ask the clerk.');
    expect(md.match(/\[\^1\]/g)).toHaveLength(2);
  });

  it('lists a highlight whose words are gone instead of dropping it', () => {
    const gone: Highlight = newHighlight('Old words here', { start: 4, end: 9 }, 'still mine', 'urn:x:gone', NOW);
    const md = exportOne({ ...article, highlights: [...article.highlights, gone] }, 'md', NOW).data as string;
    expect(md).toContain('## Highlights no longer in the text\n\n- ==words==\n\n  still mine');
  });

  it('writes a file of the highlights alone, in reading order, named after the article', () => {
    const file = exportOne({ ...article, highlights: [...article.highlights].reverse() }, 'highlights', NOW);
    expect(file.name).toBe('tram-line-to-reach-the-northern-suburbs.highlights.md');
    expect(file.data).toBe(
      '# Tram line to reach the northern suburbs\n\n<https://city.example/trams>\n\n' +
        '> council voted on\n\nWho &lt;b&gt;voted&lt;/b&gt; against?\nAsk the clerk.\n\n---\n\n> Works start\n',
    );
  });
});

describe('HTML and EPUB', () => {
  it('mark each highlight, number its note and list the notes, escaped', () => {
    const html = exportOne(article, 'html', NOW).data as string;
    const doc = new JSDOM(html).window.document;
    const marks = Array.from(doc.querySelectorAll('article > p mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['council ', 'voted', ' on', 'Works start']);
    expect(doc.querySelector('article > p sup')?.textContent).toBe('1');
    const notes = doc.querySelector('section.highlight-notes')!;
    expect(notes.querySelector('li')!.innerHTML).toBe('<mark>council voted on</mark><br>Who &lt;b&gt;voted&lt;/b&gt; against?<br>Ask the clerk.');
    expect(doc.querySelector('b')).toBeNull();
  });

  it('carry highlights in an EPUB book that passes epubcheck, from a real article with its markup crossed', async () => {
    const result = extractArticle(parseHtml(readFixture('fortune/wordpress.html'), FIXTURE_URL), { url: FIXTURE_URL });
    if (!result.ok) throw new Error(result.message);
    const saved = await library.save(result.article);
    const text = saved.textContent;
    // From the middle of one paragraph into the next: two block boundaries and whatever inline markup lies between.
    const para = text.indexOf('\n\n', 2000);
    await library.addHighlight(saved.id, { start: para - 40, end: para + 30 }, 'a note & <more>');
    const withNote = (await library.get(saved.id))!;
    const book = toEpub([withNote, article], { now: NOW, win });
    const chapter = strFromU8(unzipSync(book)['OEBPS/chapter-1.xhtml']!);
    expect(chapter.match(/<mark>/g)!.length).toBeGreaterThanOrEqual(3);
    expect(chapter).toContain('a note &amp; &lt;more&gt;');
    const { errors } = await epubcheck(book);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('JSON', () => {
  it('writes each highlight as a complete W3C annotation: context, type, an IRI id, the target’s source and selectors', () => {
    const doc = JSON.parse(exportOne(article, 'json', NOW).data as string) as { articles: { highlights: Record<string, unknown>[] }[] };
    const [first] = doc.articles[0]!.highlights;
    expect(Object.keys(first!)).toEqual(['@context', 'type', 'id', 'created', 'bodyValue', 'target']);
    expect(first).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'Annotation',
      id: expect.stringMatching(/^urn:clean-copy:highlight:/),
      target: {
        source: 'https://city.example/trams',
        selector: [
          { type: 'TextQuoteSelector', exact: 'council voted on' },
          { type: 'TextPositionSelector', start: 4, end: 20 },
        ],
      },
    });
  });

  it('completes a highlight stored without context or source', () => {
    const bare = { ...article.highlights[0]!, target: { selector: article.highlights[0]!.target.selector } };
    delete (bare as Partial<Highlight>)['@context'];
    const doc = JSON.parse(exportOne({ ...article, highlights: [bare] }, 'json', NOW).data as string) as { articles: { highlights: Highlight[] }[] };
    expect(doc.articles[0]!.highlights[0]).toMatchObject({ '@context': ANNOTATION_CONTEXT, target: { source: 'https://city.example/trams' } });
  });
});

describe('search', () => {
  it('finds an article by words only in a highlight note, or only highlighted, accents folded', async () => {
    const other = await library.save(
      sampleArticle({ canonicalUrl: 'https://city.example/other', textContent: 'Nothing about it.', contentHtml: '<p>Nothing about it.</p>' }),
    );
    await library.addHighlight(other.id, { start: 0, end: 7 }, 'Ask about Māori place names');
    const index = SearchIndex.empty();
    await syncSearchIndex(index, await library.list(), library);
    expect(index.search('maori').map((h) => h.id)).toEqual([other.id]);
    expect(index.search('clerk').map((h) => h.id)).toEqual([article.id]);
    // A note changed later is found once the index catches up with the article's new stamp.
    await library.noteHighlight(other.id, (await library.get(other.id))!.highlights[0]!.id, 'Antártida');
    await syncSearchIndex(index, await library.list(), library);
    expect(index.search('antartida').map((h) => h.id)).toEqual([other.id]);
    expect(index.search('maori')).toEqual([]);
  });

  it('counts the highlights in the list entry, and an Undo puts a removed one back where it was', async () => {
    const entry = (await library.list()).find((e) => e.id === article.id)!;
    expect(entry.highlights).toHaveLength(2);
    const [first, second] = article.highlights;
    await library.removeHighlight(article.id, first!.id);
    expect((await library.list())[0]!.highlights).toHaveLength(1);
    const back = await library.restoreHighlight(article.id, first!, 0);
    expect(back.highlights.map((h) => h.id)).toEqual([first!.id, second!.id]);
  });
});

describe('changes made at once in one page', () => {
  it('all land: a scroll position written while a highlight is added and another put back does not write over them', async () => {
    const [first] = article.highlights;
    await library.removeHighlight(article.id, first!.id);
    await Promise.all([
      library.setPosition(article.id, 0.5),
      library.addHighlight(article.id, at(TEXT, 'every ten minutes'), 'new'),
      library.restoreHighlight(article.id, first!, 0),
      library.mark([article.id], { favourite: true }),
      library.setPosition(article.id, 0.75),
    ]);
    const after = (await library.get(article.id))!;
    expect(after.highlights.map((h) => h.target.selector[0].exact)).toEqual(['council voted on', 'Works start', 'every ten minutes']);
    expect(after).toMatchObject({ readingPosition: 0.75, favourite: true, state: 'reading' });
  });
});

describe('changes made at once in two pages', () => {
  /** A lock with the Web Lock's promise: one holder of a name at a time, in the order asked. Any Node has it. */
  const tails = new Map<string, Promise<unknown>>();
  const oneAtATime: PagesLock = (name, work) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(work, work);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };

  /** The reader and the library open on one article: two Library objects on one storage, as two pages have. */
  const twoPages = async (lock?: PagesLock) => {
    const reader = new Library(area, clock(Date.parse('2026-03-01T00:00:00Z')), lock);
    const shelf = new Library(area, clock(Date.parse('2026-04-01T00:00:00Z')), lock);
    await Promise.all([
      reader.addHighlight(article.id, at(TEXT, 'every ten minutes'), 'from the reader'),
      shelf.addHighlight(article.id, at(TEXT, 'The tram'), 'from the library'),
      reader.setPosition(article.id, 0.5),
      shelf.mark([article.id], { favourite: true }),
    ]);
    return (await library.get(article.id))!;
  };

  it('all land when the pages share a lock', async () => {
    const after = await twoPages(oneAtATime);
    expect(
      after.highlights
        .map((h) => h.bodyValue)
        .slice(2)
        .sort(),
    ).toEqual(['from the library', 'from the reader']);
    expect(after).toMatchObject({ readingPosition: 0.5, favourite: true });
  });

  it('lose one without it: the control that shows the first test would catch a lock that does nothing', async () => {
    const after = await twoPages();
    expect(after.highlights.length).toBeLessThan(4);
  });
});

describe("the extension pages' lock", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the browser’s Web Lock under the library’s one name', async () => {
    const request = vi.fn((_name: string, work: () => Promise<unknown>) => work());
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await pagesLock(LIBRARY_LOCK, async () => 'done')).toBe('done');
    expect(request).toHaveBeenCalledWith(LIBRARY_LOCK, expect.any(Function));
  });

  it('falls back to the page’s own queue when the browser has no locks or refuses the request, and runs the work once', async () => {
    const work = vi.fn(async () => 'done');
    vi.stubGlobal('navigator', {});
    expect(await pagesLock(LIBRARY_LOCK, work)).toBe('done');
    vi.stubGlobal('navigator', { locks: { request: () => Promise.reject(new DOMException('no', 'SecurityError')) } });
    expect(await pagesLock(LIBRARY_LOCK, work)).toBe('done');
    expect(work).toHaveBeenCalledTimes(2);
    // A failure of the work itself is the work's: it is not run again outside the lock.
    const failing = vi.fn(async () => {
      throw new Error('storage full');
    });
    vi.stubGlobal('navigator', { locks: { request: (_n: string, w: () => Promise<unknown>) => w() } });
    await expect(pagesLock(LIBRARY_LOCK, failing)).rejects.toThrow('storage full');
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
