import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { htmlToMarkdown, toMarkdown } from '../../lib/export/markdown';
import { DEFAULT_FRONT_MATTER_TEMPLATE, renderFrontMatter, unknownPlaceholders } from '../../lib/export/front-matter-template';
import { FRONT_MATTER_KEY, loadFrontMatterTemplate, saveFrontMatterTemplate } from '../../lib/export/template-store';
import { FORMATS } from '../../lib/export/formats';
import type { KeyValueArea } from '../../lib/library/library';
import { sampleArticle } from './support/article';

describe('GFM tables', () => {
  it('turns a table with a header row into a pipe table', () => {
    expect(htmlToMarkdown(sampleArticle().contentHtml)).toMatch(/^\| Stop \| Minutes \|\n\| --- \| --- \|\n\| Harbour \| 4 +\|$/m);
  });

  it('escapes pipes in cells and joins line breaks inside a cell with spaces, writing no tags', () => {
    const md = htmlToMarkdown('<table><tr><th>a|b</th><th>c</th></tr><tr><td>one<br>two</td><td><p>x</p><p>y</p></td></tr></table>');
    expect(md).toContain('a\\|b');
    expect(md).toMatch(/^\| one two \| x y +\|$/m);
    expect(md).not.toMatch(/<[a-z]/i);
  });

  it('writes a table whose cells hold lists as plain blocks, not raw HTML', () => {
    const md = htmlToMarkdown('<table><tr><th>Step</th></tr><tr><td><ul><li>dig</li><li>lay track</li></ul></td></tr></table>');
    expect(md).not.toMatch(/<[a-z]/i);
    expect(md).toMatch(/^-\s+dig$/m);
    expect(md).toContain('Step');
  });

  it('keeps cell text that looks like markup escaped', () => {
    const md = htmlToMarkdown('<table><tr><th>h</th><th>i</th></tr><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>&lt;br&gt;</td></tr></table>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('&lt;br&gt;');
  });

  it('writes strikethrough', () => {
    expect(htmlToMarkdown('<p><del>old</del> new</p>')).toBe('~~old~~ new');
  });
});

describe('front matter template', () => {
  const saved = { ...sampleArticle(), savedAt: '2026-01-01T00:00:00.000Z', tags: ['transport', 'city'], notes: 'Says "soon"' };

  it('by default writes the front matter Clean Copy always wrote', () => {
    expect(renderFrontMatter(DEFAULT_FRONT_MATTER_TEMPLATE, saved)).toBe(
      [
        '---',
        'title: "Tram line to reach the northern suburbs"',
        'authors:\n  - "Ann Lee"\n  - "Bo Chan"',
        'site: "City News"',
        'url: "https://city.example/trams?utm_source=x"',
        'canonical: "https://city.example/trams"',
        'published: "2025-11-23T23:57:00.000Z"',
        'saved: "2026-01-01T00:00:00.000Z"',
        'tags:\n  - "transport"\n  - "city"',
        'lang: "en"',
        'excerpt: "The council voted to extend the line."',
        'words: 12',
        '---',
      ].join('\n'),
    );
  });

  it('fills a reader’s template: constants kept, lists inline inside other text, empty fields dropped', () => {
    const template = 'type: article\naliases: [{{title}}]\nkeywords: {{tags}}\nsource: {{site}} ({{url}})\nnote: {{notes}}\nimage: {{image}}';
    expect(renderFrontMatter(template, saved)).toBe(
      '---\ntype: article\naliases: ["Tram line to reach the northern suburbs"]\nkeywords:\n  - "transport"\n  - "city"\n' +
        'source: "City News" ("https://city.example/trams?utm_source=x")\nnote: "Says \\"soon\\""\n---',
    );
    expect(renderFrontMatter('tags: [{{tags}}]', saved)).toBe('---\ntags: [["transport", "city"]]\n---');
  });

  it('quotes values so a hostile title cannot end the block', () => {
    const out = renderFrontMatter('t: {{title}}', sampleArticle({ title: 'x"\n---\nevil: true' }));
    expect(out.split('\n')).toHaveLength(3);
  });

  it('writes no front matter for an empty template, and names unknown placeholders', () => {
    expect(toMarkdown(saved, '  ')).toMatch(/^# Tram line/);
    expect(unknownPlaceholders('a: {{title}}\nb: {{colour}} {{size}} {{colour}}')).toEqual(['colour', 'size']);
  });

  it('reaches the Markdown export', () => {
    expect(FORMATS.md.render(saved, new Date(), { frontMatterTemplate: 'kind: {{site}}' })).toMatch(/^---\nkind: "City News"\n---\n\n# Tram line/);
  });

  it('is stored in storage.local, the default by its absence', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local as unknown as KeyValueArea;
    expect(await loadFrontMatterTemplate(area)).toBe(DEFAULT_FRONT_MATTER_TEMPLATE);
    await saveFrontMatterTemplate(area, 'x: {{title}}');
    expect(await area.get([FRONT_MATTER_KEY])).toEqual({ [FRONT_MATTER_KEY]: 'x: {{title}}' });
    expect(await loadFrontMatterTemplate(area)).toBe('x: {{title}}');
    await saveFrontMatterTemplate(area, DEFAULT_FRONT_MATTER_TEMPLATE);
    expect(await area.get(null)).toEqual({});
  });
});
