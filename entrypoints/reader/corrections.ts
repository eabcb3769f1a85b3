import type { ArticleRecord } from '../../lib/article';
import type { KeyValueArea } from '../../lib/library/library';
import { blockFingerprint, loadUserRules, saveUserRules, siteOf, withCorrection, type UserRule } from '../../lib/clean/user-rules';
import { withUserRemovals } from '../../lib/reader/apply-removals';
import { t } from '../../components/i18n';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/** The rules live in this browser's own storage: it answers in milliseconds or something is wrong. */

/**
 * The reader's rule to `action` a block of `text` on the site of `url`; null
 * when the block has no words to know it by or the page has no host.
 */
export function ruleFor(action: UserRule['action'], text: string, url: string, tag?: string): UserRule | null {
  const host = siteOf(url);
  const fingerprint = blockFingerprint(text);
  if (!fingerprint || !host) return null;
  return { id: crypto.randomUUID(), host, action, fingerprint, ...(tag ? { tag } : {}), text, createdAt: new Date().toISOString() };
}

/** Keep `rule` with the reader's others; it replaces any earlier rule for the same block. */
export async function keepRule(area: Pick<KeyValueArea, 'get' | 'set'>, rule: UserRule): Promise<void> {
  const rules = await orTimeout(loadUserRules(area), STORAGE_BUDGET_MS, t('storageSlow'));
  await orTimeout(saveUserRules(area, withCorrection(rules, rule)), STORAGE_BUDGET_MS, t('storageSlow'));
}

/** The article with the block `rule` removes taken out and recorded as "yours"; the same article when it is not there. */
export function articleWithout(article: ArticleRecord, rule: UserRule): ArticleRecord {
  const doc = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  doc.body.innerHTML = article.contentHtml;
  return withUserRemovals(article, [rule], doc);
}
