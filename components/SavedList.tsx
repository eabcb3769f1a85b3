import type { LibraryEntry } from '../lib/library/saved-article';
import { formatDate } from '../lib/export/byline';
import { t } from './i18n';

interface Props {
  entries: LibraryEntry[];
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

export function SavedList({ entries, query, onQuery, onOpen, onDelete }: Props) {
  return (
    <section class="saved" data-testid="saved">
      <input type="search" placeholder={t('searchSaved')} value={query} onInput={(e) => onQuery(e.currentTarget.value)} aria-label={t('searchSaved')} />
      {entries.length === 0 ? (
        <p class="empty">{query ? t('noMatch') : t('nothingSavedPopup')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls in the popup; focus lets the keyboard scroll it
        <ul tabIndex={0} aria-label={t('savedArticles')}>
          {entries.map((e) => (
            <li key={e.id} data-testid="saved-item">
              <button type="button" class="link" onClick={() => onOpen(e.id)}>
                {e.title}
              </button>
              <span class="meta">
                {e.siteName} · {t('rowSaved', formatDate(e.savedAt))}
              </span>
              <a class="read" href={`/reader.html?id=${encodeURIComponent(e.id)}`} target="_blank" rel="noopener" aria-label={`${t('read')}: ${e.title}`}>
                {t('read')}
              </a>
              <button type="button" class="delete" aria-label={t('deleteArticle', e.title)} onClick={() => onDelete(e.id)}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
