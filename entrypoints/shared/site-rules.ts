import { rulesForSite, normalizeRules, type UserRule } from '../../lib/clean/user-rules';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { TIMED_OUT, withBudget } from '../../lib/budget';

type StorageScope = typeof globalThis & {
  browser?: { storage?: { local?: { get(keys: string[]): Promise<Record<string, unknown>> } } };
  chrome?: { storage?: { local?: { get(keys: string[]): Promise<Record<string, unknown>> } } };
};

/** A storage read that takes longer than this is given up: the page is cleaned without the reader's rules. */
const RULES_BUDGET_MS = 1_000;

/**
 * The reader's own rules for the site at `url`, read from the extension's
 * storage (open to its content scripts with no host permission). Without
 * storage, or past the budget, there are none: a clean copy is worth more
 * than a wait.
 */
export async function siteRules(url: string): Promise<UserRule[]> {
  const scope = globalThis as StorageScope;
  const area = (scope.browser ?? scope.chrome)?.storage?.local;
  if (!area) return [];
  try {
    const got = await withBudget(area.get([STORAGE_KEYS.userRules]), RULES_BUDGET_MS);
    if (got === TIMED_OUT) return [];
    return rulesForSite(normalizeRules(got[STORAGE_KEYS.userRules]), url);
  } catch {
    return [];
  }
}
