import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '../lib/extract/extract-article';
import type { ExtractResult } from '../lib/article';
import { siteRules } from './shared/site-rules';

/**
 * Injected by the popup into the tab the reader clicked on, and only then
 * (activeTab). Its return value travels back as the executeScript result.
 */
export default defineContentScript({
  registration: 'runtime',
  async main(): Promise<ExtractResult> {
    const userRules = await siteRules(location.href);
    return extractArticle(document, { url: location.href, userRules });
  },
});
