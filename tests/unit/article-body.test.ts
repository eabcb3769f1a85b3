import { describe, expect, it } from 'vitest';
import { checkArticleBody, checkDeclaredStory, declaredStory, tripleShare } from '../../lib/extract/article-body';
import { extractArticle } from '../../lib/extract/extract-article';
import { normalize, page } from './support/dom';
import { scanPage } from '../../lib/extract/page-scan';

const STORY = [
  'The city council voted on Tuesday to extend the tram line to the northern suburbs, ending a debate that had run for more than a decade.',
  'Supporters said the extension would cut commuting times by a third for some forty thousand people living beyond the river.',
  'Opponents warned that construction would close main roads for two years and drive customers away from small shops.',
  'The mayor, who had campaigned on the project, called the vote a turning point for the whole region.',
  'Engineers expect the route to follow the old freight railway for most of its length, bought from the rail operator last spring.',
  'Shop owners along the planned route have asked for compensation during the works, which start in March.',
  'The council said it would publish a support scheme within two months and hold hearings in every district.',
  'The first trams should run before the end of the next council term if the works keep to their timetable.',
  'A second phase, towards the airport, will be decided after an independent review of costs and passenger numbers.',
];
const SERVICE =
  'Our customer service answers your questions about our products and your orders. Call us on weekdays from nine to five, or write to us at any time of day.';
const SUMMARY = 'The tram line will reach the northern suburbs after a decade of debate, the council decided.';

function ld(articleBody: string): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Tram line', articleBody })}</script>`;
}

describe('checkArticleBody', () => {
  it('puts the story in from articleBody when the container holds little of it, under the standfirst', () => {
    const doc = page(`<div><p>${SUMMARY}</p><p>${SERVICE}</p></div>`);
    const body = doc.body.firstElementChild!;
    expect(checkArticleBody(body, STORY.join('\n'), SUMMARY)).toBe(true);
    const paragraphs = Array.from(body.children).map((p) => normalize(p.textContent ?? ''));
    expect(paragraphs).toEqual([SUMMARY, ...STORY]);
  });

  it('reads an articleBody written as markup', () => {
    const doc = page(`<div><p>${SERVICE}</p></div>`);
    const body = doc.body.firstElementChild!;
    expect(checkArticleBody(body, STORY.map((s) => `<p>${s}</p>`).join(''))).toBe(true);
    expect(body.querySelectorAll('p')).toHaveLength(STORY.length);
    expect(normalize(body.textContent ?? '')).not.toContain('customer service');
  });

  it('leaves a container that holds the story, a teaser too short to check against, and markdown', () => {
    const holds = page(
      `<div>${STORY.slice(0, 7)
        .map((s) => `<p>${s}</p>`)
        .join('')}</div>`,
    ).body.firstElementChild!;
    expect(checkArticleBody(holds, STORY.join('\n'))).toBe(false);
    const teaser = page(`<div><p>${SERVICE}</p></div>`).body.firstElementChild!;
    expect(checkArticleBody(teaser, STORY[0]!)).toBe(false);
    expect(checkArticleBody(teaser, `## Tram\n\n**${STORY.join(' ')}**`)).toBe(false);
    expect(normalize(teaser.textContent ?? '')).toBe(SERVICE);
  });

  it('measures the share of the story’s word triples the text holds', () => {
    expect(tripleShare(['a', 'b', 'c', 'd'], ['x', 'a', 'b', 'c'])).toBe(0.5);
    expect(tripleShare(['a', 'b'], [])).toBe(1);
  });
});

describe('extractArticle with articleBody', () => {
  it('gives the story a script would draw from the JSON-LD, not the box Readability found', () => {
    const html = `<main><div class="story" id="story-root"></div><div class="info"><h2>Questions?</h2><p>${SERVICE}</p><p>${SERVICE.replace('weekdays', 'Saturdays')}</p></div></main>`;
    const result = extractArticle(page(html, ld(STORY.join('\n'))), { url: 'https://example.com/news/story' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(STORY[7]!);
    expect(result.article.textContent).not.toContain('customer service');
  });
});

describe('the story the page marks in microdata', () => {
  const STEPS = STORY.map((s, i) => `<li>Step ${i + 1}. ${s}</li>`).join('');
  const RECIPE = `<div itemscope itemtype="http://schema.org/Recipe"><h2 itemprop="name">Tram cake</h2><ol itemprop="recipeInstructions">${STEPS}</ol></div>`;

  const marked = (doc: Document) => declaredStory(scanPage(doc).storyMarks);
  const copyOf = (el: Element) => el.cloneNode(true) as Element;

  it('takes the one recipe the page declares when Readability took a box outside it', () => {
    const doc = page(`<div id="box"><p>${SERVICE}</p></div>${RECIPE}`);
    const story = marked(doc);
    const box = doc.getElementById('box')!;
    expect(checkDeclaredStory(box, story, copyOf)).toBe(true);
    expect(box.querySelectorAll('li')).toHaveLength(STORY.length);
    expect(normalize(box.textContent ?? '')).not.toContain('customer service');
  });

  it('leaves a container that is part of the marked block: sites mark comments and rails as the body too', () => {
    const column = `<div itemprop="articleBody"><div id="story">${STORY.slice(0, 4)
      .map((s) => `<p>${s}</p>`)
      .join('')}</div><div class="comments">${STORY.slice(4)
      .map((s) => `<p>${s.toUpperCase()} Reply</p>`)
      .join('')}${STEPS}</div></div>`;
    const doc = page(column);
    const story = marked(doc);
    expect(story?.getAttribute('itemprop')).toBe('articleBody');
    const part = doc.getElementById('story')!;
    expect(checkDeclaredStory(part, story, copyOf)).toBe(false);
    expect(part.querySelectorAll('p')).toHaveLength(4);
  });

  it('takes no body from a page that marks several (comments, forum posts, teasers)', () => {
    const post = `<div itemprop="articleBody"><p>${STORY.join(' ')}</p></div>`;
    expect(marked(page(post + post.replace('council', 'board')))).toBeUndefined();
  });

  it('brings the marked story in without what the page hides, and with its links absolute', () => {
    const recipe = RECIPE.replace(
      '</ol>',
      '</ol><p hidden>Hidden copy for search engines.</p><p style="display: none">Mobile copy.</p><p>Bake it as in <a href="/more/cakes">our other cakes</a>, in a hot oven for forty minutes until the top is golden and firm.</p>',
    );
    const html = `<main>${recipe}<div class="info"><h2>Questions?</h2><p>${SERVICE}</p><p>${SERVICE.replace('weekdays', 'Saturdays')}</p><p>${SERVICE.replace('weekdays', 'Sundays')}</p></div></main>`;
    const result = extractArticle(page(html), { url: 'https://example.com/recipes/tram-cake' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(STORY[8]!);
    expect(result.article.textContent).not.toMatch(/Hidden copy|Mobile copy/);
    expect(result.article.contentHtml).toContain('href="https://example.com/more/cakes"');
  });

  it('takes the marked story body before a recipe, even one that is its own scope', () => {
    const doc = page(`${RECIPE}<div itemprop="articleBody" itemscope itemtype="http://schema.org/CreativeWork"><p>${STORY[0]}</p></div>`);
    expect(marked(doc)?.getAttribute('itemprop')).toBe('articleBody');
  });

  it('reads no recipe from a page that declares two, and nothing from a page without microdata', () => {
    expect(marked(page(RECIPE + RECIPE.replace('Tram cake', 'Bus pie')))).toBeUndefined();
    expect(marked(page(`<p>${SERVICE}</p>`))).toBeUndefined();
  });

  it('gives a recipe page its recipe through the whole extraction', () => {
    const html = `<main>${RECIPE}<div class="info"><h2>Questions?</h2><p>${SERVICE}</p><p>${SERVICE.replace('weekdays', 'Saturdays')}</p><p>${SERVICE.replace('weekdays', 'Sundays')}</p></div></main>`;
    const result = extractArticle(page(html), { url: 'https://example.com/recipes/tram-cake' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(STORY[8]!);
    expect(result.article.textContent).not.toContain('customer service');
  });

  it('weighs the marked block by the words a reader sees, not its script text', () => {
    const script = `<script>${'var tracking = "the council voted on the tram line";'.repeat(40)}</script>`;
    const doc = page(`<div id="box"><p>${SERVICE}</p></div><div itemprop="articleBody">${script}<p>${STORY[0]}</p></div>`);
    const box = doc.getElementById('box')!;
    expect(checkDeclaredStory(box, marked(doc), copyOf)).toBe(false);
    expect(normalize(box.textContent ?? '')).toBe(SERVICE);
  });
});
