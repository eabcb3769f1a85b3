import { describe, expect, it } from 'vitest';
import { checkArticleBody, tripleShare } from '../../lib/extract/article-body';
import { extractArticle } from '../../lib/extract/extract-article';
import { normalize, page } from './support/dom';

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
