import { useEffect, useRef } from 'preact/hooks';
import type { ReadingState } from '../../lib/article-schema';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import type { Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { errorText } from '../library/error-text';
import { t } from '../../components/i18n';

interface Options {
  library: Library;
  article: SavedArticle | null;
  onChange: (next: SavedArticle) => void;
  onError: (message: string) => void;
}

/** Unread, reading, archived and favourite for one saved article, stored within the storage budget. */
export function useReadingState({ library, article, onChange, onError }: Options) {
  const run = async (work: () => Promise<unknown>) => {
    if (!article) return;
    try {
      await orTimeout(work(), STORAGE_BUDGET_MS, t('storageSlow'));
      const next = await orTimeout(library.get(article.id), STORAGE_BUDGET_MS, t('storageSlow'));
      if (next) onChange(next);
    } catch (error) {
      onError(t('stateNotKept', errorText(error)));
    }
  };
  return {
    setState: (state: ReadingState) => run(() => library.mark([article!.id], { state })),
    setFavourite: (favourite: boolean) => run(() => library.mark([article!.id], { favourite })),
  };
}

/** How often at most the scroll position is written while the reader scrolls. */
const POSITION_EVERY_MS = 1_000;
/** How long after the place is restored a scroll is still the page's own, not the reader's. */
const SETTLE_MS = 300;

function scrolledFraction(): number {
  const room = document.documentElement.scrollHeight - window.innerHeight;
  return room > 0 ? Math.min(1, Math.max(0, window.scrollY / room)) : 0;
}

/**
 * The reader page's scroll position for a saved article: opening it goes
 * back to where the reader was (and makes an unread article one being
 * read); scrolling records the place, at most once a second, each write
 * within the storage budget. A write that fails says so once.
 */
export function useReadingPosition({ library, article, onChange, onError }: Options) {
  const id = article?.id ?? null;
  const restored = useRef<string | null>(null);
  /** Until when scrolling is the page restoring the place, not the reader moving. */
  const restoring = useRef(0);
  useEffect(() => {
    if (!article || restored.current === article.id) return;
    restored.current = article.id;
    const fraction = article.readingPosition;
    // After the article is laid out: the fraction is of its height.
    requestAnimationFrame(() => {
      const room = document.documentElement.scrollHeight - window.innerHeight;
      if (fraction > 0 && room > 0) {
        restoring.current = performance.now() + SETTLE_MS;
        window.scrollTo({ top: Math.round(fraction * room), behavior: 'instant' });
      }
    });
    if (article.state === 'unread') {
      void orTimeout(library.opened(article.id), STORAGE_BUDGET_MS, t('storageSlow'))
        .then(onChange)
        .catch((error) => onError(t('stateNotKept', errorText(error))));
    }
  }, [article]);

  useEffect(() => {
    if (!id) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failed = false;
    let last = 0;
    const write = () => {
      timer = undefined;
      last = performance.now();
      void orTimeout(library.setPosition(id, scrolledFraction()), STORAGE_BUDGET_MS, t('storageSlow')).catch((error) => {
        if (failed) return;
        failed = true;
        onError(t('positionNotKept', errorText(error)));
      });
    };
    // At most one write a second: at once when the last was long enough ago, else once the second is up.
    const onScroll = () => {
      const now = performance.now();
      // The restoring scroll is not the reader's: only scrolls after it are recorded.
      if (now < restoring.current || timer !== undefined) return;
      if (now - last >= POSITION_EVERY_MS) write();
      else timer = setTimeout(write, POSITION_EVERY_MS - (now - last));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
  }, [id]);
}
