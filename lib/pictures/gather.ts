import { inertElement, type InertWindow } from '../inert-html';
import { bestSrcsetUrl } from '../srcset';
import { isWebAddress } from '../web-address';
import { pointImages } from './point-images';
import type { Picture, PictureLookup } from './picture';

/** What an article says of its pictures: its HTML, its lead image and the address relative ones are read against. */
export interface PictureSource {
  contentHtml: string;
  leadImage?: string;
  url: string;
  canonicalUrl?: string;
}

/** The DOM that parses an article's HTML: the page's window, or jsdom's in Node. */
export type ParsingWindow = InertWindow;

/** The pictures an article's export can carry: each stored copy once, and which address stands for which. */
export interface Gathered {
  /** Every address the lookup answered for, as asked. */
  byAddress: ReadonlyMap<string, Picture>;
  /** Each picture once, in the order the article first shows it (same hash, one entry). */
  pictures: readonly Picture[];
  /** The lead image's stored copy, when it has one. */
  lead: Picture | null;
  /** For each picture (and the lead image) the lookup had nothing for: the address it was asked first. */
  missing: readonly string[];
}

export function baseOf(a: Pick<PictureSource, 'url' | 'canonicalUrl'>): string {
  return isWebAddress(a.url) ? a.url : a.canonicalUrl || a.url;
}

/** An address resolved against `base`, when it is a web address (data: and the rest are not asked about). */
function resolved(raw: string | null, base: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const href = new URL(value, base).href;
    return isWebAddress(href) ? href : null;
  } catch {
    return null;
  }
}

/**
 * The addresses that may stand for one image, best first: the `srcset`
 * candidate a reader would want (the largest sensible one), the `src`, then
 * what the `<source>` elements of an enclosing `<picture>` offer.
 */
export function candidatesOf(img: Element, base: string): string[] {
  const raw: (string | null)[] = [bestSrcsetUrl(img.getAttribute('srcset') ?? ''), img.getAttribute('src')];
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  if (picture)
    for (const source of Array.from(picture.children)) if (source.localName === 'source') raw.push(bestSrcsetUrl(source.getAttribute('srcset') ?? ''));
  return [...new Set(raw.map((r) => resolved(r, base)).filter((r): r is string => r !== null))];
}

/** The stored copy for an image, from what was gathered: its first candidate that has one. */
export function pictureOf(img: Element, base: string, gathered: Pick<Gathered, 'byAddress'>): Picture | null {
  for (const address of candidatesOf(img, base)) {
    const found = gathered.byAddress.get(address);
    if (found) return found;
  }
  return null;
}

/** Ask `lookup` about each image's candidates in turn, stopping at the first it has a copy for. */
async function gatherFrom(holder: HTMLElement, a: PictureSource, lookup: PictureLookup): Promise<Gathered> {
  const base = baseOf(a);
  const asked = new Map<string, Promise<Picture | null>>();
  const ask = (address: string) => {
    let answer = asked.get(address);
    if (!answer) {
      // A lookup that fails is a picture that stays a link, never an export that fails.
      answer = lookup(address).catch(() => null);
      asked.set(address, answer);
    }
    return answer;
  };
  const firstOf = async (candidates: readonly string[]): Promise<Picture | null> => {
    for (const address of candidates) {
      const picture = await ask(address);
      if (picture) return picture;
    }
    return null;
  };
  const lists = Array.from(holder.getElementsByTagName('img'), (img) => candidatesOf(img, base));
  const leadAddress = resolved(a.leadImage ?? null, base);
  const [found, lead] = await Promise.all([Promise.all(lists.map(firstOf)), leadAddress ? firstOf([leadAddress]) : Promise.resolve(null)]);
  const byAddress = new Map<string, Picture>();
  for (const [address, answer] of asked) {
    const picture = await answer;
    if (picture) byAddress.set(address, picture);
  }
  const byHash = new Map<string, Picture>();
  for (const picture of [...found, lead]) if (picture && !byHash.has(picture.hash)) byHash.set(picture.hash, picture);
  const missing = lists.filter((list, i) => list.length > 0 && !found[i]).map((list) => list[0]!);
  if (leadAddress && !lead) missing.push(leadAddress);
  return { byAddress, pictures: [...byHash.values()], lead, missing: [...new Set(missing)] };
}

/** The stored copies of an article's pictures and its lead image, asked of `lookup` once per address. */
export async function gatherPictures(a: PictureSource, lookup: PictureLookup, win: ParsingWindow): Promise<Gathered> {
  return gatherFrom(inertElement(a.contentHtml, win), a, lookup);
}

/**
 * The article with every picture that has a stored copy pointed at `hrefOf`
 * of it (a data: address, or a file beside the export), its `srcset` and
 * `<source>` alternatives dropped so nothing names the remote copy any more.
 * Pictures without a copy keep their addresses.
 */
export async function embedPictures<A extends PictureSource>(
  a: A,
  lookup: PictureLookup,
  win: ParsingWindow,
  hrefOf: (picture: Picture) => string,
): Promise<{ article: A; gathered: Gathered }> {
  const holder = inertElement(a.contentHtml, win);
  const gathered = await gatherFrom(holder, a, lookup);
  if (gathered.pictures.length === 0) return { article: a, gathered };
  const base = baseOf(a);
  pointImages(holder, (img) => {
    const picture = pictureOf(img, base, gathered);
    return picture ? hrefOf(picture) : null;
  });
  const article = { ...a, contentHtml: holder.innerHTML };
  if (gathered.lead) article.leadImage = hrefOf(gathered.lead);
  return { article, gathered };
}
