import type { Exportable } from './exportable';
import { bylineOf } from './byline';

/** Plain text: the title, one line of who and when, then the body. */
export function toText(a: Exportable): string {
  const byline = bylineOf(a);
  return `${a.title}\n${byline ? `${byline}\n` : ''}${a.url}\n\n${a.textContent}\n`;
}
