import { useEffect, useRef } from 'preact/hooks';
import type { LibraryEntry } from '../lib/library/saved-article';
import { interfaceDate } from './format-date';
import { t } from './i18n';

interface Props {
  entries: LibraryEntry[];
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
  /** Resolves once the list no longer holds the article. */
  onDelete: (id: string) => Promise<unknown>;
}

export function SavedList({ entries, query, onQuery, onOpen, onDelete }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  // Where the deleted row stood: focus goes to the row that took its place, not to the page's body.
  const refocus = useRef<number | null>(null);

  const focusRow = () => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const links = list.current?.querySelectorAll<HTMLButtonElement>('button.link') ?? [];
    (links[Math.min(at, links.length - 1)] ?? search.current)?.focus();
  };
  useEffect(focusRow, [entries]);

  const remove = (id: string, index: number) => {
    refocus.current = index;
    // The list may have been drawn again before the delete resolved, or not at all if it failed.
    void onDelete(id).then(() => requestAnimationFrame(focusRow));
  };

  return (
    <section class="saved" data-testid="saved">
      <input
        type="search"
        ref={search}
        placeholder={t('searchSaved')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        aria-label={t('searchSaved')}
      />
      {entries.length === 0 ? (
        <p class="empty">{query ? t('noMatch') : t('nothingSavedPopup')}</p>
      ) : (
        <ul ref={list} aria-label={t('savedArticles')}>
          {entries.map((e, index) => (
            <li key={e.id} data-testid="saved-item">
              <button type="button" class="link" onClick={() => onOpen(e.id)}>
                {e.title}
              </button>
              <span class="meta">
                {e.siteName} · {t('rowSaved', interfaceDate(e.savedAt))}
              </span>
              <a class="read" href={`/reader.html?id=${encodeURIComponent(e.id)}`} target="_blank" rel="noopener" aria-label={`${t('read')}: ${e.title}`}>
                {t('read')}
              </a>
              <button type="button" class="delete" aria-label={t('deleteArticle', e.title)} onClick={() => remove(e.id, index)}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
