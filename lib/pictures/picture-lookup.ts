import type { Picture, PictureLookup, PictureRef } from './picture';
import type { PictureStore } from './picture-store';

/**
 * A PictureLookup over the picture store for the given saved articles: the
 * address an article names → its stored copy, or null (the address stays a
 * link). Exports of one article or many take it (HTML, EPUB, ZIP, Markdown).
 * Where two articles name one address, the one given first wins; addresses
 * of one article never disagree.
 */
export function pictureLookup(store: Pick<PictureStore, 'getMany'>, articles: Iterable<{ pictures?: readonly PictureRef[] }>): PictureLookup {
  const hashOf = new Map<string, string>();
  for (const a of articles) for (const ref of a.pictures ?? []) if (!hashOf.has(ref.src)) hashOf.set(ref.src, ref.hash);
  const read = new Map<string, Promise<Picture | null>>();
  return (src) => {
    const hash = hashOf.get(src);
    if (!hash) return Promise.resolve(null);
    let found = read.get(hash);
    if (!found) {
      found = store.getMany([hash]).then(
        (got) => got.get(hash) ?? null,
        () => null,
      );
      read.set(hash, found);
    }
    return found;
  };
}
