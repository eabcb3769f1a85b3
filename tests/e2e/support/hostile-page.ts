import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expected } from '../../fixtures/fortune/expected';

export interface Vector {
  id: string;
  title: string | null;
  payload: string;
}

export const vectors: Vector[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/xss-vectors.json'), 'utf8')).vectors;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * After each vector: close whatever it left open (a comment, CDATA, raw text,
 * foreign content, a table, inline tags), so one vector does not swallow the
 * rest of the article in the page itself. Closing tags with nothing to close are ignored.
 */
const CLOSE =
  '<!-- --></iframe></noembed></noframes></textarea></noscript></style></title></xmp></select></template></table></math></svg></b></i></a></form></p></div>';

/** Where a vector goes: as paragraph content, inside a link, as an attribute value, in a heading. */
const PLACEMENTS = [
  (p: string, i: number) => `<div><p>Note ${i}: ${p}</p>${CLOSE}`,
  (p: string, i: number) => `<div><p>See <a href="https://fortune.com/note-${i}/">${p}</a> for more.</p>${CLOSE}`,
  (p: string, i: number) =>
    `<div><figure><img src="/e2e/missing-${i}.png" alt="${attr(p)}" title="${attr(p)}"><figcaption>Figure ${i}</figcaption></figure></div>`,
  (p: string) => `<div><h2>${p}</h2>${CLOSE}`,
];

/**
 * The Fortune story as a plain article page with the vectors between its
 * paragraphs. The page's own alert() is replaced by a recorder, tagged with
 * the phase the test sets ("load" until the extension is clicked), so a
 * vector the page itself runs on load is told apart from one run because of
 * the extension.
 */
export function hostilePage(): string {
  const blocks: string[] = [];
  expected.paragraphs.forEach((paragraph, i) => {
    blocks.push(`<p>${attr(paragraph)}</p>`);
    const vector = vectors[i % vectors.length]!;
    if (i < vectors.length) blocks.push(`<!-- ${vector.id} -->\n${PLACEMENTS[i % PLACEMENTS.length]!(vector.payload, i)}`);
  });
  // Vectors left over once the paragraphs run out go at the end of the article.
  for (let i = expected.paragraphs.length; i < vectors.length; i++) blocks.push(PLACEMENTS[i % PLACEMENTS.length]!(vectors[i]!.payload, i));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${attr(expected.title)}</title>
<meta property="og:site_name" content="Hostile Gazette">
<meta name="author" content="${attr(expected.authors[0]!)}">
<script>
  window.__phase = 'load';
  window.__hits = [];
  window.alert = function (message) {
    window.__hits.push(window.__phase + ': ' + message);
    console.log('XSS-HIT ' + window.__phase + ' ' + message);
  };
</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main>
<article>
<h1>${attr(expected.title)}</h1>
${blocks.join('\n')}
</article>
</main>
<footer><p>Hostile Gazette</p></footer>
</body>
</html>
`;
}
