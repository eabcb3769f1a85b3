import type { Page, Route } from 'playwright-core';
import { type ExtensionBrowser, isOffsite, type ToolbarPopup } from './browser';
import type { CorpusPage } from './corpus';
import type { FixtureServer } from './server';

/** A page that shows neither its article nor a message this long after the click is a hang. */
export const HARD_LIMIT_MS = 15_000;
/** How long the tab may take to fire `load` before the click happens anyway. */
const LOAD_LIMIT_MS = 15_000;
/** Driving the browser (opening a target, asking for a tab id, closing): never waited on for longer. */
const STEP_LIMIT_MS = 10_000;

export type Outcome = 'article' | 'message' | 'hang' | 'failed';

export interface PageResult {
  corpus: string;
  id: string;
  /** article: the preview showed; message: an error notice showed; hang: neither within the limit; failed: the sweep could not drive the page. */
  outcome: Outcome;
  /** The notice's first clause, numbers as N ("No article found on this page"); for a hang, what the popup showed. */
  category?: string;
  /** The whole notice text, or why the sweep failed. */
  text?: string;
  /** Toolbar click to preview or message, in the real toolbar popup. */
  clickMs?: number;
  /** popup.html?tabId=N opened to preview or message. */
  tabMs?: number;
  /** What popup.html?tabId=N showed, when it differs from the toolbar popup. */
  tabOutcome?: Outcome;
  /** Words in the preview, as the popup counts them. */
  words?: number;
  /** U+FFFD in the preview: a sign of a page decoded with the wrong charset. */
  replacementChars?: number;
  /** Uncaught exceptions and console errors in extension pages. */
  errors: string[];
  /** Requests to hosts other than 127.0.0.1, aborted in the browser: from the article's tab, and from extension pages. */
  blockedTab: number;
  blockedExtension: number;
  /** The tab did not fire `load` within its limit (the click happened anyway). */
  slowLoad?: boolean;
  /** The article's tab crashed. */
  tabCrashed?: boolean;
  /** An address the page sent its own tab to (a script or refresh), when that was not the page itself. */
  leftFor?: string;
}

interface Shown {
  at: number;
  kind: 'article' | 'message' | 'hang';
  text: string;
  words: number;
  replacementChars: number;
}

/**
 * An expression for an extension page: resolves when the preview or an error
 * notice with text is in the DOM (the page's Date.now() then, and what shows),
 * or after `limit` ms with what shows instead.
 */
function waitShown(limit: number): string {
  return `new Promise((done) => {
    const end = Date.now() + ${limit};
    const read = () => {
      const preview = document.querySelector('[data-testid=preview]');
      if (preview) {
        const words = Number((document.querySelector('[data-testid=word-count]')?.textContent ?? '').replace(/\\D/g, '')) || 0;
        const replacementChars = (preview.textContent.match(/\\uFFFD/g) ?? []).length;
        return { at: Date.now(), kind: 'article', text: '', words, replacementChars };
      }
      const notice = document.querySelector('[data-testid=notice].notice-error');
      const text = notice?.innerText.trim() ?? '';
      if (text) return { at: Date.now(), kind: 'message', text, words: 0, replacementChars: 0 };
      if (Date.now() >= end) return { at: Date.now(), kind: 'hang', text: (document.body?.innerText ?? '').trim().slice(0, 200), words: 0, replacementChars: 0 };
      return null;
    };
    const check = () => {
      const shown = read();
      if (!shown) return false;
      observer.disconnect();
      clearInterval(timer);
      done(shown);
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setInterval(check, 50);
    if (!check()) observer.observe(document, { childList: true, subtree: true, characterData: true });
  })`;
}

/** A notice's first clause with numbers as N, so the same message on different pages counts once. */
export function messageCategory(text: string): string {
  const first = text.split('\n')[0]!.replace(/\d[\d,.]*/g, 'N');
  return first
    .split(/[.:]\s|\s\(/)[0]!
    .replace(/[.:]$/, '')
    .trim()
    .slice(0, 80);
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const quiet = (promise: Promise<unknown>) => promise.catch(() => undefined);

/** Network console lines (a blocked image, a missing file): counted as requests, not as errors. */
const RESOURCE_LINE = /^Failed to load resource\b/;

/**
 * Abort every request that is not to 127.0.0.1 in the browser, and count them
 * for the page being swept. Nothing the corpus pages (or the preview of them)
 * point at reaches the network.
 */
export class OffsiteBlocker {
  tab = 0;
  extension = 0;

  static async install(browser: ExtensionBrowser): Promise<OffsiteBlocker> {
    const blocker = new OffsiteBlocker();
    await browser.ctx.route(
      (url) => isOffsite(url.href),
      (route) => blocker.block(route),
    );
    return blocker;
  }

  private block(route: Route) {
    let fromExtension = false;
    try {
      fromExtension = route.request().frame().url().startsWith('chrome-extension:');
    } catch {
      // A worker's request has no frame: it belongs to the page.
    }
    if (fromExtension) this.extension++;
    else this.tab++;
    return route.abort('blockedbyclient');
  }

  reset() {
    this.tab = 0;
    this.extension = 0;
  }
}

let tabCounter = 0;

/**
 * Open one corpus page in a tab, click the toolbar button, and time the real
 * popup until it shows the article or a message (or HARD_LIMIT_MS passes);
 * then open popup.html?tabId=N for the same tab and time that too. Every
 * step has a limit, and every page and popup it opened is closed again, so a
 * page that hangs or crashes is one result, not the end of the run.
 */
export async function sweepPage(browser: ExtensionBrowser, server: FixtureServer, blocker: OffsiteBlocker, page: CorpusPage): Promise<PageResult> {
  blocker.reset();
  const result: PageResult = { corpus: page.corpus, id: page.id, outcome: 'failed', errors: [], blockedTab: 0, blockedExtension: 0 };
  const opened: Page[] = [];
  let toolbar: ToolbarPopup | undefined;
  try {
    const tab = await within(browser.ctx.newPage(), STEP_LIMIT_MS, 'opening a tab');
    opened.push(tab);
    tab.on('crash', () => void (result.tabCrashed = true));
    const url = server.url(`/corpus/${page.corpus}/${encodeURIComponent(page.id)}?tab=${++tabCounter}`);
    tab.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === tab.mainFrame() && request.url() !== url) result.leftFor ??= request.url();
    });
    try {
      await tab.goto(url, { waitUntil: 'load', timeout: LOAD_LIMIT_MS });
    } catch (error) {
      if (tab.url() !== url) throw error;
      result.slowLoad = true;
    }
    const clicked = await within(browser.clickToolbarButton(tab), STEP_LIMIT_MS, 'opening the toolbar popup');
    toolbar = clicked.popup;
    await within(Promise.all([toolbar.watchErrors(), toolbar.blockOffsite()]), STEP_LIMIT_MS, 'watching the toolbar popup');
    const shown = await within(toolbar.evaluate<Shown>(waitShown(HARD_LIMIT_MS)), HARD_LIMIT_MS + STEP_LIMIT_MS, 'the toolbar popup');
    Object.assign(result, describe(shown));
    result.clickMs = shown.at - clicked.clickedAt;
    if (shown.kind === 'hang') return result;

    const tabId = await within(browser.tabIdOf(tab, toolbar), STEP_LIMIT_MS, 'finding the tab id');
    result.errors.push(...toolbar.errors.map((e) => `toolbar popup: ${e}`));
    blocker.extension += toolbar.blocked;
    await quiet(within(toolbar.close(), STEP_LIMIT_MS, 'closing the toolbar popup'));
    toolbar = undefined;

    const popup = await within(browser.ctx.newPage(), STEP_LIMIT_MS, 'opening popup.html');
    opened.push(popup);
    popup.on('pageerror', (error) => result.errors.push(`popup.html: uncaught: ${error.message}`));
    popup.on('console', (message) => {
      if (message.type() === 'error' && !RESOURCE_LINE.test(message.text())) result.errors.push(`popup.html: console.error: ${message.text()}`);
    });
    popup.on('crash', () => result.errors.push('popup.html: crashed'));
    const openedAt = Date.now();
    await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`), { timeout: STEP_LIMIT_MS });
    const again = await within(popup.evaluate<Shown>(waitShown(HARD_LIMIT_MS)), HARD_LIMIT_MS + STEP_LIMIT_MS, 'popup.html');
    result.tabMs = again.at - openedAt;
    if (again.kind !== shown.kind) {
      result.tabOutcome = again.kind;
      if (again.kind === 'hang') Object.assign(result, describe(again));
    }
    return result;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // Once the toolbar popup has shown something, a later step failing is noted beside that outcome.
    if (result.outcome === 'failed') result.text = why;
    else result.errors.push(`sweep: ${why}`);
    return result;
  } finally {
    if (toolbar) {
      result.errors.push(...toolbar.errors.map((e) => `toolbar popup: ${e}`));
      blocker.extension += toolbar.blocked;
      await quiet(within(toolbar.close(), STEP_LIMIT_MS, 'closing the toolbar popup'));
    }
    await Promise.all(opened.map((p) => quiet(within(p.close({ runBeforeUnload: false }), STEP_LIMIT_MS, 'closing a page'))));
    result.blockedTab = blocker.tab;
    result.blockedExtension = blocker.extension;
  }
}

function describe(shown: Shown): Partial<PageResult> {
  if (shown.kind === 'article') return { outcome: 'article', words: shown.words, replacementChars: shown.replacementChars };
  if (shown.kind === 'message') return { outcome: 'message', category: messageCategory(shown.text), text: shown.text };
  return { outcome: 'hang', category: messageCategory(shown.text || '(blank popup)'), text: shown.text };
}
