import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleRecord } from '../../lib/article';
import { sanitizeHtml } from '../../lib/sanitize';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { entryOf, type LibraryEntry, type SavedArticle } from '../../lib/library/saved-article';
import { loadFrontMatterTemplate } from '../../lib/export/template-store';
import { filterEntries } from '../../lib/library/filter-entries';
import { exportAllJson, exportAllZip, exportOne, type FormatId } from '../../lib/export/formats';
import { ArticleHeader } from '../../components/ArticleHeader';
import { ArticlePreview } from '../../components/ArticlePreview';
import { RemovedList } from '../../components/RemovedList';
import { ExportMenu } from '../../components/ExportMenu';
import { SavedList } from '../../components/SavedList';
import { Notice } from '../../components/Notice';
import { readTab } from './read-tab';
import { download } from './download';
import { errorText } from '../library/error-text';
import { libraryArea } from '../library/page-storage';

type Current = { state: 'loading' } | { state: 'error'; message: string; retry?: boolean } | { state: 'ready'; article: ArticleRecord; fromLibrary: boolean };

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

const library = new Library(libraryArea());
const settings = browser.storage.local as unknown as KeyValueArea;

export function App() {
  const [view, setView] = useState<'article' | 'saved'>('article');
  const [current, setCurrent] = useState<Current>({ state: 'loading' });
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  // The list is read when the Saved tab is first opened. Until then only the count: about half the time to read
  // at 10,000 articles, and no ten thousand entries in memory (and to collect) while the reader saves.
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const [deleted, setDeleted] = useState<SavedArticle[] | null>(null);
  // Read once, after the first paint; an export waits for it, so one clicked at once still uses the reader's template.
  const template = useRef<Promise<string | undefined>>(Promise.resolve(undefined));

  // A save in progress is waited for, so a list read beside it cannot come back without the article.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const refreshList = () =>
    saving.current
      .then(() => library.list())
      .then(
        (list) => {
          setEntries(list);
          setCount(list.length);
        },
        (e: unknown) => setNotice(`Could not read saved articles: ${errorText(e)}.`),
      );
  const refreshCount = () => saving.current.then(() => library.count()).then(setCount, () => undefined);

  const readPage = async () => {
    setCurrent({ state: 'loading' });
    setSave({ state: 'idle' });
    const read = await readTab();
    if (!read.ok) return setCurrent({ state: 'error', message: read.message, retry: read.retry });
    if (!read.result.ok) {
      const message = read.loading ? 'The page is still loading. Try again when it has finished.' : read.result.message;
      return setCurrent({ state: 'error', message, retry: read.loading || read.result.error === 'no-article' });
    }
    setCurrent({ state: 'ready', article: read.result.article, fromLibrary: false });
    if (await library.has(read.result.article.canonicalUrl).catch(() => false)) setSave({ state: 'saved' });
  };

  useEffect(() => {
    void readPage();
    void refreshCount();
    // Without a readable template, exports fall back to the default front matter.
    template.current = loadFrontMatterTemplate(settings).catch(() => undefined);
  }, []);

  const safeHtml = useMemo(() => (current.state === 'ready' ? sanitizeHtml(current.article.contentHtml, window) : ''), [current]);

  const onSave = async () => {
    if (current.state !== 'ready') return;
    setSave({ state: 'saving' });
    const done = library.saveWithOutcome(current.article);
    saving.current = done.catch(() => undefined);
    try {
      const { article, created } = await done;
      setSave({ state: 'saved' });
      // Put the one entry in place rather than reading every entry again: a save costs the same at any library size.
      const entry = entryOf(article);
      setEntries((list) => list && (list.some((e) => e.id === entry.id) ? list.map((e) => (e.id === entry.id ? entry : e)) : [entry, ...list]));
      if (created) setCount((n) => (n === null ? n : n + 1));
      // Counted before the save landed, or not yet: count again rather than show a number one short.
      if (created && count === null) void refreshCount();
    } catch (error) {
      setSave({ state: 'failed', message: `Not saved: ${errorText(error)}. The article is still here; try again.` });
    }
  };

  const onExport = async (format: FormatId) => {
    if (current.state !== 'ready') return;
    const { article } = current;
    try {
      download(exportOne(article, format, new Date(), { frontMatterTemplate: await template.current }));
    } catch (error) {
      setNotice(`Export failed: ${errorText(error)}.`);
    }
  };

  const exportAll = async (kind: 'json' | 'zip') => {
    try {
      const all = await library.all();
      if (all.length === 0) return setNotice('Nothing saved yet to export.');
      download(kind === 'json' ? exportAllJson(all, new Date()) : exportAllZip(all, 'md', new Date(), { frontMatterTemplate: await template.current }));
    } catch (error) {
      setNotice(`Export failed: ${errorText(error)}.`);
    }
  };

  const openSaved = async (id: string) => {
    const article = await library.get(id);
    if (!article) return setNotice('That article is no longer saved.');
    setCurrent({ state: 'ready', article, fromLibrary: true });
    setSave({ state: 'saved' });
    setView('article');
  };

  const deleteSaved = async (id: string) => {
    try {
      setDeleted(await library.remove([id]));
      await refreshList();
    } catch (error) {
      setNotice(`Could not delete: ${errorText(error)}.`);
    }
  };

  const undoDelete = async () => {
    if (!deleted) return;
    try {
      await library.restore(deleted);
      setDeleted(null);
      await refreshList();
    } catch (error) {
      setNotice(`Could not restore: ${errorText(error)}.`);
    }
  };

  const openPage = (path: '/library.html') => void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => window.close());

  const openSavedTab = () => {
    setView('saved');
    if (entries === null) void refreshList();
  };

  const shown = useMemo(() => (view === 'saved' && entries ? filterEntries(entries, query) : []), [view, entries, query]);

  return (
    <main class="popup">
      <nav class="tabs">
        <button type="button" aria-pressed={view === 'article'} onClick={() => setView('article')}>
          Article
        </button>
        <button type="button" aria-pressed={view === 'saved'} onClick={openSavedTab} data-testid="saved-tab">
          {count === null ? 'Saved' : `Saved (${count})`}
        </button>
      </nav>
      {notice && (
        <Notice kind="info" action={{ label: 'Dismiss', onClick: () => setNotice('') }}>
          {notice}
        </Notice>
      )}
      {view === 'article' && current.state === 'loading' && <Notice kind="busy">Cleaning this page…</Notice>}
      {view === 'article' && current.state === 'error' && (
        <Notice kind="error" action={current.retry ? { label: 'Try again', onClick: () => void readPage() } : undefined}>
          {current.message}
        </Notice>
      )}
      {view === 'article' && current.state === 'ready' && (
        <article class="article">
          <div class="actions">
            <button type="button" class="primary" data-testid="save" disabled={save.state === 'saving'} onClick={() => void onSave()}>
              {save.state === 'saved' ? (current.fromLibrary ? 'Saved' : 'Saved ✓ (save again to update)') : save.state === 'saving' ? 'Saving…' : 'Save'}
            </button>
            <ExportMenu onExport={onExport} />
          </div>
          {save.state === 'failed' && <Notice kind="error">{save.message}</Notice>}
          <ArticleHeader article={current.article} />
          <RemovedList removed={current.article.removed} />
          <ArticlePreview safeHtml={safeHtml} leadImage={current.article.leadImage} onOpenLink={(url) => void browser.tabs.create({ url })} />
        </article>
      )}
      {view === 'saved' && (
        <>
          {deleted && (
            <Notice kind="info" action={{ label: 'Undo', onClick: () => void undoDelete() }}>
              Deleted “{deleted[0]?.title}”.
            </Notice>
          )}
          <div class="actions">
            <button type="button" data-testid="open-library" onClick={() => openPage('/library.html')}>
              Open library
            </button>
            <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
              Options
            </button>
          </div>
          <div class="actions">
            <span>Export all:</span>
            <button type="button" data-testid="export-all-json" onClick={() => void exportAll('json')}>
              JSON
            </button>
            <button type="button" data-testid="export-all-zip" onClick={() => void exportAll('zip')}>
              ZIP of Markdown
            </button>
          </div>
          {entries === null ? (
            <p class="empty">Reading saved articles…</p>
          ) : (
            <SavedList entries={shown} query={query} onQuery={setQuery} onOpen={(id) => void openSaved(id)} onDelete={(id) => void deleteSaved(id)} />
          )}
        </>
      )}
    </main>
  );
}
