import type { KeyValueArea, Library } from '../../lib/library/library';
import type { LibraryEntry } from '../../lib/library/saved-article';
import type { SearchHit, SearchIndex } from '../../lib/library/search-index';
import { loadSearchIndex, storeSearchIndex, syncSearchIndex } from '../../lib/library/search-sync';
import { formatCount } from '../../lib/format-count';
import { t } from '../../components/i18n';

/** Storing the index rewrites one large value; after a burst of changes it is written once. */
const STORE_DELAY_MS = 1500;

/**
 * The search index for this page: loaded from its snapshot, caught up with
 * the library's entries, and stored again a moment after it changed.
 */
export class SearchSession {
  private index: SearchIndex | null = null;
  private syncing: Promise<void> = Promise.resolve();
  private storeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly area: KeyValueArea,
    private readonly library: Library,
    private readonly onState: (state: string) => void,
  ) {}

  get ready(): boolean {
    return this.index !== null;
  }

  /** Bring the index up to date with `entries`; calls queue so two never interleave. */
  sync(entries: readonly LibraryEntry[]): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.runSync(entries))
      .catch((error: unknown) => this.onState(t('searchUnavailable', error instanceof Error ? error.message : String(error))));
    return this.syncing;
  }

  search(query: string): SearchHit[] | null {
    return this.index ? this.index.search(query) : null;
  }

  /** Write a pending change now (the page is being hidden). */
  flush(): void {
    if (this.storeTimer === undefined || !this.index) return;
    clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    void storeSearchIndex(this.area, this.index);
  }

  private async runSync(entries: readonly LibraryEntry[]): Promise<void> {
    if (!this.index) {
      this.onState(t('loadingSearch'));
      this.index = await loadSearchIndex(this.area);
    }
    const index = this.index;
    const changed = await syncSearchIndex(index, entries, this.library, (done, total) => this.onState(t('indexing', formatCount(done), formatCount(total))));
    this.onState('');
    if (changed > 0) this.scheduleStore(index);
  }

  private scheduleStore(index: SearchIndex): void {
    clearTimeout(this.storeTimer);
    this.storeTimer = setTimeout(() => {
      this.storeTimer = undefined;
      void storeSearchIndex(this.area, index);
    }, STORE_DELAY_MS);
  }
}
