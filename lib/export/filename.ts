/** Bytes of UTF-8 a name may take: file systems allow 255, and the extension and a "-2" need a few. */
const MAX_BYTES = 200;

/**
 * A file name from a title: its words, lower-cased and joined by dashes, in
 * the title's own letters, so a Chinese or Russian title keeps them. Accents
 * come off Latin letters (uber-die-brucke), as tools that read names expect;
 * anything else that is not a letter, mark or digit (a slash, a colon, a
 * quote) becomes a dash. At most `maxLength` characters and MAX_BYTES bytes.
 */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // By code point, so a letter outside the basic plane is never cut in half.
  let chars = Array.from(slug);
  if (chars.length > maxLength) {
    const cut = chars.slice(0, maxLength).join('');
    chars = Array.from(chars[maxLength] === '-' || !cut.includes('-') ? cut : cut.replace(/-[^-]*$/, ''));
  }
  const encoder = new TextEncoder();
  while (encoder.encode(chars.join('')).length > MAX_BYTES) chars.pop();
  return chars.join('').replace(/-+$/, '') || 'article';
}

/** A namer that never repeats a name within one archive: a second "x.md" becomes "x-2.md". */
export function uniqueNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) candidate = `${stem}-${i}${ext}`;
    used.add(candidate);
    return candidate;
  };
}

/** Names made unique within one archive. */
export function uniqueNames(names: readonly string[]): string[] {
  return names.map(uniqueNamer());
}
