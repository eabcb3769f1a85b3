import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { snapshotPage, type SnapshotResult } from '../lib/extract/snapshot';

/**
 * Injected by the popup or the reader into the tab the reader chose, and only
 * then (activeTab). It only copies the page out as text: the cleaner runs in
 * the extension's own page, where nothing of the page can run or interfere.
 * Its return value travels back as the executeScript result.
 */
export default defineUnlistedScript((): SnapshotResult => snapshotPage(document, globalThis));
