import { newHighlight } from '../lib/annotations/highlights';
import type { Highlight } from '../lib/article-schema';

/**
 * `n` highlights spread evenly over an article's text, each 120 characters
 * long so that many run over a block's end into the next, every other one
 * with a note that holds characters markup must escape. For benchmarks and
 * corpus checks of what highlights do to an export.
 */
export function spreadHighlights(text: string, n: number, source = 'https://example.com/'): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(((i + 0.5) * text.length) / (n + 1));
    const end = Math.min(text.length, start + 120);
    if (!text.slice(start, end).trim()) continue;
    out.push(newHighlight(text, { start, end }, i % 2 ? `note ${i} <b>&amp;</b> “quoted”` : '', `urn:bench:${i}`, new Date(0), source));
  }
  return out;
}
