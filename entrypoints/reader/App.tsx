import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleRecord, Removal } from '../../lib/article';
import { sanitizeHtml } from '../../lib/sanitize';
import { Library } from '../../lib/library/library';
import { describe as blockPreview } from '../../lib/clean/run-rules';
import { blockFingerprint, loadUserRules, saveUserRules, siteOf, withCorrection, type UserRule } from '../../lib/clean/user-rules';
import { withUserRemovals } from '../../lib/reader/apply-removals';
import { ReadAloud, type ReadAloudState, type SpeechLike, type UtteranceLike } from '../../lib/reader/read-aloud';
import { ArticleHeader } from '../../components/ArticleHeader';
import { RemovedList } from '../../components/RemovedList';
import { ExportMenu } from '../../components/ExportMenu';
import { Notice } from '../../components/Notice';
import { TypographyControls } from '../../components/TypographyControls';
import { ReadAloudBar } from '../../components/ReadAloudBar';
import { t } from '../../components/i18n';
import { embeddable } from '../../components/embed-html';
import { readTab } from '../popup/read-tab';
import { libraryArea, storageArea } from '../library/page-storage';
import { errorText } from '../library/error-text';
import { useArticleActions } from '../shared/article-actions';
import { useReaderSettings } from '../shared/use-reader-settings';
import { withBudget } from '../shared/budget';

type Source = { kind: 'tab'; tabId: number } | { kind: 'saved'; id: string } | { kind: 'none' };
type Current = { state: 'loading' } | { state: 'error'; message: string; retry: boolean } | { state: 'ready'; article: ArticleRecord };

const library = new Library(libraryArea());
const area = storageArea();
/** A saved article is read from this browser's own storage: it answers in milliseconds or something is wrong. */
const STORAGE_BUDGET_MS = 10_000;
/** Voices load after the page in some browsers; past this wait there is none. */
const VOICE_WAIT_MS = 1_500;
/** The blocks a click in "Remove" mode takes out: the innermost of these around the click. */
const REMOVABLE = 'p, li, figure, blockquote, h2, h3, h4, h5, h6, pre, table, dl, aside, section, ul, ol';
/** The performance mark set when the article is first on screen. */
const ARTICLE_SHOWN = 'clean-copy:article-shown';
/** The blocks read aloud one at a time. */
const SPOKEN = 'h2, h3, h4, h5, h6, p, li, blockquote, pre, dt, dd, figcaption';

function sourceOf(search: string): Source {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  const id = params.get('id');
  if (tabId && /^\d+$/.test(tabId)) return { kind: 'tab', tabId: Number(tabId) };
  if (id) return { kind: 'saved', id };
  return { kind: 'none' };
}

/** The Web Speech API as the read-aloud controller sees it; null where the browser has none. */
function webSpeech(): { speech: SpeechLike; utter: (text: string) => UtteranceLike; synth: SpeechSynthesis } | null {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return {
    synth,
    speech: {
      getVoices: () => synth.getVoices(),
      speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
      cancel: () => synth.cancel(),
    },
    utter: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
  };
}

/** Wait for the browser's voices, at most VOICE_WAIT_MS. */
function voicesReady(synth: SpeechSynthesis): Promise<void> {
  if (synth.getVoices().length > 0) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, VOICE_WAIT_MS);
    synth.addEventListener(
      'voiceschanged',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

/** The blocks to read aloud, outermost wins none: a list item holding a paragraph is read as that paragraph. */
function spokenBlocks(root: HTMLElement, title: HTMLElement | null): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(SPOKEN));
  const blocks = all.filter((el) => !all.some((other) => other !== el && el.contains(other)) && (el.textContent ?? '').trim() !== '');
  return title ? [title, ...blocks] : blocks;
}

export function App() {
  const source = useMemo(() => sourceOf(location.search), []);
  const [current, setCurrent] = useState<Current>({ state: 'loading' });
  const [notice, setNotice] = useState('');
  const [removeMode, setRemoveMode] = useState(false);
  const [aloud, setAloud] = useState<ReadAloudState>({ status: 'stopped', index: 0, rate: 1 });
  const { settings, update: updateSettings, error: settingsError } = useReaderSettings(area);
  const { save, setSave, saveArticle, exportArticle } = useArticleActions({ library, settings: area, onError: setNotice });
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLElement | null>(null);
  const controller = useRef<ReadAloud | null>(null);
  const blocks = useRef<HTMLElement[]>([]);

  const load = async () => {
    setCurrent({ state: 'loading' });
    setSave({ state: 'idle' });
    if (source.kind === 'none') return setCurrent({ state: 'error', message: t('readerNoSource'), retry: false });
    if (source.kind === 'saved') {
      try {
        const article = await withBudget(library.get(source.id), STORAGE_BUDGET_MS, t('storageSlow'));
        if (!article) return setCurrent({ state: 'error', message: t('notSaved'), retry: false });
        setCurrent({ state: 'ready', article });
        setSave({ state: 'saved' });
      } catch (error) {
        setCurrent({ state: 'error', message: errorText(error), retry: true });
      }
      return;
    }
    const read = await readTab();
    if (!read.ok) return setCurrent({ state: 'error', message: read.message, retry: true });
    if (!read.result.ok) {
      const message = read.loading ? t('stillLoading') : read.result.message;
      return setCurrent({ state: 'error', message, retry: read.loading || read.result.error === 'no-article' });
    }
    setCurrent({ state: 'ready', article: read.result.article });
    if (await library.has(read.result.article.canonicalUrl).catch(() => false)) setSave({ state: 'saved' });
  };

  useEffect(() => {
    void load();
    const stop = () => globalThis.speechSynthesis?.cancel();
    addEventListener('pagehide', stop);
    return () => {
      removeEventListener('pagehide', stop);
      stop();
    };
  }, []);

  const article = current.state === 'ready' ? current.article : null;
  // The page's own landmarks become plain blocks inside ours: one main landmark.
  const safeHtml = useMemo(() => (article ? embeddable(sanitizeHtml(article.contentHtml, window), document) : ''), [article]);

  useEffect(() => {
    document.title = article ? `${article.title} – Clean Copy` : t('readerTitle');
    // After the paint that first shows the article: a mark the speed benchmark reads.
    if (article && performance.getEntriesByName(ARTICLE_SHOWN).length === 0) performance.mark(ARTICLE_SHOWN);
  }, [article]);

  // A new article (or the same one after a correction): read aloud starts again from its first block.
  useEffect(() => {
    controller.current?.stop();
    controller.current = null;
    blocks.current = bodyRef.current ? spokenBlocks(bodyRef.current, titleRef.current) : [];
    const web = webSpeech();
    if (web && article) {
      controller.current = new ReadAloud(
        web.speech,
        web.utter,
        blocks.current.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
        article.lang,
        setAloud,
      );
    }
    setAloud({ status: 'stopped', index: 0, rate: aloud.rate });
  }, [safeHtml]);

  // Mark the block being read and bring it into view.
  useEffect(() => {
    for (const el of blocks.current) el.classList.remove('reading');
    if (aloud.status !== 'playing' && aloud.status !== 'paused') return;
    const el = blocks.current[aloud.index];
    el?.classList.add('reading');
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [aloud.index, aloud.status, safeHtml]);

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
  }, [removeMode, safeHtml]);

  const play = async () => {
    const web = webSpeech();
    if (!web || !controller.current) return setAloud((s) => ({ ...s, status: 'no-voice' }));
    await voicesReady(web.synth);
    controller.current.play();
  };

  const changeRules = async (change: (rules: UserRule[]) => UserRule[]) => {
    const rules = await withBudget(loadUserRules(area), STORAGE_BUDGET_MS, t('storageSlow'));
    await withBudget(saveUserRules(area, change(rules)), STORAGE_BUDGET_MS, t('storageSlow'));
  };

  const newRule = (action: UserRule['action'], text: string, host: string, tag?: string): UserRule => ({
    id: crypto.randomUUID(),
    host,
    action,
    fingerprint: blockFingerprint(text),
    ...(tag ? { tag } : {}),
    text,
    createdAt: new Date().toISOString(),
  });

  const removeBlock = async (el: Element) => {
    if (!article) return;
    const text = blockPreview(el);
    const host = siteOf(article.url);
    if (!blockFingerprint(text) || !host) return setNotice(t('cannotKeepRule'));
    const rule = newRule('remove', text, host, el.localName);
    try {
      await changeRules((rules) => withCorrection(rules, rule));
    } catch (error) {
      return setNotice(`${t('ruleNotKept')} ${errorText(error)}`);
    }
    const doc = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
    doc.body.innerHTML = article.contentHtml;
    const next = withUserRemovals(article, [rule], doc);
    if (next !== article) {
      setCurrent({ state: 'ready', article: next });
      if (save.state === 'saved') setSave({ state: 'idle' });
    }
    setNotice(t('removedKept', host));
  };

  const putBack = async (removal: Removal) => {
    if (!article) return;
    const host = siteOf(article.url);
    if (!blockFingerprint(removal.text) || !host) return setNotice(t('cannotKeepRule'));
    try {
      await changeRules((rules) => withCorrection(rules, newRule('keep', removal.text, host)));
    } catch (error) {
      return setNotice(`${t('ruleNotKept')} ${errorText(error)}`);
    }
    // The tab is cleaned again with the rule; a saved copy no longer has the block to put back.
    if (source.kind === 'tab') {
      await load();
      setNotice(t('putBackKept', host));
    } else {
      setNotice(t('putBackNextTime', host));
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
    const link = target?.closest('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    event.preventDefault();
    // A footnote and its way back: a place in the article itself.
    if (href.startsWith('#')) {
      body.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({ block: 'start' });
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

  const showLead = article?.leadImage && !/<img\s/i.test(safeHtml);

  return (
    <div class="reader">
      <header class="reader-bar" data-testid="reader-bar">
        {article && (
          <>
            <button type="button" class="primary" data-testid="save" disabled={save.state === 'saving'} onClick={() => void saveArticle(article)}>
              {save.state === 'saved' ? t('saved') : save.state === 'saving' ? t('saving') : t('save')}
            </button>
            <ExportMenu label={t('export')} onExport={(format) => void exportArticle(article, format)} />
            <button type="button" data-testid="remove-mode" aria-pressed={removeMode} onClick={() => setRemoveMode(!removeMode)}>
              {t('removeMode')}
            </button>
            <button type="button" data-testid="print" onClick={() => print()}>
              {t('print')}
            </button>
            <ReadAloudBar
              state={aloud}
              total={blocks.current.length}
              onPlay={() => void play()}
              onPause={() => controller.current?.pause()}
              onSkip={(step) => controller.current?.skip(step)}
              onRate={(rate) => (controller.current ? controller.current.setRate(rate) : setAloud((s) => ({ ...s, rate })))}
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
              {showLead && <img class="lead" src={article.leadImage} alt="" data-testid="lead-image" />}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: clicks come from the article's links, and in Remove mode from blocks that are each focusable and answer Enter */}
              <div
                class={removeMode ? 'reader-body remove-mode' : 'reader-body'}
                data-testid="reader-body"
                ref={bodyRef}
                onClick={onBodyClick}
                onKeyDown={onBodyKey}
                dangerouslySetInnerHTML={{ __html: safeHtml }}
              />
            </article>
            <aside class="reader-removed" aria-label={t('removedBlocks')}>
              <RemovedList removed={article.removed} onPutBack={(r) => void putBack(r)} putBackLabel={t('putBack')} />
            </aside>
          </>
        )}
      </main>
    </div>
  );
}
