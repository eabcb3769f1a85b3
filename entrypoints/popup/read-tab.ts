import { browser } from 'wxt/browser';
import type { ExtractResult } from '../../lib/article';
import { pageAccess, refusalMessage } from '../../lib/restricted-url';

export type TabRead = { ok: true; result: ExtractResult; loading: boolean } | { ok: false; message: string };

/**
 * The tab to clean: the one named by ?tabId= (when the popup is opened as a
 * page, as in tests), else the active tab the toolbar button was clicked on.
 */
async function targetTab() {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Inject the extractor into the tab and bring back its result. */
export async function readTab(): Promise<TabRead> {
  let tab;
  try {
    tab = await targetTab();
  } catch {
    return { ok: false, message: 'Could not find the tab to clean. Close this and click the toolbar button on the article.' };
  }
  if (!tab?.id) return { ok: false, message: 'Could not find the tab to clean.' };
  // The address is hidden on pages the extension may not read; the browser's refusal below then says why.
  if (tab.url) {
    const access = pageAccess(tab.url);
    if (!access.ok) return access;
  }
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/extract.js'] });
    const result = frame?.result as ExtractResult | undefined;
    if (!result) return { ok: false, message: 'The page did not answer. Reload it and try again.' };
    return { ok: true, result, loading: tab.status === 'loading' };
  } catch (error) {
    return { ok: false, message: refusalMessage(error instanceof Error ? error.message : String(error)) };
  }
}
