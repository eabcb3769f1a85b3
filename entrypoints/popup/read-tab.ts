import { browser } from 'wxt/browser';
import type { ExtractResult } from '../../lib/article';
import { TIMED_OUT, withBudget } from '../../lib/budget';
import type { SnapshotResult } from '../../lib/extract/snapshot';
import { pageAccess, refusalMessage } from '../../lib/restricted-url';
import { t } from '../../components/i18n';
import { siteRules } from '../shared/site-rules';

export type TabRead = { ok: true; result: ExtractResult; loading: boolean } | { ok: false; message: string; retry?: boolean };

/** How long the tab has to hand over its page before the reader is told and offered another try. */
export const TAB_BUDGET_MS = 8_000;

/**
 * The tab to clean: the one named by ?tabId= (when the popup or the reader
 * is opened as a page), else the active tab the toolbar button was clicked on.
 */
async function targetTab() {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The cleaner, loaded beside the tab's answer rather than before the popup's first paint. */
const loadCleaner = () => import('../../lib/extract/from-snapshot');

/**
 * Copy the page out of the tab, within a time budget, and clean the copy
 * here, in the extension's page: nothing of the page runs while it is cleaned.
 */
export async function readTab(budgetMs = TAB_BUDGET_MS): Promise<TabRead> {
  let tab;
  try {
    tab = await targetTab();
  } catch {
    return { ok: false, message: t('tabNotFoundClick') };
  }
  if (!tab?.id) return { ok: false, message: t('tabNotFound') };
  // The address is hidden on pages the extension may not read; the browser's refusal below then says why.
  if (tab.url) {
    const access = pageAccess(tab.url);
    if (!access.ok) return access;
  }
  const cleaner = loadCleaner();
  // The reader's own rules for the site (put back, remove) are read while the tab answers.
  const userRules = tab.url ? siteRules(tab.url) : Promise.resolve([]);
  let answer;
  try {
    answer = await withBudget(browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/snapshot.js'] }), budgetMs);
  } catch (error) {
    return { ok: false, message: refusalMessage(error instanceof Error ? error.message : String(error)) };
  }
  if (answer === TIMED_OUT) return { ok: false, message: t('tabNoAnswer', budgetMs / 1000), retry: true };
  const snapshot = answer[0]?.result as SnapshotResult | undefined;
  if (!snapshot) return { ok: false, message: t('tabNoReply'), retry: true };
  if (!snapshot.ok) return { ok: true, result: snapshot, loading: false };
  try {
    const { extractFromSnapshot } = await cleaner;
    return { ok: true, result: extractFromSnapshot(snapshot.snapshot, window, { userRules: await userRules }), loading: tab.status === 'loading' };
  } catch (error) {
    // A fault of ours on this page, not the reader's: say so plainly, without a stack trace.
    return { ok: false, message: t('cleanFailed', error instanceof Error ? error.message : String(error)), retry: true };
  }
}
