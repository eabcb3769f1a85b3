import type { Facet, SortKey } from '../lib/library/arrange';

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
  { id: 'saved', label: 'Newest saved' },
  { id: 'published', label: 'Newest published' },
  { id: 'title', label: 'Title' },
  { id: 'site', label: 'Site' },
];

export function LibraryControls(p: Props) {
  return (
    <div class="controls">
      <input type="search" data-testid="library-search" placeholder="Search titles, authors, sites and text" aria-label="Search the library" value={p.query} onInput={(e) => p.onQuery(e.currentTarget.value)} />
      {p.searchState && (
        <span class="muted" data-testid="search-state">
          {p.searchState}
        </span>
      )}
      <label>
        Sort{' '}
        <select data-testid="sort" value={p.sort} onChange={(e) => p.onSort(e.currentTarget.value as SortKey)}>
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Site{' '}
        <select data-testid="site-filter" value={p.site} onChange={(e) => p.onSite(e.currentTarget.value)}>
          <option value="">All sites</option>
          {p.sites.map((f) => (
            <option key={f.value} value={f.value}>
              {f.value} ({f.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag{' '}
        <select data-testid="tag-filter" value={p.tag} onChange={(e) => p.onTag(e.currentTarget.value)}>
          <option value="">All tags</option>
          {p.tags.map((f) => (
            <option key={f.value} value={f.value}>
              {f.value} ({f.count})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
