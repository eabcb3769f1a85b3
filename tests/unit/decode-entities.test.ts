import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../lib/decode-entities';

describe('decodeEntities', () => {
  it('decodes the Latin-1 names at their code points', () => {
    const names = ['nbsp', 'copy', 'deg', 'frac12', 'iquest', 'Agrave', 'times', 'szlig', 'eacute', 'divide', 'yuml'];
    expect(names.map((n) => decodeEntities(`&${n};`))).toEqual(['\u00a0', '©', '°', '½', '¿', 'À', '×', 'ß', 'é', '÷', 'ÿ']);
  });

  it('decodes typographic names and numeric references, and tells names apart by case', () => {
    expect(decodeEntities('cr&egrave;me &amp; &Eacute;clair &ndash; &#189; &#x2014; &rsquo;')).toBe('crème & Éclair – ½ — ’');
  });

  it('leaves what is not a character reference as written', () => {
    expect(decodeEntities('&unknown; &#0; &#xD800; &#x110000; & amp; &amp')).toBe('&unknown; &#0; &#xD800; &#x110000; & amp; &amp');
  });
});
