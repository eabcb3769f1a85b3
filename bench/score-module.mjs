// Clean Copy for the reference scorer (`node score.mjs --module bench/score-module.mjs …` in ../shared/tools/score):
// the page's story text, as `npm run bench` scores it; null when no article is found (scored as an empty output).
// The extractor is TypeScript, loaded through tsx as the command line tool loads it.
import { register } from 'tsx/esm/api';

register();
const { parseHtml } = await import('../lib/extract/parse-html.ts');
const { extractArticle } = await import('../lib/extract/extract-article.ts');

export async function extract(html, url) {
  const doc = parseHtml(html, url);
  try {
    const result = extractArticle(doc, { url });
    return result.ok ? result.article.textContent : null;
  } finally {
    doc.defaultView?.close();
  }
}
