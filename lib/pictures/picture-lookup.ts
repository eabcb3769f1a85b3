import type { PictureLookup, PictureRef } from './picture';
import type { PictureStore } from './picture-store';

type WithPictures = { pictures?: readonly PictureRef[] };

/**
 * A PictureLookup over the picture store for saved articles: the address an
 * article names → its stored copy, or null (the address stays a link). It
 * knows the addresses of the articles it has been told of (`learn`, or
 * `along` as an export reads them batch by batch). Where two articles name one
 * address, the one told of first wins. Each answer is read from the store
 * afresh, so an export of thousands never holds more than its current
 * batch's pictures.
 */
export class StoredPictures {
  private readonly hashOf = new Map<string, string>();

  constructor(private readonly store: Pick<PictureStore, 'getMany'>) {}

  learn(articles: Iterable<WithPictures>): this {
    for (const a of articles) for (const ref of a.pictures ?? []) if (!this.hashOf.has(ref.src)) this.hashOf.set(ref.src, ref.hash);
    return this;
  }

  /** `batches` as they are, each learnt before the export sees it. */
  async *along<T extends WithPictures>(batches: AsyncIterable<readonly T[]>): AsyncGenerator<readonly T[]> {
    for await (const batch of batches) {
      this.learn(batch);
      yield batch;
    }
  }

  readonly lookup: PictureLookup = async (src) => {
    const hash = this.hashOf.get(src);
    if (!hash) return null;
    try {
      return (await this.store.getMany([hash])).get(hash) ?? null;
    } catch {
      return null;
    }
  };
}

/** The lookup for the given articles' pictures (one article's export, say). */
export function pictureLookup(store: Pick<PictureStore, 'getMany'>, articles: Iterable<WithPictures>): PictureLookup {
  return new StoredPictures(store).learn(articles).lookup;
}
