import { ANNOTATION_CONTEXT, type Highlight } from '../article-schema';
import { anchor, describeRange, type TextRange, type TextSelectors } from './anchor';

/** A highlight's selectors in the anchoring module's terms. */
export function selectorsOf(h: Highlight): TextSelectors {
  const [quote, position] = h.target.selector;
  return { quote, position };
}

/** A new highlight of `text[range]`, as a W3C annotation on the article at `source` (its address), when given. */
export function newHighlight(text: string, range: TextRange, note: string, id: string, created: Date, source?: string): Highlight {
  const { quote, position } = describeRange(text, range);
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'Annotation',
    id,
    created: created.toISOString(),
    bodyValue: note,
    target: { ...(source ? { source } : {}), selector: [quote, position] },
  };
}

/**
 * The highlight as the W3C model asks a file to carry it: with its JSON-LD
 * context, and the article's address as the target's source. A highlight
 * stored without them (made before they were recorded) gets them here.
 */
export function completeAnnotation(h: Highlight, source: string): Highlight {
  if (h['@context'] && h.target.source) return h;
  return { ...h, '@context': ANNOTATION_CONTEXT, target: { ...h.target, source: h.target.source || source } };
}

/**
 * The highlights placed in a new version of the article's text, in their
 * order: each one found gets selectors from the new text, and each one whose
 * words are gone is kept as it was, so the reader can still see it (and
 * `notFound` lists it). Nothing is dropped.
 */
export function placeAgain(text: string, highlights: readonly Highlight[]): Highlight[] {
  return highlights.map((h) => {
    const range = anchor(text, selectorsOf(h));
    if (!range) return h;
    const { quote, position } = describeRange(text, range);
    return { ...h, target: { ...h.target, selector: [quote, position] } };
  });
}

/** The highlights whose words `text` no longer holds. */
export function notFound(text: string, highlights: readonly Highlight[]): Highlight[] {
  return highlights.filter((h) => anchor(text, selectorsOf(h)) === null);
}
