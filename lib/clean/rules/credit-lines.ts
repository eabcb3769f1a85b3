import type { CleanRule } from '../rule';
import { countWords, textOf } from '../../text';
import { AGENCY } from '../../photo-agencies';

/** "Foto: Galli/Malteser", "Crédits photos : Bestimage", "(crédito: …)", "Quelle: dpa". */
const CREDIT =
  /^\(?(?:foto|fotos|photo|photos|photograph|bild|bilder|credit|credits|crédits?(?: photos?)?|crédito|créditos|imagen|imágenes|fot\.|zdjęcie|quelle|source|fuente|źródło|abbildung|image|picture|grafik|illustration)\s*(?:[:：]|\/)/i;
/** "Image copyright Getty Images": the label screen readers hear before a credit. */
const CREDIT_LABEL = /^(?:image|photo|picture|foto|bild)\s+(?:copyright|credit)\b/i;
/** Names and agencies and nothing else: "Jane Doe | Bloomberg | Getty Images", "AFP". */
const AGENCY_LINE = new RegExp(`^(?:[^.!?|/]{1,40}[|/]\\s*)*(?:${AGENCY})\\s*$`, 'i');
const MAX_WORDS = 12;
const CANDIDATES = new Set(['p', 'span', 'small', 'div', 'figcaption', 'cite', 'em', 'i', 'li']);

/**
 * Picture credits and source stamps: a short element that is nothing but a
 * credit line. The caption around it stays.
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
      if ((CREDIT.test(text) || CREDIT_LABEL.test(text) || AGENCY_LINE.test(text)) && countWords(text) <= MAX_WORDS) yield el;
    }
  },
};
