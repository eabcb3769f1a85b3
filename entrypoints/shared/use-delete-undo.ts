import { useState } from 'preact/hooks';
import type { Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { t } from '../../components/i18n';
import { errorText } from '../library/error-text';
import type { PictureOwner, PictureStore } from '../../lib/pictures/picture-store';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

interface Options {
  library: Library;
  /** Read the list again after a change. */
  refresh: () => Promise<unknown>;
  /** Where a failure, or the outcome of an undo, is reported. */
  onMessage: (text: string, kind: 'info' | 'error') => void;
  /** Where the deleted articles' pictures are kept, so the last article using a picture frees it. */
  pictures?: Pick<PictureStore, 'release' | 'own' | 'sweep'>;
}

/**
 * Delete saved articles with a way back, as the popup, the library and the
 * reader offer it: the records taken out are held until the next delete or
 * the undo, which puts them back as they were.
 */
export function useDeleteUndo({ library, refresh, onMessage, pictures }: Options) {
  const [deleted, setDeleted] = useState<SavedArticle[] | null>(null);
  // The deleted articles' claims on their pictures, held with the records for the undo.
  const [released, setReleased] = useState<PictureOwner[]>([]);

  const remove = async (ids: readonly string[]): Promise<SavedArticle[]> => {
    try {
      const gone = await orTimeout(library.remove([...ids]), STORAGE_BUDGET_MS, t('storageSlow'));
      if (pictures) {
        // The delete before this one can no longer be undone: pictures no article uses any more are freed now.
        await pictures.sweep().catch(() => 0);
        setReleased(await pictures.release(gone.map((a) => a.id)).catch(() => []));
      }
      setDeleted(gone.length ? gone : null);
      await refresh();
      return gone;
    } catch (error) {
      onMessage(t('actionFailed', t('actDelete'), errorText(error)), 'error');
      return [];
    }
  };

  const undo = async (): Promise<void> => {
    if (!deleted) return;
    try {
      await orTimeout(library.restore(deleted), STORAGE_BUDGET_MS, t('storageSlow'));
      if (pictures && released.length) await pictures.own(released);
      setReleased([]);
      setDeleted(null);
      await refresh();
      onMessage(t(deleted.length === 1 ? 'restoredOne' : 'restoredMany', deleted.length), 'info');
    } catch (error) {
      onMessage(t('actionFailed', t('actUndo'), errorText(error)), 'error');
    }
  };

  /** What the notice says about the last delete. */
  const deletedText = deleted ? (deleted.length === 1 ? t('deletedTitle', deleted[0]!.title) : t('deletedMany', deleted.length)) : '';

  return { deleted, deletedText, remove, undo, forget: () => setDeleted(null) };
}
