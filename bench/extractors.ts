import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { Defuddle } from 'defuddle/node';

/** Plain Readability as a user of it would run it: on a copy, default options, its textContent. */
export function readabilityText(doc: Document): string {
  const copy = doc.cloneNode(true) as Document;
  return new Readability(copy).parse()?.textContent ?? '';
}

const refuseFetch = () => Promise.reject(new Error('the benchmark makes no requests'));

/** Defuddle on linkedom, the DOM its README puts first; its own parse is part of its time. */
export async function defuddleText(html: string, url: string): Promise<string> {
  const { document } = parseHTML(html);
  const result = await Defuddle(document as unknown as Document, url, { useAsync: false, fetch: refuseFetch } as never);
  const holder = document.createElement('div');
  holder.innerHTML = result?.content ?? '';
  return holder.textContent ?? '';
}
