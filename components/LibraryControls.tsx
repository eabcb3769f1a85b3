import type { Facet, SortKey } from '../lib/library/arrange';
import { t } from './i18n';

interface Props {
  query: string;
  sort: SortKey;
  site: string;
  tag: string;
  sites: Facet[];
  tags: Facet[];
  /** Why search is not ready yet ("Indexing 120 of 900…"), or '' when it is. */
  searchState: string;
  onQuery: (q: string) => void;
  onSort: (s: SortKey) => void;
  onSite: (s: string) => void;
  onTag: (t: string) => void;
}

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
    </div>
  );
}
