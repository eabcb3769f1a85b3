import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { withBudget } from '../../lib/budget';

/** The message the popup sends the background page to open the reader, as the shortcut and the menu do. */
export const OPEN_READER = 'clean-copy:open-reader';

/** The reader for a tab (cleaned live) or for a saved article (read from storage). */
export function readerPath(target: { tabId: number } | { id: string }): string {
  return 'tabId' in target ? `/reader.html?tabId=${target.tabId}` : `/reader.html?id=${encodeURIComponent(target.id)}`;
}

/** Open the reader for `tab` in a new tab beside it. activeTab, granted by the click, key or menu, lets it read the tab. */
export async function openReaderTab(tab: { id?: number; index?: number; windowId?: number }): Promise<void> {
  if (tab.id === undefined || tab.id < 0) throw new Error(t('noTabToRead'));
  await browser.tabs.create({
    url: browser.runtime.getURL(readerPath({ tabId: tab.id }) as '/reader.html'),
    ...(tab.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab.windowId !== undefined ? { windowId: tab.windowId } : {}),
    openerTabId: tab.id,
  });
}

/** A wait on the background page gives up after this; the popup then opens the reader itself. */
const MESSAGE_BUDGET_MS = 2_000;

/** From the popup: the reader for the tab the popup was opened on. */
export async function openReader(): Promise<void> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab) throw new Error(t('noTabToRead'));
  const sent = browser.runtime.sendMessage({ type: OPEN_READER, tabId: tab.id }).then(
    (reply: unknown) => reply === true,
    () => false,
  );
  if ((await withBudget(sent, MESSAGE_BUDGET_MS)) !== true) await openReaderTab(tab);
}
