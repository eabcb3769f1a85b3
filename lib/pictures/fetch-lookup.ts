import { fetchPicture, PictureError, type FetchPictureOptions } from './fetch-picture';
import { PICTURE_LIMITS, type Picture, type PictureLookup } from './picture';

export interface FetchingLookupOptions extends FetchPictureOptions {
  /** What one article's pictures may come to together. */
  maxTotalBytes?: number;
  /** Downloads under way at once: a few, so one slow server does not hold up the rest, nor are many opened at it. */
  concurrency?: number;
}

/** A lookup that downloads each picture it is asked about, and says why the ones it could not keep were not kept. */
export interface FetchingLookup {
  lookup: PictureLookup;
  /** Address → why it was not kept, in words for a reader. */
  failures: ReadonlyMap<string, string>;
}

/**
 * A PictureLookup for one article that fetches over http(s) with
 * fetchPicture's checks (time limit, size cap, raster types only), each
 * address once, a few at a time, and gives up on pictures that would take
 * the article past its total cap. It never throws: a picture it cannot
 * keep is null, with the reason in `failures`.
 */
export function fetchingLookup(options: FetchingLookupOptions): FetchingLookup {
  const maxTotal = options.maxTotalBytes ?? PICTURE_LIMITS.maxArticleBytes;
  const maxOne = options.maxBytes ?? PICTURE_LIMITS.maxPictureBytes;
  const slots = Math.max(1, options.concurrency ?? 4);
  const failures = new Map<string, string>();
  const answers = new Map<string, Promise<Picture | null>>();
  const queue: (() => void)[] = [];
  let running = 0;
  let kept = 0;
  const capMb = Math.round(maxTotal / 1048576);

  const turn = () =>
    new Promise<void>((go) => {
      if (running < slots) {
        running++;
        go();
      } else queue.push(go);
    });
  const done = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };

  const download = async (src: string): Promise<Picture | null> => {
    await turn();
    try {
      const tooMuch = new PictureError(`the article's pictures would pass ${capMb} MB together`);
      const left = maxTotal - kept;
      if (left <= 0) throw tooMuch;
      const picture = await fetchPicture(src, { ...options, maxBytes: Math.min(maxOne, left) }).catch((error: unknown) => {
        // Cut short by what the others took, not by its own size: say so.
        throw left < maxOne && error instanceof PictureError && error.message.startsWith('larger than') ? tooMuch : error;
      });
      if (kept + picture.bytes.byteLength > maxTotal) throw tooMuch;
      kept += picture.bytes.byteLength;
      return picture;
    } catch (error) {
      failures.set(src, error instanceof PictureError ? error.message : 'could not be fetched');
      return null;
    } finally {
      done();
    }
  };

  const lookup: PictureLookup = (src) => {
    let answer = answers.get(src);
    if (!answer) {
      answer = download(src);
      answers.set(src, answer);
    }
    return answer;
  };
  return { lookup, failures };
}

/** A lookup over pictures fetched already: what a page's export uses once its pictures are in. */
export function lookupOf(byAddress: ReadonlyMap<string, Picture>): PictureLookup {
  return (src) => Promise.resolve(byAddress.get(src) ?? null);
}
