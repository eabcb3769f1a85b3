import type { JsonLdRecipe } from './json-ld';
import { countWords, normalizeSpace } from '../text';
import { decodeEntities } from '../decode-entities';
import { elementsNamed, HEADING_TAGS } from '../clean/dom';
import { articleHolder } from './article-opening';

/**
 * Recipe pages put the ingredients and the method in a card that
 * Readability often passes over for the story above it: the clean copy of a
 * recipe then has no recipe. The page's JSON-LD states both, so what the
 * article lacks of them is put back from there, as lists.
 */

const HEADINGS: Record<string, [ingredients: string, method: string]> = {
  en: ['Ingredients', 'Method'],
  de: ['Zutaten', 'Zubereitung'],
  fr: ['Ingrédients', 'Préparation'],
  es: ['Ingredientes', 'Preparación'],
  it: ['Ingredienti', 'Preparazione'],
  pt: ['Ingredientes', 'Modo de preparo'],
  nl: ['Ingrediënten', 'Bereiding'],
  pl: ['Składniki', 'Przygotowanie'],
};
/** More lines than this is not one recipe's card. */
const MAX_LINES = 80;
const MAX_LINE_CHARS = 1000;
/** Letters of a step's start that must be in the article for the step to count as there. */
const STEP_PREFIX = 60;
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** How far above the first step its heading may stand, over step numbers and labels of this many words. */
const LABELS_ABOVE = 4;
const LABEL_WORDS = 3;

/**
 * Letters only, lower case, so that "125 g Butter," on the page and "125g
 * butter" in the data are the same line. Digits go too: the data writes
 * "1/2 tsp" where the page shows "½ tsp".
 */
function lettersOnly(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}]+/gu, '');
}

/**
 * A line of JSON-LD as plain text: sites put tags and entities in it. The
 * result only ever becomes a text node, so dropping tags is all it needs;
 * no HTML parser (and no innerHTML) is involved.
 */
function plainText(value: string): string {
  const text = value.replace(/<(?:br|\/?(?:p|li|div))\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '');
  return normalizeSpace(decodeEntities(text));
}

function usable(values: readonly string[]): string[] {
  if (values.length > MAX_LINES) return [];
  return values.map(plainText).filter((v) => v && v.length <= MAX_LINE_CHARS);
}

/** Fewer letters than this ("1 egg") is found inside other words ("begged"): such a line does not vote. */
const MIN_KEY = 4;

/** Whether the article holds most of these lines already (a step by its start). */
function mostlyThere(text: string, items: readonly string[], prefix = Infinity): boolean {
  const keys = items.map((item) => lettersOnly(item).slice(0, prefix)).filter((key) => key.length >= MIN_KEY);
  return keys.filter((key) => text.includes(key)).length * 2 >= keys.length;
}

const isHeading = (el: Element): boolean => HEADING_TAGS.has(el.tagName.toUpperCase());

function section(doc: Document, heading: string, tag: 'ul' | 'ol', items: readonly string[]): Element[] {
  const h = doc.createElement('h2');
  h.textContent = heading;
  const list = doc.createElement(tag);
  for (const item of items) list.appendChild(doc.createElement('li')).textContent = item;
  return [h, list];
}

/**
 * Where the method starts in the article: the heading over its first step
 * ("Method", "1."), or else that step's block, or the list holding it.
 */
function methodStart(article: Element, firstStep: string): Element | undefined {
  const key = lettersOnly(firstStep).slice(0, STEP_PREFIX);
  if (!key) return undefined;
  const blocks = elementsNamed(article, BLOCKS);
  const at = blocks.findIndex((el) => !isHeading(el) && lettersOnly(el.textContent ?? '').includes(key));
  if (at === -1) return undefined;
  // Step numbers and the method's heading sit just above the first step.
  for (let i = at - 1; i >= Math.max(0, at - LABELS_ABOVE); i--) {
    const el = blocks[i]!;
    if (isHeading(el)) return el;
    if (countWords(el.textContent ?? '') > LABEL_WORDS) break;
  }
  const step = blocks[at]!;
  return step.localName === 'li' && step.parentElement && step.parentElement !== article ? step.parentElement : step;
}

/**
 * Put back the ingredients and steps the article lacks: the ingredients
 * before the method when the method is there, the rest after the story.
 * Returns whether anything was added.
 */
export function restoreRecipe(article: Element, recipe: JsonLdRecipe | undefined, lang: string | undefined): boolean {
  if (!recipe) return false;
  const doc = article.ownerDocument;
  const ingredients = usable(recipe.ingredients);
  const steps = usable(recipe.steps);
  const text = lettersOnly(article.textContent ?? '');
  const needIngredients = ingredients.length > 0 && !mostlyThere(text, ingredients);
  const needSteps = steps.length > 0 && !mostlyThere(text, steps, STEP_PREFIX);
  if (!needIngredients && !needSteps) return false;

  const [ingredientsHeading, methodHeading] = HEADINGS[(lang ?? '').slice(0, 2).toLowerCase()] ?? HEADINGS.en!;
  const holder = articleHolder(article);
  if (needIngredients) {
    const list = section(doc, ingredientsHeading, 'ul', ingredients);
    const before = needSteps ? undefined : methodStart(holder, steps[0] ?? '');
    if (before) before.before(...list);
    else holder.append(...list);
  }
  if (needSteps) holder.append(...section(doc, methodHeading, 'ol', steps));
  return true;
}
