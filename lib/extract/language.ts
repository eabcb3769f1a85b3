/**
 * The page's language, weighed against its text. A page's `lang` attribute
 * is often a theme's default ("en" on a German blog); its content-language
 * or JSON-LD may say otherwise, and the words themselves settle it. Only
 * the main European languages are told apart by their commonest words;
 * any other script keeps what the page declares.
 */
const COMMON_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'are', 'this', 'it', 'on'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auch', 'ein', 'eine', 'den', 'zu', 'von', 'für'],
  fr: ['le', 'la', 'les', 'et', 'est', 'des', 'une', 'dans', 'que', 'pour', 'pas', 'du', 'au', 'qui'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'con', 'para', 'es', 'se', 'en'],
  it: ['il', 'che', 'di', 'della', 'per', 'una', 'non', 'sono', 'gli', 'nel', 'è', 'del', 'con'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'jest', 'że', 'do', 'to', 'jak', 'z', 'o'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'niet', 'dat', 'met', 'voor', 'op', 'zijn'],
  pt: ['o', 'os', 'que', 'não', 'uma', 'para', 'com', 'do', 'da', 'é', 'em', 'no'],
};
const SAMPLE_WORDS = 400;
/** Fewer words than this and the text cannot outvote what the page declares. */
const MIN_WORDS = 40;
/** The winner's common words must make this share of the text, and outnumber the runner-up this many times. */
const MIN_SHARE = 0.12;
const MARGIN = 2;

const primary = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase();

/** The language the text is written in, when its commonest words say so clearly. */
export function textLanguage(text: string): string | undefined {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, SAMPLE_WORDS);
  if (words.length < MIN_WORDS) return undefined;
  const scores = Object.entries(COMMON_WORDS).map(([lang, list]) => {
    const set = new Set(list);
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    return [lang, n / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  return best && best[1] >= MIN_SHARE && best[1] >= MARGIN * (second?.[1] ?? 0) ? best[0] : undefined;
}

/**
 * The declared language the text bears out, from `declared` in order of the
 * page's trust (its `lang` first). The text only chooses between what the
 * page declares: a page that declares one language keeps it, whatever its
 * text reads like (a quotation, a page about a language).
 */
export function weighLanguage(declared: readonly (string | undefined)[], text: string): string | undefined {
  const tags = declared.map((t) => t?.trim().replace('_', '-')).filter((t): t is string => !!t);
  const first = tags[0];
  const read = textLanguage(text);
  if (!read) return first;
  return tags.find((t) => primary(t) === read) ?? first;
}
