import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleRecord, Removal } from '../../lib/article';
import { sanitizeHtml } from '../../lib/sanitize';
import { isOwnBlob, isPictureAddress } from '../../lib/web-address';
import { Library } from '../../lib/library/library';
import { articleId, type SavedArticle } from '../../lib/library/saved-article';
import { HighlightTools } from '../../components/HighlightTools';
import { HighlightList } from '../../components/HighlightList';
import { ReadingControls } from '../../components/ReadingControls';
import { useHighlights } from '../shared/use-highlights';
import { useReadingPosition, useReadingState } from '../shared/use-reading-state';
import { describe as blockPreview } from '../../lib/clean/run-rules';
import { ArticleHeader } from '../../components/ArticleHeader';
import { RemovedList } from '../../components/RemovedList';
import { ExportMenu } from '../../components/ExportMenu';
import { Notice } from '../../components/Notice';
import { TypographyControls } from '../../components/TypographyControls';
import { ReadAloudBar } from '../../components/ReadAloudBar';
import { t } from '../../components/i18n';
import { localText } from '../../components/lib-text';
import { embeddable } from '../../components/embed-html';
import { readTab } from '../popup/read-tab';
import { libraryArea, pagesLock, storageArea } from '../library/page-storage';
import { errorText } from '../library/error-text';
import { useArticleActions } from '../shared/article-actions';
import { useReaderSettings } from '../shared/use-reader-settings';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import { useReadAloud } from './use-read-aloud';
import { PictureReport } from '../../components/PictureReport';
import { withLocalPictures } from '../../lib/pictures/picture-sources';
import { useLocalPictures } from '../shared/use-local-pictures';
import { articleWithout, keepRule, ruleFor } from './corrections';

type Source = { kind: 'tab'; tabId: number } | { kind: 'saved'; id: string } | { kind: 'none' };
type Current = { state: 'loading' } | { state: 'error'; message: string; retry: boolean } | { state: 'ready'; article: ArticleRecord };

const library = new Library(libraryArea(), undefined, pagesLock);
const area = storageArea();
/** A saved article is read from this browser's own storage: it answers in milliseconds or something is wrong. */
/** The blocks a click in "Remove" mode takes out: the innermost of these around the click. */
const REMOVABLE = 'p, li, figure, blockquote, h2, h3, h4, h5, h6, pre, table, dl, aside, section, ul, ol';
/** The performance mark set when the article is first on screen. */
const ARTICLE_SHOWN = 'clean-copy:article-shown';

function sourceOf(search: string): Source {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  const id = params.get('id');
  if (tabId && /^\d+$/.test(tabId)) return { kind: 'tab', tabId: Number(tabId) };
  if (id) return { kind: 'saved', id };
  return { kind: 'none' };
}

export function App() {
  const source = useMemo(() => sourceOf(location.search), []);
  const [current, setCurrent] = useState<Current>({ state: 'loading' });
  const [notice, setNotice] = useState('');
  const [removeMode, setRemoveMode] = useState(false);
  const { settings, update: updateSettings, error: settingsError } = useReaderSettings(area);
  /** The saved copy of the article shown, when there is one: its highlights, reading state and position. */
  const [saved, setSaved] = useState<SavedArticle | null>(null);
  const { save, setSave, saveArticle, exportArticle } = useArticleActions({ library, settings: area, onError: setNotice, onSaved: (a) => setSaved(a) });
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLElement | null>(null);

  const load = async () => {
    setCurrent({ state: 'loading' });
    setSave({ state: 'idle' });
    setSaved(null);
    if (source.kind === 'none') return setCurrent({ state: 'error', message: t('readerNoSource'), retry: false });
    if (source.kind === 'saved') {
      try {
        const article = await orTimeout(library.get(source.id), STORAGE_BUDGET_MS, t('storageSlow'));
        if (!article) return setCurrent({ state: 'error', message: t('notSaved'), retry: false });
        setCurrent({ state: 'ready', article });
        setSaved(article);
        setSave({ state: 'saved' });
      } catch (error) {
        setCurrent({ state: 'error', message: errorText(error), retry: true });
      }
      return;
    }
    const read = await readTab();
    if (!read.ok) return setCurrent({ state: 'error', message: localText(read.message), retry: true });
    if (!read.result.ok) {
      const message = read.loading ? t('stillLoading') : localText(read.result.message);
      return setCurrent({ state: 'error', message, retry: read.loading || read.result.error === 'no-article' });
    }
    setCurrent({ state: 'ready', article: read.result.article });
    // The saved copy brings its highlights and reading state; without an answer the page still reads, as unsaved.
    const copy = await orTimeout(
      library.get(articleId(read.result.article.canonicalUrl || read.result.article.url)),
      STORAGE_BUDGET_MS,
      t('storageSlow'),
    ).catch((error: unknown) => {
      setNotice(errorText(error));
      return undefined;
    });
    if (copy) {
      setSaved(copy);
      setSave({ state: 'saved' });
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const article = current.state === 'ready' ? current.article : null;
  // The page's own landmarks become plain blocks inside ours: one main landmark.
  // A saved article shows its kept pictures from storage; until they are read, nothing is fetched from their sites.
  const local = useLocalPictures(source.kind === 'saved' && article ? (article as SavedArticle).pictures : undefined);
  const safeHtml = useMemo(
    () => (article && local ? withLocalPictures(embeddable(sanitizeHtml(article.contentHtml, window), document), local, document) : ''),
    [article, local],
  );
  const leadImage = (article?.leadImage && local?.get(article.leadImage)) || article?.leadImage;
  const highlights = useHighlights({ library, article: saved, html: safeHtml, onChange: setSaved });
  const reading = useReadingState({ library, article: saved, onChange: setSaved, onError: setNotice });
  useReadingPosition({ library, article: saved, onChange: setSaved, onError: setNotice });
  /** What an export writes: the page's article with the saved copy's tags, notes and highlights. */
  const exportable = article && saved ? { ...article, tags: saved.tags, notes: saved.notes, highlights: saved.highlights } : article;
  // Its blocks are the body's elements, made again when a highlight changes the body's HTML.
  const aloud = useReadAloud(bodyRef, titleRef, article ? article.lang : null, highlights.html);

  useEffect(() => {
    document.title = article ? `${article.title} – Clean Copy` : t('readerTitle');
    // After the paint that first shows the article: a mark the speed benchmark reads.
    if (article && performance.getEntriesByName(ARTICLE_SHOWN).length === 0) performance.mark(ARTICLE_SHOWN);
  }, [article]);

  // In "Remove" mode every block can be reached with Tab and taken out with Enter or Delete.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    for (const el of Array.from(body.querySelectorAll<HTMLElement>(REMOVABLE))) {
      if (removeMode) {
        el.tabIndex = 0;
        el.dataset.removable = '';
      } else {
        el.removeAttribute('tabindex');
        delete el.dataset.removable;
      }
    }
  }, [removeMode, highlights.html]);

  const removeBlock = async (el: Element) => {
    if (!article) return;
    const rule = ruleFor('remove', blockPreview(el), article.url, el.localName);
    if (!rule) return setNotice(t('cannotKeepRule'));
    try {
      await keepRule(area, rule);
    } catch (error) {
      return setNotice(`${t('ruleNotKept')} ${errorText(error)}`);
    }
    const next = articleWithout(article, rule);
    if (next !== article) {
      setCurrent({ state: 'ready', article: next });
      if (save.state === 'saved') setSave({ state: 'idle' });
    }
    setNotice(t('removedKept', rule.host));
  };

  const putBack = async (removal: Removal) => {
    if (!article) return;
    const rule = ruleFor('keep', removal.text, article.url);
    if (!rule) return setNotice(t('cannotKeepRule'));
    try {
      await keepRule(area, rule);
    } catch (error) {
      return setNotice(`${t('ruleNotKept')} ${errorText(error)}`);
    }
    // The tab is cleaned again with the rule; a saved copy no longer has the block to put back.
    if (source.kind === 'tab') {
      await load();
      setNotice(t('putBackKept', rule.host));
    } else {
      setNotice(t('putBackNextTime', rule.host));
    }
  };

  const onBodyClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    const body = event.currentTarget as HTMLElement;
    if (removeMode) {
      const block = target?.closest(REMOVABLE);
      if (block && body.contains(block)) {
        event.preventDefault();
        void removeBlock(block);
      }
      return;
    }
    if (highlights.onBodyClick(event)) return;
    const link = target?.closest('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    event.preventDefault();
    // A footnote and its way back: a place in the article itself.
    if (href.startsWith('#')) {
      body.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    const url = (link as HTMLAnchorElement).href;
    if (/^(https?|mailto):/i.test(url)) void browser.tabs.create({ url });
  };

  const onBodyKey = (event: KeyboardEvent) => {
    if (!removeMode || (event.key !== 'Enter' && event.key !== 'Delete' && event.key !== 'Backspace')) return;
    const block = (event.target as Element | null)?.closest?.('[data-removable]');
    if (!block) return;
    event.preventDefault();
    void removeBlock(block);
  };

  const showLead = leadImage && (isPictureAddress(leadImage) || isOwnBlob(leadImage, location.origin)) && !/<img\s/i.test(safeHtml);

  return (
    <div class="reader">
      <header class="reader-bar" data-testid="reader-bar">
        {article && (
          <>
            <button type="button" class="primary" data-testid="save" disabled={save.state === 'saving'} onClick={() => void saveArticle(article)}>
              {save.state === 'saved' ? t('saved') : save.state === 'saving' ? t(save.pictures ? 'savingPictures' : 'saving') : t('save')}
            </button>
            <ExportMenu
              label={t('export')}
              highlights={Boolean(saved?.highlights.length)}
              onExport={(format) => void exportArticle(exportable ?? article, format)}
            />
            {saved && (
              <ReadingControls
                state={saved.state}
                favourite={saved.favourite}
                onState={(s) => void reading.setState(s)}
                onFavourite={(f) => void reading.setFavourite(f)}
              />
            )}
            <button type="button" data-testid="remove-mode" aria-pressed={removeMode} onClick={() => setRemoveMode(!removeMode)}>
              {t('removeMode')}
            </button>
            <button type="button" data-testid="print" onClick={() => print()}>
              {t('print')}
            </button>
            <ReadAloudBar
              state={aloud.state}
              total={aloud.total}
              onPlay={() => void aloud.play()}
              onPause={aloud.pause}
              onSkip={aloud.skip}
              onRate={aloud.setRate}
            />
          </>
        )}
        <details class="settings-panel">
          <summary data-testid="settings-toggle">{t('typography')}</summary>
          <TypographyControls settings={settings} onChange={updateSettings} />
        </details>
      </header>
      <main class="reader-main">
        {notice && (
          <Notice kind="info" action={{ label: t('dismiss'), onClick: () => setNotice('') }}>
            {notice}
          </Notice>
        )}
        {settingsError && <Notice kind="error">{`${t('settingsNotKept')} ${settingsError}`}</Notice>}
        {save.state === 'failed' && <Notice kind="error">{save.message}</Notice>}
        {save.state === 'saved' && save.pictures && <PictureReport summary={save.pictures} />}
        {save.state === 'saved' && save.picturesError && <Notice kind="error">{save.picturesError}</Notice>}
        {current.state === 'loading' && <Notice kind="busy">{source.kind === 'saved' ? t('openingSaved') : t('cleaning')}</Notice>}
        {current.state === 'error' && (
          <Notice kind="error" action={current.retry ? { label: t('tryAgain'), onClick: () => void load() } : undefined}>
            {current.message}
          </Notice>
        )}
        {article && (
          <>
            {removeMode && (
              <p class="remove-hint" role="status" data-testid="remove-hint">
                {t('removeHint')}
              </p>
            )}
            <article class="reader-article" lang={article.lang || undefined} dir={article.dir} data-testid="reader-article">
              <div
                ref={(el) => {
                  titleRef.current = el?.querySelector('h1') ?? null;
                }}
              >
                <ArticleHeader article={article} />
              </div>
              {showLead && <img class="lead" src={leadImage} alt="" data-testid="lead-image" />}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: clicks come from the article's links, and in Remove mode from blocks that are each focusable and answer Enter */}
              <div
                class={removeMode ? 'reader-body remove-mode' : 'reader-body'}
                data-testid="reader-body"
                ref={(el) => {
                  bodyRef.current = el;
                  highlights.body.current = el;
                }}
                onClick={onBodyClick}
                onKeyDown={onBodyKey}
                onMouseUp={() => !removeMode && highlights.onSelectionEnd()}
                onKeyUp={() => !removeMode && highlights.onSelectionEnd()}
                dangerouslySetInnerHTML={{ __html: highlights.html }}
              />
            </article>
            <HighlightTools h={highlights} />
            {saved && <HighlightList highlights={saved.highlights} missing={highlights.missing} onOpen={(id) => highlights.open(id)} />}
            <aside class="reader-removed" aria-label={t('removedBlocks')}>
              <RemovedList removed={article.removed} onPutBack={(r) => void putBack(r)} putBackLabel={t('putBack')} />
            </aside>
          </>
        )}
      </main>
    </div>
  );
}
