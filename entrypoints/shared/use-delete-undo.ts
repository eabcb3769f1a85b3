import { useState } from 'preact/hooks';
import type { Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { t } from '../../components/i18n';
import { errorText } from '../library/error-text';

interface Options {
  library: Library;
  /** Read the list again after a change. */
  refresh: () => Promise<unknown>;
  /** Where a failure, or the outcome of an undo, is reported. */
  onMessage: (text: string, kind: 'info' | 'error') => void;
}

/**
 * Delete saved articles with a way back, as the popup, the library and the
 * reader offer it: the records taken out are held until the next delete or
 * the undo, which puts them back as they were.
 */
export function useDeleteUndo({ library, refresh, onMessage }: Options) {
  const [deleted, setDeleted] = useState<SavedArticle[] | null>(null);

  const remove = async (ids: readonly string[]): Promise<SavedArticle[]> => {
    try {
      const gone = await library.remove([...ids]);
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
      await library.restore(deleted);
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
