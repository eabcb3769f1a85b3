import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OPEN_READER, openReaderTab } from './shared/reader-link';

/** The id of the context-menu item and of the keyboard command. */
const READ = 'read-in-clean-copy';

/**
 * Opens the reader from the keyboard shortcut, the page's context menu and
 * the popup's Read button. Each of these grants activeTab on the tab, which
 * is all the reader needs to clean it.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: READ, title: browser.i18n.getMessage('menuRead') || 'Read in Clean Copy', contexts: ['page', 'selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === READ && tab) void openReaderTab(tab);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== READ) return;
    const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target) await openReaderTab(target);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as { type?: string; tabId?: number } | null;
    // Only the extension's own pages: a content script has no business opening tabs.
    if (m?.type !== OPEN_READER || typeof m.tabId !== 'number' || sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return undefined;
    return browser.tabs
      .get(m.tabId)
      .then(openReaderTab)
      .then(
        () => true,
        () => false,
      );
  });
});
