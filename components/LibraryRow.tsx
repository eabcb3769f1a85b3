import type { LibraryEntry } from '../lib/library/saved-article';
import type { Segment } from '../lib/library/highlight';
import { interfaceDate } from './format-date';
import { Highlighted } from './Highlighted';
import { t } from './i18n';
import { namesTheSite } from '../lib/export/byline';

interface Props {
  entry: LibraryEntry;
  title: Segment[];
  authors: Segment[];
  site: Segment[];
  /** Body text around the first match, already marked. */
  excerpt: Segment[];
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
}

export function LibraryRow({ entry, title, authors, site, excerpt, selected, onSelect, onOpen }: Props) {
  const published = entry.publishedTime ? interfaceDate(entry.publishedTime) : '';
  return (
    <li class="row" data-testid="library-item" data-id={entry.id}>
      <input type="checkbox" checked={selected} aria-label={t('selectArticle', entry.title)} onChange={(e) => onSelect(entry.id, e.currentTarget.checked)} />
      <div>
        <button type="button" class="link" onClick={() => onOpen(entry.id)}>
          <Highlighted segments={title} />
        </button>
        <p class="meta">
          <Highlighted segments={site} />
          {authors.length > 0 && !namesTheSite(entry) && (
            <>
              {' · '}
              <Highlighted segments={authors} />
            </>
          )}
          {published && ` · ${t('rowPublished', published)}`} · {t('rowSaved', interfaceDate(entry.savedAt))}
          {entry.favourite && (
            <span class="row-flag" data-testid="row-favourite">
              {` · ★ ${t('favourite')}`}
            </span>
          )}
          {entry.state && entry.state !== 'unread' && (
            <span class="row-flag" data-testid="row-state">{` · ${t(entry.state === 'reading' ? 'stateReading' : 'stateArchived')}`}</span>
          )}
          {(entry.highlights?.length ?? 0) > 0 && (
            <span class="row-flag" data-testid="row-highlights">
              {` · ${entry.highlights!.length === 1 ? t('rowHighlightsOne') : t('rowHighlights', entry.highlights!.length)}`}
            </span>
          )}
          {entry.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
          {' · '}
          <a href={`/reader.html?id=${encodeURIComponent(entry.id)}`} data-testid="read-saved" aria-label={`${t('read')}: ${entry.title}`}>
            {t('read')}
          </a>
        </p>
        {excerpt.length > 0 && (
          <p class="snippet" data-testid="snippet">
            <Highlighted segments={excerpt} />
          </p>
        )}
      </div>
    </li>
  );
}
