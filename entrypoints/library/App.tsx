import { useEffect, useRef, useState } from 'preact/hooks';
import { Library } from '../../lib/library/library';
import type { ArticleEdit, SavedArticle } from '../../lib/library/saved-article';
import { highlight, snippet } from '../../lib/library/highlight';
import type { BulkFormat } from '../../lib/export/bulk-formats';
import type { CachedHead } from '../../lib/library/list-cache';
import { formatCount } from '../../lib/format-count';
import { LibraryControls } from '../../components/LibraryControls';
import { LibraryRow } from '../../components/LibraryRow';
import { SelectionBar } from '../../components/SelectionBar';
import { ImportButton } from '../../components/ImportButton';
import { Notice } from '../../components/Notice';
import { Progress } from '../../components/Progress';
import { t } from '../../components/i18n';
import { useDeleteUndo } from '../shared/use-delete-undo';
import { libraryArea, pagesLock, pictureStore, storageArea } from './page-storage';
import { errorText } from './error-text';
import { useLibraryList } from './use-library-list';
import { useLibraryView } from './use-library-view';
import { useBulkExport } from './use-bulk-export';
import { importFile } from './import-file';
import { OpenArticle } from './OpenArticle';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/** The saved library, its search index and list cache. */
const area = libraryArea();
const library = new Library(area, undefined, pagesLock);
/** The reader's settings, kept in storage.local apart from the library. */
const settings = storageArea();
type Message = { text: string; kind: 'info' | 'error' };

interface Props {
  /** The first screenful of the default view, read before the page was drawn (first-screen.ts); null when there was none. */
  head: CachedHead | null;
}

export function App({ head }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<SavedArticle | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** The row to focus once the list is drawn again: where a deleted row stood, or the one whose article was closed. */
  const refocus = useRef<{ index: number } | { id: string } | null>(null);

  // A new message replaces the last delete's notice, and with it that delete's undo.
  const forgetDelete = useRef(() => {});
  const say = (text: string, kind: Message['kind'] = 'info') => {
    forgetDelete.current();
    setMessage({ text, kind });
  };
  const { entries, searchState, refresh, useHits } = useLibraryList(library, area, head, (text) => say(text, 'error'));
  const { choice, setQuery, setSort, setSite, setTag, setState, setFavourite, view, facets, bodies, limit, showMore } = useLibraryView(
    library,
    entries,
    head,
    useHits,
  );
  const { progress, runExport } = useBulkExport(library, settings);
  const deletion = useDeleteUndo({ library, refresh, onMessage: say, pictures: pictureStore() });
  forgetDelete.current = deletion.forget;
  const shownRows = view.rows.slice(0, limit);

  // Focus goes back to a row rather than to the page's body.
  useEffect(() => {
    const target = refocus.current;
    if (!target || !listRef.current) return;
    const rows = Array.from(listRef.current.querySelectorAll<HTMLElement>('[data-testid=library-item]'));
    const row = 'id' in target ? rows.find((r) => r.dataset.id === target.id) : rows[Math.min(target.index, rows.length - 1)];
    refocus.current = null;
    row?.querySelector<HTMLButtonElement>('button.link')?.focus();
  }, [view, open]);

  const act = async (label: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      say(t('actionFailed', label, errorText(error)), 'error');
    }
  };

  const selectedIds = () => view.rows.filter((e) => selected.has(e.id)).map((e) => e.id);

  const onDelete = async () => {
    const ids = selectedIds();
    const first = view.rows.findIndex((e) => selected.has(e.id));
    const gone = await deletion.remove(ids);
    if (gone.length === 0) return;
    setSelected(new Set());
    if (open && gone.some((g) => g.id === open.id)) setOpen(null);
    // The row that took the first deleted one's place; the Undo is one Shift+Tab away in the notice above.
    refocus.current = { index: Math.max(0, first) };
    setMessage(null);
  };

  const onTag = (text: string, remove: boolean) =>
    act(t('actTagging'), async () => {
      const changed = await orTimeout(
        remove ? library.tag(selectedIds(), [], [text]) : library.tag(selectedIds(), [text]),
        STORAGE_BUDGET_MS,
        t('storageSlow'),
      );
      await refresh();
      say(t(remove ? (changed === 1 ? 'tagRemovedOne' : 'tagRemovedMany') : changed === 1 ? 'tagAddedOne' : 'tagAddedMany', text.trim(), changed));
    });

  const onExport = (ids: string[], format: BulkFormat) => act(t('export'), () => runExport(ids, format));

  const onImport = (file: File) =>
    act(t('actImport'), async () => {
      const outcome = await importFile(library, settings, file);
      await refresh();
      say(outcome.text, outcome.kind);
    });

  const onOpen = (id: string) =>
    act(t('actOpening'), async () => {
      const article = await library.get(id);
      if (!article) return say(t('notSaved'));
      setOpen(article);
    });

  const onClose = () => {
    if (open) refocus.current = { id: open.id };
    setOpen(null);
  };

  const onEdit = async (edit: ArticleEdit): Promise<boolean> => {
    if (!open) return false;
    try {
      setOpen(await orTimeout(library.update(open.id, edit), STORAGE_BUDGET_MS, t('storageSlow')));
      await refresh();
      return true;
    } catch (error) {
      say(t('actionFailed', t('actSavingChanges'), errorText(error)), 'error');
      return false;
    }
  };

  return (
    <main class="library">
      <header class="top">
        <h1>{t('libraryTitle')}</h1>
        <span class="muted" data-testid="library-count">
          {entries ? t('savedCount', formatCount(entries.length)) : head ? t('savedCount', formatCount(head.total)) : t('loading')}
        </span>
        <div class="spacer" />
        <button
          type="button"
          data-testid="export-backup"
          disabled={!entries?.length || progress !== null}
          onClick={() =>
            void onExport(
              (entries ?? []).map((e) => e.id),
              'json',
            )
          }
        >
          {t('exportBackup')}
        </button>
        <ImportButton label={t('importBackup')} accept="application/json,.json" testId="import-file" onFile={(file) => void onImport(file)} />
      </header>
      {deletion.deleted ? (
        <Notice kind="info" action={{ label: t('undo'), onClick: () => void deletion.undo() }}>
          {deletion.deletedText}
        </Notice>
      ) : (
        message && (
          <Notice kind={message.kind} action={{ label: t('dismiss'), onClick: () => setMessage(null) }}>
            {message.text}
          </Notice>
        )
      )}
      {progress && <Progress {...progress} />}
      <LibraryControls
        {...choice}
        sites={facets.sites}
        tags={facets.tags}
        searchState={searchState}
        onQuery={setQuery}
        onSort={setSort}
        onSite={setSite}
        onTag={setTag}
        onState={setState}
        onFavourite={setFavourite}
      />
      <SelectionBar
        selected={selected.size}
        shown={entries ? view.rows.length : 0}
        busy={progress !== null}
        onSelectAll={() => setSelected(new Set(view.rows.map((e) => e.id)))}
        onSelectNone={() => setSelected(new Set())}
        onDelete={() => void onDelete()}
        onTag={(text, remove) => void onTag(text, remove)}
        onExport={(format) => void onExport(selectedIds(), format)}
      />
      <div class="panes">
        <section class="list">
          {entries !== null && view.rows.length === 0 && (
            <p class="empty" data-testid="library-empty">
              {entries.length === 0 ? t('libraryEmpty') : t('noMatch')}
            </p>
          )}
          <ul data-testid="library-list" ref={listRef}>
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
            <button type="button" data-testid="show-more" onClick={showMore}>
              {t('showMore', formatCount(view.rows.length - limit))}
            </button>
          )}
        </section>
        {open && (
          <OpenArticle
            library={library}
            settings={settings}
            article={open}
            onClose={onClose}
            onEdit={onEdit}
            onError={(text) => say(text, 'error')}
            onChanged={(next) => {
              setOpen(next);
              void refresh();
            }}
          />
        )}
      </div>
    </main>
  );
}
