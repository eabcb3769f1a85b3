import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Library } from '../../lib/library/library';
import type { LibraryEntry } from '../../lib/library/saved-article';
import { facetsOf, type SortKey } from '../../lib/library/arrange';
import type { ReadingState } from '../../lib/article-schema';
import { libraryView } from '../../lib/library/library-view';
import { HEAD_ROWS, type CachedHead } from '../../lib/library/list-cache';
import type { SearchHit } from '../../lib/library/search-index';

/**
 * Rows drawn at first, as many as the cached first screenful (more than a
 * tall window shows); more on request, so a library of 10,000 paints at once
 * and a search redraws no more rows than a reader sees.
 */
export const PAGE = HEAD_ROWS;
/** Hits whose body is read for a snippet. */
const SNIPPETS = 30;

/**
 * What the list shows: the search, sort and filters the reader chose, how
 * many rows are drawn, and the bodies the first hits' snippets come from.
 */
export function useLibraryView(library: Library, entries: LibraryEntry[] | null, head: CachedHead | null, useHits: (query: string) => SearchHit[] | null) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('saved');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [state, setState] = useState<ReadingState | ''>('');
  const [favourite, setFavourite] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [bodies, setBodies] = useState<ReadonlyMap<string, string>>(new Map());

  const hits = useHits(query);
  const view = useMemo(() => {
    if (entries) return libraryView(entries, { query, sort, site, tag, state: state || undefined, favourite }, hits);
    // Until the entries are read, the head stands for the default view only.
    const plain = !query.trim() && sort === 'saved' && !site && !tag && !state && !favourite;
    return { rows: plain && head ? head.entries : [], terms: new Map<string, string[]>() };
  }, [entries, head, query, sort, site, tag, state, favourite, hits]);
  const facets = useMemo(() => facetsOf(entries ?? []), [entries]);

  // Snippets need bodies; read them only for the first hits on screen.
  useEffect(() => {
    if (!hits) return setBodies(new Map());
    const ids = view.rows.slice(0, SNIPPETS).map((e) => e.id);
    let live = true;
    void library.texts(ids).then((texts) => live && setBodies(texts));
    return () => {
      live = false;
    };
  }, [hits, view]);

  /** A narrower choice starts again from the first page of rows. */
  const narrow =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setLimit(PAGE);
    };

  return {
    choice: { query, sort, site, tag, state, favourite },
    setQuery: narrow(setQuery),
    setSort,
    setSite: narrow(setSite),
    setTag: narrow(setTag),
    setState: narrow(setState),
    setFavourite: narrow(setFavourite),
    view,
    facets,
    bodies,
    limit,
    showMore: () => setLimit(limit + PAGE * 5),
  };
}
