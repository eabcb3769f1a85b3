import type { CleanRule } from '../rule';
import { countWords, textOf } from '../../text';
import { AGENCY } from '../../photo-agencies';
import { holds } from '../dom';

/** "Foto: Galli/Malteser", "Crédits photos : Bestimage", "(crédito: …)", "Quelle: dpa". */
const CREDIT =
  /^\(?(?:foto|fotos|photo|photos|photograph|bild|bilder|credit|credits|crédits?(?: photos?)?|crédito|créditos|imagen|imágenes|fot\.|zdjęcie|quelle|source|fuente|źródło|abbildung|image|picture|grafik|illustration)\s*(?:[:：]|\/)/i;
/** "Image copyright Getty Images": the label screen readers hear before a credit. */
const CREDIT_LABEL = /^(?:image|photo|picture|foto|bild)\s+(?:copyright|credit)\b/i;
/** Names and agencies and nothing else: "Jane Doe | Bloomberg | Getty Images", "AFP". */
const AGENCY_LINE = new RegExp(`^(?:[^.!?|/]{1,40}[|/]\\s*)*(?:${AGENCY})\\s*$`, 'i');
/**
 * A label alone ("Credit", "Image", "Photo"): what a screen reader hears
 * before a picture or its credit, printed beside it in the figure.
 */
const BARE_LABEL = /^(?:(?:image|photo|picture|foto|bild|video)(?:\s+(?:credit|copyright))?|credits?|crédits?|crédito|copyright)\s*[:：]?$/i;
const MAX_WORDS = 12;

/** Whether a figure holds the element: a bare label only labels a picture there. */
function inFigure(el: Element): boolean {
  for (let cur = el.parentElement; cur; cur = cur.parentElement) if (cur.localName === 'figure' || cur.localName === 'figcaption') return true;
  return false;
}

/** The label of a credit, as against a label of the picture itself ("Photo"), which may stand before a teaser's headline. */
const CREDIT_WORD = /^(?:(?:image|photo|picture|foto|bild)\s+)?(?:credits?|crédits?|crédito|copyright)\s*[:：]?$/i;

/** A credit led by its label in an element of its own: <span><span>Credit</span>Jane Doe/Agency</span>. */
function labelledCredit(el: Element, text: string): boolean {
  const first = el.firstElementChild;
  return !!first && text !== textOf(first) && CREDIT_WORD.test(textOf(first)) && (el.firstChild === first || !/\S/.test(el.firstChild?.textContent ?? ''));
}
const CANDIDATES = new Set(['p', 'span', 'small', 'div', 'figcaption', 'cite', 'em', 'i', 'li']);

/**
 * Picture credits and source stamps: a short element that is nothing but a
 * credit line, and in a figure the bare labels ("Image", "Credit") printed
 * for screen readers. The caption around it stays.
 */
export const creditLines: CleanRule = {
  name: 'credit-lines',
  reason: 'picture credit or source stamp',
  trigger: new RegExp(
    `foto|photo|bild|credit|crédit|imagen|fot\\.|zdjęcie|quelle|source|fuente|źródło|abbildung|image|picture|grafik|illustration|\\b(?:${AGENCY})\\b`,
    'i',
  ),
  *find(_root, { length, elements }) {
    for (const el of elements().filter((el) => CANDIDATES.has(el.localName))) {
      if (length(el) > MAX_WORDS * 15) continue;
      const text = textOf(el);
      if (countWords(text) > MAX_WORDS) continue;
      if (CREDIT.test(text) || CREDIT_LABEL.test(text) || AGENCY_LINE.test(text)) yield el;
      else if (inFigure(el) && !holds(el, 'img') && (BARE_LABEL.test(text) || labelledCredit(el, text))) yield el;
    }
  },
};
