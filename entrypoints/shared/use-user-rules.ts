import { useEffect, useState } from 'preact/hooks';
import type { KeyValueArea } from '../../lib/library/library';
import { fingerprint } from '../../lib/clean/fingerprint';
import { loadUserRules, normalizeRules, saveUserRules, type UserRule } from '../../lib/clean/user-rules';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import { t } from '../../components/i18n';

/** The reader's rules as the options page edits them: read once, each change written at once. */
export function useUserRules(area: Pick<KeyValueArea, 'get' | 'set'>) {
  const [rules, setRules] = useState<UserRule[] | null>(null);
  const [status, setStatus] = useState('');

  const read = () =>
    orTimeout(loadUserRules(area), STORAGE_BUDGET_MS, t('storageSlow')).then(setRules, (e: unknown) => {
      setRules([]);
      setStatus(`${t('rulesLoadFailed')} ${e instanceof Error ? e.message : String(e)}`);
    });

  useEffect(() => {
    void read();
  }, []);

  const write = async (next: UserRule[], done: string) => {
    try {
      await orTimeout(saveUserRules(area, next), STORAGE_BUDGET_MS, t('storageSlow'));
      setRules(next);
      setStatus(done);
    } catch (e) {
      setStatus(`${t('ruleNotKept')} ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const save = (rule: UserRule) => {
    // The text edited is the block's text: its fingerprint follows it. A rule left without a site or words is refused.
    const [checked] = normalizeRules([{ ...rule, fingerprint: fingerprint(rule.text) }]);
    if (!checked) return setStatus(t('ruleInvalid'));
    void write(
      (rules ?? []).map((r) => (r.id === rule.id ? checked : r)),
      t('ruleSaved'),
    );
  };

  const remove = (rule: UserRule) =>
    void write(
      (rules ?? []).filter((r) => r.id !== rule.id),
      t('ruleDeleted'),
    );

  return { rules, status, save, remove };
}
