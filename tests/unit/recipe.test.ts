import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/extract-article';
import { readJsonLd } from '../../lib/extract/json-ld';
import { restoreRecipe } from '../../lib/extract/recipe';
import { normalize, page, PROSE } from './support/dom';

const INGREDIENTS = ['125 g flour', '65 g sugar', '65 g butter', '1 egg'];
const STEPS = [
  'Rub the butter into the flour and sugar until the mixture looks like breadcrumbs.',
  'Beat in the egg, press the dough into a tin and bake for forty minutes at 180 °C.',
];

function ldScript(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

function scripts(...values: unknown[]): Element[] {
  return Array.from(page('', values.map(ldScript).join('')).getElementsByTagName('script'));
}

/** Readability's article element holding `html`, in a page's document. */
function article(html: string): Element {
  const el = page('').createElement('div');
  el.innerHTML = `<div id="readability-page-1">${html}</div>`;
  return el;
}

/** The article's blocks as lines of text, headings and list items included. */
function lines(el: Element): string[] {
  return Array.from(el.querySelectorAll('h2, li, p'), (b) => normalize(b.textContent ?? ''));
}

describe('readJsonLd: a recipe', () => {
  it('reads ingredients and steps, opening sections and steps', () => {
    const { recipe } = readJsonLd(
      scripts({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Shortcake' },
          {
            '@type': 'Recipe',
            recipeIngredient: INGREDIENTS,
            recipeInstructions: [
              { '@type': 'HowToSection', name: 'Dough', itemListElement: [{ '@type': 'HowToStep', text: STEPS[0] }] },
              { '@type': 'HowToStep', text: STEPS[1] },
            ],
          },
        ],
      }),
    );
    expect(recipe).toEqual({ ingredients: INGREDIENTS, steps: STEPS });
  });

  it('splits a method given as one string at its line breaks', () => {
    const { recipe } = readJsonLd(scripts({ '@type': 'Recipe', recipeIngredient: INGREDIENTS, recipeInstructions: STEPS.join('\n') }));
    expect(recipe?.steps).toEqual(STEPS);
  });

  it('reads no recipe from a page of several: which one is the story cannot be told', () => {
    const one = { '@type': 'Recipe', recipeIngredient: INGREDIENTS };
    expect(readJsonLd(scripts(one, { ...one, recipeIngredient: ['2 lemons'] })).recipe).toBeUndefined();
  });

  it('reads one recipe that the page states twice', () => {
    const one = { '@type': 'Recipe', recipeIngredient: INGREDIENTS, recipeInstructions: STEPS };
    expect(readJsonLd(scripts(one, { ...one, '@id': '#recipe' })).recipe).toEqual({ ingredients: INGREDIENTS, steps: STEPS });
  });
});

describe('restoreRecipe', () => {
  const recipe = { ingredients: INGREDIENTS, steps: STEPS };

  it('adds the ingredients and the method after a story that has neither, headed in the page language', () => {
    const el = article(PROSE);
    expect(restoreRecipe(el, recipe, 'de-DE')).toBe(true);
    expect(lines(el).slice(-8)).toEqual(['Zutaten', ...INGREDIENTS, 'Zubereitung', ...STEPS]);
    expect(el.querySelectorAll('ul > li')).toHaveLength(4);
    expect(el.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('puts missing ingredients above the method’s heading when the method is there', () => {
    const el = article(`${PROSE}<h2>How to make it</h2><p>1.</p><p>${STEPS[0]}</p><p>${STEPS[1]}</p>`);
    expect(restoreRecipe(el, recipe, 'en')).toBe(true);
    const all = lines(el);
    expect(all.slice(all.indexOf('Ingredients'))).toEqual(['Ingredients', ...INGREDIENTS, 'How to make it', '1.', ...STEPS]);
    expect(all).not.toContain('Method');
  });

  it('does not take a short line for present because its letters sit inside a longer word', () => {
    const el = article(`${PROSE}<p>The dog begged for a walk along the river.</p>`);
    expect(restoreRecipe(el, { ingredients: ['1 egg', '2 cups of flour'], steps: [] }, 'en')).toBe(true);
    expect(lines(el).slice(-3)).toEqual(['Ingredients', '1 egg', '2 cups of flour']);
  });

  it('leaves an article alone that has most of the recipe, however the page spaced it', () => {
    const html = `${PROSE}<ul><li>125g Flour</li><li>65 g  sugar,</li><li>65 g butter</li></ul><ol><li>${STEPS[0]}</li><li>${STEPS[1]}</li></ol>`;
    const el = article(html);
    expect(restoreRecipe(el, recipe, 'en')).toBe(false);
    expect(el.innerHTML).toBe(article(html).innerHTML);
  });

  it('adds the lines as text, headed in English where the language has no headings of its own: markup in the page’s data does not become elements', () => {
    const el = article(PROSE);
    restoreRecipe(
      el,
      {
        ingredients: [
          '<img src="x" onerror="alert(1)">Butter &amp; salt',
          '<b>2</b> eggs',
          '&#189; cup of milk<br>or&#x20;water',
          'Sch<i>nee</i>besen',
          'cr&egrave;me fra&icirc;che',
        ],
        steps: [],
      },
      'sv',
    );
    expect(lines(el).slice(-6)).toEqual(['Ingredients', 'Butter & salt', '2 eggs', '½ cup of milk or water', 'Schneebesen', 'crème fraîche']);
    expect(el.querySelector('img, b')).toBeNull();
  });
});

describe('a recipe page whose card is not in the story', () => {
  it('gets its recipe back from the page’s JSON-LD', () => {
    const head = ldScript({
      '@type': 'Recipe',
      name: 'Shortcake',
      recipeIngredient: INGREDIENTS,
      recipeInstructions: STEPS.map((text) => ({ '@type': 'HowToStep', text })),
    });
    const result = extractArticle(page(`<h1>Shortcake</h1><article>${PROSE}</article>`, head), { url: 'https://example.com/recipes/shortcake' });
    if (!result.ok) throw new Error(result.message);
    const text = result.article.textContent;
    for (const line of [...INGREDIENTS, ...STEPS]) expect(text).toContain(line);
    expect(text.indexOf('Ingredients')).toBeGreaterThan(text.indexOf('The city council voted'));
  });

  it('keeps a restored step that reads like page furniture to the cleaning rules', () => {
    const steps = ['Share the dough between two tins.', 'Bake for forty minutes at 180 °C, then leave to cool.'];
    const head = ldScript({ '@type': 'Recipe', recipeIngredient: INGREDIENTS, recipeInstructions: steps.map((text) => ({ '@type': 'HowToStep', text })) });
    const result = extractArticle(page(`<h1>Shortcake</h1><article>${PROSE}</article>`, head), { url: 'https://example.com/recipes/shortcake' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent).toContain(steps[0]);
  });
});
