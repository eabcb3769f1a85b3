import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Library } from '../../lib/library/library';
import type { ArticleEdit, LibraryEntry, SavedArticle } from '../../lib/library/saved-article';
import { facetsOf, type SortKey } from '../../lib/library/arrange';
import { highlight, snippet } from '../../lib/library/highlight';
import { libraryView } from '../../lib/library/library-view';
import type { ImportReport } from '../../lib/library/import-backup';
import { usesText, type BulkFormat } from '../../lib/export/bulk-formats';
import { HEAD_ROWS, loadListCache, sameEntries, storeListCache, type CachedHead } from '../../lib/library/list-cache';
import { loadFrontMatterTemplate } from '../../lib/export/template-store';
import type { sanitizeHtml } from '../../lib/sanitize';
import { LibraryControls } from '../../components/LibraryControls';
import { LibraryRow } from '../../components/LibraryRow';
import { SelectionBar } from '../../components/SelectionBar';
import { ArticleEditor } from '../../components/ArticleEditor';
import { ArticleHeader } from '../../components/ArticleHeader';
import { ArticlePreview } from '../../components/ArticlePreview';
import { Notice } from '../../components/Notice';
import { Progress } from '../../components/Progress';
import type { SearchSession } from './search-session';
import { saveBlob } from './save-blob';
import { libraryArea, storageArea } from './page-storage';
import { errorText } from './error-text';
import { formatCount } from '../../lib/format-count';
import { sourceAddress } from '../../lib/web-address';

/** The saved library, its search index and list cache. */
const area = libraryArea();
const library = new Library(area);
/** The reader's settings, kept in storage.local apart from the library. */
const settings = storageArea();
/**
 * Rows drawn at first, as many as the cached first screenful (more than a
 * tall window shows); more on request, so a library of 10,000 paints at once
 * and a search redraws no more rows than a reader sees.
 */
const PAGE = HEAD_ROWS;
/** Hits whose body is read for a snippet. */
const SNIPPETS = 30;
/** Articles read from storage per call during an export. Measured at 10,000: 100 exported faster than 250 (about 6.0 s against 6.4 s); bodies that die young are cheaper to collect. */
const EXPORT_BATCH = 100;

/** Run `work` once the frame now being prepared has been painted, so it cannot hold that paint back. */
const afterPaint = (work: () => void) => requestAnimationFrame(() => setTimeout(work));

type Message = { text: string; kind: 'info' | 'error'; undo?: SavedArticle[] };

function reportText(r: ImportReport): string {
  const skipped = r.skipped.slice(0, 5).map((s) => `#${s.index + 1}: ${s.reason}`);
  const more = r.skipped.length > 5 ? `; and ${r.skipped.length - 5} more` : '';
  return `Imported ${r.imported} new, updated ${r.updated}, skipped ${r.skipped.length}${skipped.length ? ` (${skipped.join('; ')}${more})` : ''}.`;
}

interface Props {
  /** The first screenful of the default view, read before the page was drawn (first-screen.ts); null when there was none. */
  head: CachedHead | null;
}

export function App({ head }: Props) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('saved');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  // Not ready until the index is loaded and caught up; a query typed before then matches titles only.
  const [searchState, setSearchState] = useState('Loading search…');
  const [indexVersion, setIndexVersion] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<SavedArticle | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [bodies, setBodies] = useState<ReadonlyMap<string, string>>(new Map());
  const session = useRef<SearchSession | null>(null);

  /** Load MiniSearch and the stored index only now: neither is needed to draw the list. */
  const syncSearch = async (list: readonly LibraryEntry[]) => {
    if (!session.current) {
      const { SearchSession } = await import('./search-session');
      session.current ??= new SearchSession(area, library, (state) => {
        setSearchState(state);
        if (!state) setIndexVersion((v) => v + 1);
      });
    }
    await session.current.sync(list);
  };

  /** Read the entries again, let the index catch up with what changed, and keep the list cache in step. */
  const refresh = async (cached: LibraryEntry[] | null = null) => {
    const list = await library.list();
    setEntries(list);
    // Stored again when out of date, and when there was no first screenful to draw (a library from before it was kept in localStorage).
    if (!cached || !sameEntries(cached, list) || (!head && list.length > 0)) void storeListCache(area, localStorage, list).catch(() => undefined);
    // After the list is drawn: loading a large index must not delay the first paint.
    afterPaint(() => void syncSearch(list).catch((e: unknown) => setSearchState(`Search is unavailable: ${errorText(e)}`)));
    return list;
  };

  useEffect(() => {
    const fail = (e: unknown) => setMessage({ kind: 'error', text: `Could not read the library: ${errorText(e)}.` });
    // The first screenful is drawn already (from `head`); now, each step after the last was painted,
    // the whole list from the one-value copy of all entries, then from the entries themselves.
    afterPaint(
      () =>
        void loadListCache(area)
          .catch(() => null)
          .then((cached) => {
            // An empty copy is not drawn: "Nothing saved yet" must come from the entries themselves, not a copy written before the last save.
            if (cached?.length) setEntries(cached);
            afterPaint(() => void refresh(cached).catch(fail));
          }),
    );
    const hide = () => session.current?.flush();
    addEventListener('pagehide', hide);
    return () => removeEventListener('pagehide', hide);
  }, []);

  const hits = useMemo(() => (query.trim() ? (session.current?.search(query) ?? null) : null), [query, indexVersion]);
  const view = useMemo(() => {
    if (entries) return libraryView(entries, { query, sort, site, tag }, hits);
    // Until the entries are read, the head stands for the default view only.
    const plain = !query.trim() && sort === 'saved' && !site && !tag;
    return { rows: plain && head ? head.entries : [], terms: new Map<string, string[]>() };
  }, [entries, head, query, sort, site, tag, hits]);
  const facets = useMemo(() => facetsOf(entries ?? []), [entries]);
  const shownRows = view.rows.slice(0, limit);

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

  const act = async (label: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: `${label} failed: ${errorText(error)}.` });
    }
  };

  const selectedIds = () => view.rows.filter((e) => selected.has(e.id)).map((e) => e.id);

  const onDelete = () =>
    act('Delete', async () => {
      const gone = await library.remove(selectedIds());
      setSelected(new Set());
      if (open && gone.some((g) => g.id === open.id)) setOpen(null);
      await refresh();
      setMessage({ kind: 'info', text: `Deleted ${gone.length} ${gone.length === 1 ? 'article' : 'articles'}.`, undo: gone });
    });

  const onUndo = (records: SavedArticle[]) =>
    act('Undo', async () => {
      await library.restore(records);
      await refresh();
      setMessage({ kind: 'info', text: `Restored ${records.length} ${records.length === 1 ? 'article' : 'articles'}.` });
    });

  const onTag = (text: string, remove: boolean) =>
    act('Tagging', async () => {
      const changed = remove ? await library.tag(selectedIds(), [], [text]) : await library.tag(selectedIds(), [text]);
      await refresh();
      setMessage({
        kind: 'info',
        text: `${remove ? 'Removed' : 'Added'} “${text.trim()}” ${remove ? 'from' : 'to'} ${changed} ${changed === 1 ? 'article' : 'articles'}.`,
      });
    });

  const runExport = (ids: string[], format: BulkFormat) =>
    act('Export', async () => {
      const chunks: Uint8Array[] = [];
      const total = ids.length;
      let shownAt = performance.now();
      setProgress({ label: 'Exporting', done: 0, total });
      // The converters and compressor load with the first export, not with the page.
      const [{ exportBulk }, { startZipWorkers }] = await Promise.all([import('../../lib/export/bulk-export'), import('./start-zip-worker')]);
      const worker = format.startsWith('zip-') ? startZipWorkers() : null;
      try {
        const frontMatterTemplate = await loadFrontMatterTemplate(settings);
        const result = await exportBulk(library.batches(ids, EXPORT_BATCH, { text: usesText(format) }), format, (c) => chunks.push(c), {
          now: new Date(),
          win: window,
          frontMatterTemplate,
          helper: worker?.helper ?? undefined,
          onProgress: (done) => {
            // Redrawing the page costs time the export needs: a few times a second is enough to show it moving.
            const now = performance.now();
            if (now - shownAt < 250 && done !== total) return;
            shownAt = now;
            setProgress({ label: 'Exporting', done, total });
          },
        });
        saveBlob(chunks as BlobPart[], result.name, result.mime);
      } finally {
        worker?.close();
        setProgress(null);
      }
    });

  const onImport = (file: File) =>
    act('Import', async () => {
      const [{ BackupError, importBackup }, { sanitizeHtml }] = await Promise.all([import('../../lib/library/import-backup'), import('../../lib/sanitize')]);
      try {
        const report = await importBackup(library, await file.text(), { sanitize: (html) => sanitizeHtml(html, window) });
        await refresh();
        setMessage({ kind: 'info', text: reportText(report) });
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        setMessage({ kind: 'error', text: `${error.message} Nothing was imported.` });
      }
    });

  const onOpen = (id: string) =>
    act('Opening', async () => {
      const article = await library.get(id);
      if (!article) return setMessage({ kind: 'info', text: 'That article is no longer saved.' });
      setOpen(article);
    });

  const onEdit = (edit: ArticleEdit) =>
    act('Saving changes', async () => {
      if (!open) return;
      setOpen(await library.update(open.id, edit));
      await refresh();
      setMessage({ kind: 'info', text: 'Changes saved.' });
    });

  // The sanitiser (DOMPurify) loads with the first article opened, not with the list.
  const [sanitize, setSanitize] = useState<typeof sanitizeHtml | null>(null);
  useEffect(() => {
    if (open && !sanitize) void import('../../lib/sanitize').then((m) => setSanitize(() => m.sanitizeHtml));
  }, [open, sanitize]);
  const openHtml = useMemo(() => (open && sanitize ? sanitize(open.contentHtml, window) : ''), [open, sanitize]);

  return (
    <main class="library">
      <header class="top">
        <h1>Clean Copy library</h1>
        <span class="muted" data-testid="library-count">
          {entries ? `${formatCount(entries.length)} saved` : head ? `${formatCount(head.total)} saved` : 'Loading…'}
        </span>
        <div class="spacer" />
        <button
          type="button"
          data-testid="export-backup"
          disabled={!entries?.length || progress !== null}
          onClick={() =>
            void runExport(
              (entries ?? []).map((e) => e.id),
              'json',
            )
          }
        >
          Export backup
        </button>
        <label class="button">
          Import backup…
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void onImport(file);
            }}
          />
        </label>
      </header>
      {message && (
        <Notice
          kind={message.kind}
          action={message.undo ? { label: 'Undo', onClick: () => void onUndo(message.undo!) } : { label: 'Dismiss', onClick: () => setMessage(null) }}
        >
          {message.text}
        </Notice>
      )}
      {progress && <Progress {...progress} />}
      <LibraryControls
        query={query}
        sort={sort}
        site={site}
        tag={tag}
        sites={facets.sites}
        tags={facets.tags}
        searchState={searchState}
        onQuery={(q) => {
          setQuery(q);
          setLimit(PAGE);
        }}
        onSort={setSort}
        onSite={(s) => {
          setSite(s);
          setLimit(PAGE);
        }}
        onTag={(t) => {
          setTag(t);
          setLimit(PAGE);
        }}
      />
      <SelectionBar
        selected={selected.size}
        shown={entries ? view.rows.length : 0}
        busy={progress !== null}
        onSelectAll={() => setSelected(new Set(view.rows.map((e) => e.id)))}
        onSelectNone={() => setSelected(new Set())}
        onDelete={() => void onDelete()}
        onTag={(t, remove) => void onTag(t, remove)}
        onExport={(format) => void runExport(selectedIds(), format)}
      />
      <div class="panes">
        <section class="list">
          {entries !== null && view.rows.length === 0 && (
            <p class="empty" data-testid="library-empty">
              {entries.length === 0 ? 'Nothing saved yet. Open an article, click Clean Copy in the toolbar and press Save.' : 'No saved article matches.'}
            </p>
          )}
          <ul data-testid="library-list">
            {shownRows.map((e) => {
              const terms = view.terms.get(e.id) ?? [];
              const body = bodies.get(e.id);
              return (
                <LibraryRow
                  key={e.id}
                  entry={e}
                  title={highlight(e.title, terms)}
                  authors={highlight(e.authors.join(', '), terms)}
                  site={highlight(e.siteName, terms)}
                  excerpt={body ? highlight(snippet(body, terms), terms) : []}
                  selected={selected.has(e.id)}
                  onSelect={(id, on) => {
                    const next = new Set(selected);
                    if (on) next.add(id);
                    else next.delete(id);
                    setSelected(next);
                  }}
                  onOpen={(id) => void onOpen(id)}
                />
              );
            })}
          </ul>
          {view.rows.length > limit && (
            <button type="button" data-testid="show-more" onClick={() => setLimit(limit + PAGE * 5)}>
              Show more ({formatCount(view.rows.length - limit)} not shown)
            </button>
          )}
        </section>
        {open && (
          <aside class="detail" data-testid="detail">
            <button type="button" class="close" aria-label="Close" onClick={() => setOpen(null)}>
              ×
            </button>
            <ArticleEditor key={`${open.id}:${open.updatedAt}`} title={open.title} tags={open.tags} notes={open.notes} onSave={(edit) => void onEdit(edit)} />
            {sourceAddress(open) && (
              <p>
                <a href={sourceAddress(open)} target="_blank" rel="noopener noreferrer">
                  Original page
                </a>
              </p>
            )}
            <ArticleHeader article={open} />
            <ArticlePreview safeHtml={openHtml} leadImage={open.leadImage} />
          </aside>
        )}
      </div>
    </main>
  );
}
