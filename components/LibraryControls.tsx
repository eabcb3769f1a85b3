import type { Facet, SortKey } from '../lib/library/arrange';
import { READING_STATES, type ReadingState } from '../lib/article-schema';
import { t } from './i18n';

interface Props {
  query: string;
  sort: SortKey;
  site: string;
  tag: string;
  state: ReadingState | '';
  favourite: boolean;
  sites: Facet[];
  tags: Facet[];
  /** Why search is not ready yet ("Indexing 120 of 900…"), or '' when it is. */
  searchState: string;
  onQuery: (q: string) => void;
  onSort: (s: SortKey) => void;
  onSite: (s: string) => void;
  onTag: (t: string) => void;
  onState: (s: ReadingState | '') => void;
  onFavourite: (f: boolean) => void;
}

const STATE_KEYS: Record<ReadingState, string> = { unread: 'stateUnread', reading: 'stateReading', archived: 'stateArchived' };

const SORTS: { id: SortKey; label: string }[] = [
  { id: 'saved', label: 'sortSaved' },
  { id: 'published', label: 'sortPublished' },
  { id: 'title', label: 'sortTitle' },
  { id: 'site', label: 'sortSite' },
];

interface FacetSelectProps {
  label: string;
  all: string;
  testId: string;
  value: string;
  facets: Facet[];
  onChange: (value: string) => void;
}

/** A filter by one facet (site, tag), each value with its count. */
function FacetSelect(p: FacetSelectProps) {
  return (
    <label>
      {p.label}{' '}
      <select data-testid={p.testId} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
        <option value="">{p.all}</option>
        {p.facets.map((f) => (
          <option key={f.value} value={f.value}>
            {f.value} ({f.count})
          </option>
        ))}
      </select>
    </label>
  );
}

export function LibraryControls(p: Props) {
  return (
    <div class="controls">
      <input
        type="search"
        data-testid="library-search"
        placeholder={t('searchLibraryPlaceholder')}
        aria-label={t('searchLibrary')}
        value={p.query}
        onInput={(e) => p.onQuery(e.currentTarget.value)}
      />
      {p.searchState && (
        <span class="muted" data-testid="search-state">
          {p.searchState}
        </span>
      )}
      <label>
        {t('sort')}{' '}
        <select data-testid="sort" value={p.sort} onChange={(e) => p.onSort(e.currentTarget.value as SortKey)}>
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </label>
      <FacetSelect label={t('filterSite')} all={t('allSites')} testId="site-filter" value={p.site} facets={p.sites} onChange={p.onSite} />
      <FacetSelect label={t('filterTag')} all={t('allTags')} testId="tag-filter" value={p.tag} facets={p.tags} onChange={p.onTag} />
      <label>
        {t('filterState')}{' '}
        <select data-testid="state-filter" value={p.state} onChange={(e) => p.onState(e.currentTarget.value as ReadingState | '')}>
          <option value="">{t('allStates')}</option>
          {READING_STATES.map((s) => (
            <option key={s} value={s}>
              {t(STATE_KEYS[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="favourite-filter" checked={p.favourite} onChange={(e) => p.onFavourite(e.currentTarget.checked)} />{' '}
        {t('favouritesOnly')}
      </label>
    </div>
  );
}
