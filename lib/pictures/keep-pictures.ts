import { orTimeout, STORAGE_BUDGET_MS, TIMED_OUT, withBudget } from '../budget';
import type { Library } from '../library/library';
import type { SavedArticle } from '../library/saved-article';
import { type FetchLike, fetchPicture, PictureError } from './fetch-picture';
import { type Picture, PICTURE_LIMITS, type PictureFailure, type PictureRef } from './picture';
import type { PictureStore } from './picture-store';

/** Pictures fetched at once: enough to overlap the waits, few enough not to crowd out the page's own traffic. */
export const PICTURES_AT_ONCE = 4;
/** The longest a save waits for all its pictures; those still out then are listed as not kept. */
export const PICTURE_SAVE_BUDGET_MS = 60_000;

export interface KeepPicturesOptions {
  library: Pick<Library, 'setPictures'>;
  store: Pick<PictureStore, 'keep' | 'sweep' | 'release'>;
  fetch: FetchLike;
  subtle?: SubtleCrypto;
  limits?: { maxPictureBytes: number; maxArticleBytes: number; timeoutMs: number };
  budgetMs?: number;
  storageBudgetMs?: number;
}

/** What keeping an article's pictures came to. */
export interface KeepOutcome {
  /** The record as stored, naming its kept pictures and its failures. */
  article: SavedArticle;
  kept: number;
  failures: PictureFailure[];
  /** The browser had no room for the pictures: the article is saved with its links only. */
  noRoom: boolean;
}

/** Reasons a save gives itself, beside those fetchPicture gives (all shown as they are). */
export const REASONS = {
  overArticleLimit: `the article's pictures would pass ${PICTURE_LIMITS.maxArticleBytes / 1048576} MB`,
  outOfTime: 'the save stopped waiting for it',
  noRoom: 'the browser has no room left to store it',
  unreadable: 'could not be read',
} as const;

type Fetched = { src: string; picture: Picture } | { src: string; reason: string };

/** Fetch `sources`, `PICTURES_AT_ONCE` at a time, each given at most the time left of `budgetMs`. */
async function fetchAll(sources: readonly string[], options: KeepPicturesOptions, budgetMs: number): Promise<Fetched[]> {
  const limits = options.limits ?? PICTURE_LIMITS;
  const deadline = Date.now() + budgetMs;
  const results: Fetched[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      const src = sources[i]!;
      const left = deadline - Date.now();
      if (left <= 0) {
        results[i] = { src, reason: REASONS.outOfTime };
        continue;
      }
      try {
        const picture = await fetchPicture(src, {
          fetch: options.fetch,
          subtle: options.subtle,
          maxBytes: limits.maxPictureBytes,
          timeoutMs: Math.min(limits.timeoutMs, left),
        });
        results[i] = { src, picture };
      } catch (error) {
        results[i] = { src, reason: error instanceof PictureError ? error.message : REASONS.unreadable };
      }
    }
  };
  const all = Promise.all(Array.from({ length: Math.min(PICTURES_AT_ONCE, sources.length) }, worker)).then(() => results);
  // Each fetch has its own time limit; this is the backstop should one not keep it.
  const done = await withBudget(all, budgetMs + 1000);
  if (done === TIMED_OUT) return sources.map((src, i) => results[i] ?? { src, reason: REASONS.outOfTime });
  return done;
}

const isQuotaError = (error: unknown) => error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

/**
 * Fetch and keep the pictures of an article the library has just saved,
 * then say in its record which are kept and which could not be (with why).
 * The record was saved first, with its links, so a page closed meanwhile
 * leaves a whole copy. The pictures are stored in one transaction: when the
 * browser has no room for them, none is stored and the article stays saved
 * with its links, its failures saying so (`noRoom`).
 */
export async function keepPictures(saved: SavedArticle, sources: readonly string[], options: KeepPicturesOptions): Promise<KeepOutcome> {
  const limits = options.limits ?? PICTURE_LIMITS;
  const storageBudget = options.storageBudgetMs ?? STORAGE_BUDGET_MS;
  const fetched = await fetchAll(sources, options, options.budgetMs ?? PICTURE_SAVE_BUDGET_MS);

  const pictures: Picture[] = [];
  const refs: PictureRef[] = [];
  const failures: PictureFailure[] = [];
  const counted = new Set<string>();
  let total = 0;
  // In the order the article shows them, so the first pictures are the ones kept when the article's limit is reached.
  for (const f of fetched) {
    if ('reason' in f) {
      failures.push({ src: f.src, reason: f.reason });
      continue;
    }
    const { picture } = f;
    const size = picture.bytes.byteLength;
    if (!counted.has(picture.hash)) {
      if (total + size > limits.maxArticleBytes) {
        failures.push({ src: f.src, reason: REASONS.overArticleLimit });
        continue;
      }
      total += size;
      counted.add(picture.hash);
      pictures.push(picture);
    }
    refs.push({ src: f.src, hash: picture.hash, type: picture.type, size });
  }

  let dropped: string[];
  try {
    dropped = await orTimeout(options.store.keep(saved.id, pictures), storageBudget, 'the picture store did not answer in time; save again to retry');
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const noRoom = [...failures, ...refs.map((r) => ({ src: r.src, reason: REASONS.noRoom }))];
    const article = await orTimeout(
      options.library.setPictures(saved.id, saved.pictures, noRoom),
      storageBudget,
      'the library did not answer in time; save again to retry',
    );
    return { article, kept: 0, failures: noRoom, noRoom: true };
  }

  let article: SavedArticle;
  try {
    article = await orTimeout(options.library.setPictures(saved.id, refs, failures), storageBudget, 'the library did not answer in time; save again to retry');
  } catch (error) {
    // The article went (deleted meanwhile) or could not be written: its pictures are not left claimed by nothing.
    await options.store.release([saved.id]).catch(() => undefined);
    await options.store.sweep(pictures.map((p) => p.hash)).catch(() => undefined);
    throw error;
  }
  // Pictures a re-save no longer shows are freed, unless another article shows them too.
  if (dropped.length) await options.store.sweep(dropped).catch(() => undefined);
  return { article, kept: refs.length, failures, noRoom: false };
}
