import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleRecord } from '../../lib/article';
import { sanitizeHtml } from '../../lib/sanitize';
import { Library, type KeyValueArea } from '../../lib/library/library';
import { articleId, entryOf, type LibraryEntry } from '../../lib/library/saved-article';
import { resaveChanges, type ResaveChange } from '../../lib/library/resave';
import { filterEntries } from '../../lib/library/filter-entries';
import type { FormatId } from '../../lib/export/formats';
import { ArticleHeader } from '../../components/ArticleHeader';
import { ArticlePreview } from '../../components/ArticlePreview';
import { RemovedList } from '../../components/RemovedList';
import { ExportMenu } from '../../components/ExportMenu';
import { SavedList } from '../../components/SavedList';
import { Notice } from '../../components/Notice';
import { readTab } from './read-tab';
import { useArticleActions } from '../shared/article-actions';
import { useDeleteUndo } from '../shared/use-delete-undo';
import { openReader } from '../shared/reader-link';
import { useReaderSettings } from '../shared/use-reader-settings';
import { t } from '../../components/i18n';
import { localText } from '../../components/lib-text';
import { errorText } from '../library/error-text';
import { libraryArea, pagesLock, pictureStore } from '../library/page-storage';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import { PictureReport } from '../../components/PictureReport';
import { withLocalPictures } from '../../lib/pictures/picture-sources';
import { useLocalPictures } from '../shared/use-local-pictures';
import type { SavedArticle } from '../../lib/library/saved-article';
import { savesPictures, setKeepPictures } from '../shared/keep-pictures-setting';

type Current =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry?: boolean }
  | { state: 'ready'; article: ArticleRecord; fromLibrary: boolean; savedId?: string; pageSaved?: boolean };

const library = new Library(libraryArea(), undefined, pagesLock);
const settings = browser.storage.local as unknown as KeyValueArea;

export function App() {
  const [view, setView] = useState<'article' | 'saved'>('article');
  const [current, setCurrent] = useState<Current>({ state: 'loading' });
  // What the page itself gave, kept while a saved article is open so that "Back" returns to it.
  const page = useRef<Current | null>(null);
  // The list is read when the Saved tab is first opened. Until then only the count: about half the time to read
  // at 10,000 articles, and no ten thousand entries in memory (and to collect) while the reader saves.
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  // What saving this page again would change in the copy already saved; null when it is not saved.
  const [resave, setResave] = useState<ResaveChange[] | null>(null);
  // The preview is set in the reader's type.
  useReaderSettings(settings);
  const { save, setSave, saving, saveArticle, exportArticle, exportAll } = useArticleActions({
    library,
    settings,
    onError: setNotice,
    onSaved: (article, created) => {
      // Against the page as read, it says what a further save would still change (a title the reader kept, say).
      setResave(resaveChanges(article, current.state === 'ready' ? current.article : article));
      // Put the one entry in place rather than reading every entry again: a save costs the same at any library size.
      const entry = entryOf(article);
      setEntries((list) => list && (list.some((e) => e.id === entry.id) ? list.map((e) => (e.id === entry.id ? entry : e)) : [entry, ...list]));
      if (created) setCount((n) => (n === null ? n : n + 1));
      // Counted before the save landed, or not yet: count again rather than show a number one short.
      if (created && count === null) void refreshCount();
    },
  });
  const refreshList = () =>
    saving.current
      .then(() => orTimeout(library.list(), STORAGE_BUDGET_MS, t('storageSlow')))
      .then(
        (list) => {
          setEntries(list);
          setCount(list.length);
        },
        (e: unknown) => setNotice(t('readSavedFailed', errorText(e))),
      );
  const refreshCount = () => saving.current.then(() => library.count()).then(setCount, () => undefined);
  const { deleted, deletedText, remove, undo } = useDeleteUndo({
    library,
    refresh: refreshList,
    onMessage: (text) => setNotice(text),
    pictures: pictureStore(),
  });

  const readPage = async () => {
    page.current = null;
    setCurrent({ state: 'loading' });
    setSave({ state: 'idle' });
    setResave(null);
    const read = await readTab();
    if (!read.ok) return setCurrent({ state: 'error', message: localText(read.message), retry: read.retry });
    if (!read.result.ok) {
      const message = read.loading ? t('stillLoading') : localText(read.result.message);
      return setCurrent({ state: 'error', message, retry: read.loading || read.result.error === 'no-article' });
    }
    const { article } = read.result;
    setCurrent({ state: 'ready', article, fromLibrary: false });
    // The saved copy without its text: enough to say what a save would change.
    const saved = (await library.getMany([articleId(article.canonicalUrl || article.url)], { text: false }).catch(() => []))[0];
    if (saved) {
      setSave({ state: 'saved' });
      setResave(resaveChanges(saved, article));
    }
  };

  // Whether a save keeps the pictures too; read after the first paint, like the count.
  const [keepPictures, setKeep] = useState(false);

  useEffect(() => {
    void readPage();
    void refreshCount();
    void savesPictures(settings).then(setKeep);
  }, []);

  const onKeepPictures = (on: boolean) =>
    // From the click itself: turning it on asks the browser for access to sites, which needs the reader's gesture.
    void setKeepPictures(settings, on).then(
      (now) => {
        setKeep(now);
        if (on && !now) setNotice(t('keepPicturesDenied'));
      },
      (e: unknown) => setNotice(t('notSavedColon', errorText(e))),
    );

  // A saved article opened from the Saved tab shows its kept pictures from storage, not from their sites.
  const local = useLocalPictures(current.state === 'ready' && current.fromLibrary ? (current.article as SavedArticle).pictures : undefined);
  const safeHtml = useMemo(
    () => (current.state === 'ready' && local ? withLocalPictures(sanitizeHtml(current.article.contentHtml, window), local, document) : ''),
    [current, local],
  );

  const onSave = () => current.state === 'ready' && void saveArticle(current.article);
  const onExport = (format: FormatId) => current.state === 'ready' && void exportArticle(current.article, format);

  const openSaved = async (id: string) => {
    const article = await orTimeout(library.get(id), STORAGE_BUDGET_MS, t('storageSlow')).catch(() => undefined);
    if (!article) return setNotice(t('notSaved'));
    // The page's own article is kept (with whether it was saved) for the way back.
    if (!page.current) page.current = current.state === 'ready' ? { ...current, pageSaved: save.state === 'saved' } : current;
    setCurrent({ state: 'ready', article, fromLibrary: true, savedId: article.id });
    setSave({ state: 'saved' });
    setView('article');
  };

  const backToPage = () => {
    const back = page.current;
    page.current = null;
    if (!back) return void readPage();
    setCurrent(back);
    setSave(back.state === 'ready' && back.pageSaved ? { state: 'saved' } : { state: 'idle' });
  };

  const openPage = (path: '/library.html') => void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => window.close());

  const openSavedTab = () => {
    setView('saved');
    if (entries === null) void refreshList();
  };

  const shown = useMemo(() => (view === 'saved' && entries ? filterEntries(entries, query) : []), [view, entries, query]);
  const fromLibrary = current.state === 'ready' && current.fromLibrary;

  return (
    <main class="popup">
      <nav class="tabs" aria-label={t('extName')}>
        <button type="button" aria-pressed={view === 'article'} onClick={() => setView('article')}>
          {t('tabArticle')}
        </button>
        <button type="button" aria-pressed={view === 'saved'} onClick={openSavedTab} data-testid="saved-tab">
          {count === null ? t('tabSaved') : t('tabSavedCount', count)}
        </button>
      </nav>
      {notice && (
        <Notice kind="info" action={{ label: t('dismiss'), onClick: () => setNotice('') }}>
          {notice}
        </Notice>
      )}
      {view === 'article' && fromLibrary && (
        <button type="button" class="back" data-testid="back-to-page" onClick={backToPage}>
          {t('backToPage')}
        </button>
      )}
      {view === 'article' && current.state === 'loading' && <Notice kind="busy">{t('cleaning')}</Notice>}
      {view === 'article' && current.state === 'error' && (
        <Notice kind="error" action={current.retry ? { label: t('tryAgain'), onClick: () => void readPage() } : undefined}>
          {current.message}
        </Notice>
      )}
      {view === 'article' && current.state === 'ready' && (
        <article class="article" aria-label={current.article.title}>
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="save"
              disabled={save.state === 'saving'}
              title={save.state === 'saved' && !current.fromLibrary ? t('saveAgainHint') : undefined}
              onClick={() => void onSave()}
            >
              {save.state === 'saved'
                ? current.fromLibrary
                  ? t('savedInLibrary')
                  : t('saved')
                : save.state === 'saving'
                  ? t(save.pictures ? 'savingPictures' : 'saving')
                  : t('save')}
            </button>
            <ExportMenu onExport={onExport} highlights={Boolean((current.article as Partial<SavedArticle>).highlights?.length)} />
            {current.savedId ? (
              <a class="button" data-testid="open-reader" href={`/reader.html?id=${encodeURIComponent(current.savedId)}`} target="_blank" rel="noopener">
                {t('read')}
              </a>
            ) : (
              <button
                type="button"
                data-testid="open-reader"
                onClick={() =>
                  void openReader().then(
                    () => window.close(),
                    (e: unknown) => setNotice(errorText(e)),
                  )
                }
              >
                {t('read')}
              </button>
            )}
          </div>
          {!current.fromLibrary && (
            <label class="keep-pictures">
              <input type="checkbox" data-testid="popup-keep-pictures" checked={keepPictures} onChange={(e) => onKeepPictures(e.currentTarget.checked)} />{' '}
              {t('keepPicturesShort')}
            </label>
          )}
          {save.state === 'failed' && <Notice kind="error">{save.message}</Notice>}
          {save.state === 'saved' && save.pictures && <PictureReport summary={save.pictures} />}
          {save.state === 'saved' && save.picturesError && <Notice kind="error">{save.picturesError}</Notice>}
          {save.state === 'saved' && !current.fromLibrary && resave && (
            <div class="resave" data-testid="resave-changes">
              {resave.length === 0 ? (
                <p>{t('resaveUnchanged')}</p>
              ) : (
                <>
                  <p>{t('resaveHeading')}</p>
                  <ul>
                    {resave.map((c) => (
                      <li key={c.kind}>{t(c.key, ...c.values)}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <ArticleHeader article={current.article} />
          <RemovedList removed={current.article.removed} />
          <ArticlePreview
            safeHtml={safeHtml}
            lang={current.article.lang}
            dir={current.article.dir}
            leadImage={(current.article.leadImage && local?.get(current.article.leadImage)) || current.article.leadImage}
            onOpenLink={(url) => void browser.tabs.create({ url })}
          />
        </article>
      )}
      {view === 'saved' && (
        <>
          {deleted && (
            <Notice kind="info" action={{ label: t('undo'), onClick: () => void undo() }}>
              {deletedText}
            </Notice>
          )}
          <div class="actions">
            <button type="button" data-testid="open-library" onClick={() => openPage('/library.html')}>
              {t('openLibrary')}
            </button>
            <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('options')}
            </button>
          </div>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form */}
          <div class="actions" role="group" aria-label={t('exportAll')}>
            <span>{t('exportAll')}:</span>
            <button type="button" data-testid="export-all-json" onClick={() => void exportAll('json')}>
              {t('formatJson')}
            </button>
            <button type="button" data-testid="export-all-zip" onClick={() => void exportAll('zip')}>
              {t('formatZipMd')}
            </button>
          </div>
          {entries === null ? (
            <p class="empty">{t('readingSaved')}</p>
          ) : (
            <SavedList entries={shown} query={query} onQuery={setQuery} onOpen={(id) => void openSaved(id)} onDelete={(id) => remove([id])} />
          )}
        </>
      )}
    </main>
  );
}
