import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { exportAllJson, exportOne } from '../../lib/export/formats';
import { exportToBytes } from '../../lib/export/bulk-export';
import { slugify, uniqueNames } from '../../lib/export/filename';
import { toMarkdown } from '../../lib/export/markdown';
import { toHtml } from '../../lib/export/html';
import { toText } from '../../lib/export/text';
import { JSON_FORMAT, JSON_VERSION, type JsonExport } from '../../lib/export/json';
import { formatDate } from '../../lib/export/byline';
import { formatCount } from '../../lib/format-count';
import { sampleArticle } from './support/article';

const NOW = new Date('2026-01-02T03:04:05Z');

describe('file names', () => {
  it('are slugs of the title', () => {
    expect(slugify('Secret U.S.-Russia talks led to plan that blindsided Ukraine')).toBe('secret-u-s-russia-talks-led-to-plan-that-blindsided-ukraine');
    expect(slugify('Über die Brücke: ein Café')).toBe('uber-die-brucke-ein-cafe');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(80);
  });

  it('keep the title’s own letters, within what file systems allow', () => {
    expect(slugify('习近平会见外宾')).toBe('习近平会见外宾');
    expect(slugify('Новости дня — wday.ru')).toBe('новости-дня-wday-ru');
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
    expect(slugify('a/b:c*d?"e<f>|g\\h')).toBe('a-b-c-d-e-f-g-h');
    expect(slugify('🙂🙂')).toBe('article');
    const long = slugify('长'.repeat(300));
    expect(Array.from(long).length).toBeLessThanOrEqual(80);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
    const astral = slugify('𠀀'.repeat(100));
    expect(new TextEncoder().encode(astral).length).toBeLessThanOrEqual(200);
    // No lone half of a surrogate pair.
    expect(astral).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('are unique within an archive', () => {
    expect(uniqueNames(['a.md', 'a.md', 'b.md', 'a.md'])).toEqual(['a.md', 'a-2.md', 'b.md', 'a-3.md']);
  });
});

describe('Markdown', () => {
  const md = toMarkdown({ ...sampleArticle(), savedAt: '2026-01-01T00:00:00.000Z', tags: ['transport'] });

  it('starts with YAML front matter holding the metadata', () => {
    const [, head] = md.split('---\n');
    expect(md.startsWith('---\n')).toBe(true);
    expect(head).toContain('title: "Tram line to reach the northern suburbs"');
    expect(head).toContain('authors:\n  - "Ann Lee"\n  - "Bo Chan"');
    expect(head).toContain('published: "2025-11-23T23:57:00.000Z"');
    expect(head).toContain('saved: "2026-01-01T00:00:00.000Z"');
    expect(head).toContain('canonical: "https://city.example/trams"');
    expect(head).toContain('tags:\n  - "transport"');
    expect(head).toContain('words: 12');
  });

  it('converts the body: emphasis, headings, lists, images', () => {
    expect(md).toContain('The council **voted** on Tuesday.');
    expect(md).toContain('## What next');
    expect(md).toMatch(/^-\s+Plans$/m);
    expect(md).toContain('![A tram](https://city.example/tram.jpg)');
  });

  it('keeps a hostile title inside its quoted field', () => {
    const evil = toMarkdown(sampleArticle({ title: 'x"\n---\nevil: true' }));
    expect(evil.split('\n').filter((l) => l === '---')).toHaveLength(2);
    expect(evil).toContain('title: "x\\"\\n---\\nevil: true"');
  });

  it('keeps markup out of image alt text and link titles', () => {
    const out = toMarkdown(
      sampleArticle({
        contentHtml:
          '<p><img src="https://a.example/x.png" alt="<img src=x onerror=alert(1)> [x]" title="<b>t</b>"> <a href="https://a.example/" title="<script>">link</a></p>',
      }),
    );
    expect(out).not.toMatch(/<(?:img|script|b)\b/);
    expect(out).toContain('![&lt;img src=x onerror=alert(1)&gt; \\[x\\]](https://a.example/x.png "&lt;b&gt;t&lt;/b&gt;")');
    expect(out).toContain('[link](https://a.example/ "&lt;script&gt;")');
  });

  it('escapes text that looks like HTML', () => {
    const out = toMarkdown(sampleArticle({ contentHtml: '<p>Use &lt;script&gt;alert(1)&lt;/script&gt; carefully</p>' }));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('HTML', () => {
  const html = toHtml(sampleArticle({ title: 'A <b>bold</b> "title"' }));
  it('is a standalone page with escaped metadata and a policy that forbids scripts', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &quot;title&quot;</title>');
    expect(html).toContain(`default-src 'none'`);
    expect(html).toContain('Ann Lee and Bo Chan · City News · 23 November 2025');
    expect(html).toContain('<figcaption>The new tram</figcaption>');
  });
});

describe('plain text', () => {
  it('is the title, a byline, the address and the body', () => {
    expect(toText(sampleArticle())).toBe(
      'Tram line to reach the northern suburbs\nAnn Lee and Bo Chan · City News · 23 November 2025\nhttps://city.example/trams?utm_source=x\n\n' +
        'The council voted on Tuesday.\n\nWhat next\n\n• Plans\n\n• Works\n\nThe new tram\n',
    );
  });
});

describe('JSON', () => {
  it('wraps one article in the versioned backup shape', () => {
    const file = exportOne(sampleArticle(), 'json', NOW);
    const doc = JSON.parse(file.data as string) as JsonExport;
    expect(file.name).toBe('tram-line-to-reach-the-northern-suburbs.json');
    expect(doc).toMatchObject({ format: JSON_FORMAT, version: JSON_VERSION, exportedAt: NOW.toISOString() });
    expect(doc.articles).toEqual([sampleArticle()]);
  });

  it('exports everything in one file', () => {
    const all = [sampleArticle(), sampleArticle({ title: 'Second' })];
    const file = exportAllJson(all, NOW);
    expect(file.name).toBe('clean-copy-2026-01-02.json');
    expect((JSON.parse(file.data as string) as JsonExport).articles.map((a) => a.title)).toEqual(['Tram line to reach the northern suburbs', 'Second']);
  });
});

describe('ZIP of everything', () => {
  it('holds one Markdown file per article, names made unique', async () => {
    const all = [sampleArticle(), sampleArticle(), sampleArticle({ title: 'Second story' })];
    const file = await exportToBytes(all, 'zip-md', { now: NOW, win: new JSDOM('').window as unknown as Window });
    expect(file.name).toBe('clean-copy-md-2026-01-02.zip');
    const entries = unzipSync(file.data);
    expect(Object.keys(entries).sort()).toEqual([
      'second-story.md',
      'tram-line-to-reach-the-northern-suburbs-2.md',
      'tram-line-to-reach-the-northern-suburbs.md',
    ]);
    expect(strFromU8(entries['second-story.md']!)).toContain('title: "Second story"');
  });
});

describe('every format', () => {
  it.each(['md', 'json', 'html', 'txt'] as const)('%s carries the title and a matching extension and type', (format) => {
    const file = exportOne(sampleArticle(), format, NOW);
    expect(file.name.endsWith(`.${format}`)).toBe(true);
    expect(file.mime).toMatch(/charset=utf-8$/);
    expect(file.data).toContain('Tram line to reach the northern suburbs');
  });
});

describe('dates and counts without Intl', () => {
  it('write dates as en-GB’s long UTC date does, for every year Intl numbers the same way', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dates = [
      '2025-11-23T23:57:00.000Z',
      '2025-11-23T23:59:59.999+00:00',
      '2024-02-29',
      '1582-10-04T12:00:00Z',
      '0999-12-31T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ];
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 0, 1); t += 86_400_000 * 37 + 3_600_000) dates.push(new Date(t).toISOString());
    for (const iso of dates) expect(formatDate(iso), iso).toBe(intl.format(new Date(iso)));
    // Years before 1 are left to Intl, which numbers them in eras.
    expect(formatDate('0000-06-01T00:00:00Z')).toBe(intl.format(new Date('0000-06-01T00:00:00Z')));
    expect(formatDate('not a date')).toBe('');
  });

  it('write counts with thousands separators as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_234_567, -1000, -12, Number.MAX_SAFE_INTEGER, 1.5])
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en'));
  });
});

describe('the reader’s tags and notes', () => {
  const saved = { ...sampleArticle(), tags: ['transport', 'council'], notes: 'Ask about <the depot>\nand the fares.\n\nSecond thought.' };

  it('are in the HTML, text and Markdown exports by default, the reader’s text kept as text', () => {
    const html = toHtml(saved);
    expect(html).toContain('<p class="meta">Tags: transport, council</p>');
    expect(html).toContain('<section class="notes">\n<h2>Notes</h2>\n<p>Ask about &lt;the depot&gt;<br>and the fares.</p>\n<p>Second thought.</p>\n</section>');
    const text = toText(saved);
    expect(text).toContain('Tags: transport, council\n');
    expect(text.endsWith('\nNotes\n\nAsk about <the depot>\nand the fares.\n\nSecond thought.\n')).toBe(true);
    const md = toMarkdown(saved);
    expect(md.endsWith('\n## Notes\n\nAsk about &lt;the depot&gt;  \nand the fares.\n\nSecond thought.\n')).toBe(true);
  });

  it('are left out of the Markdown body when the template puts the notes in the front matter, and absent when there are none', () => {
    expect(toMarkdown(saved, 'title: {{title}}\nnotes: {{notes}}')).not.toContain('## Notes');
    expect(toHtml(sampleArticle())).not.toContain('Notes');
    expect(toText(sampleArticle())).not.toContain('Tags:');
  });
});
