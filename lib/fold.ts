/**
 * A word as search compares it: lower case, with the accents of Latin,
 * Greek and Cyrillic letters taken off, so "Maori" finds "Māori" and
 * "antartida" finds "Antártida". Only those combining marks go: in other
 * scripts (Devanagari's vowel signs, say) a mark is part of the letter.
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLocaleLowerCase();
}
