import type { Removal } from '../lib/article';
import { groupRemovals } from '../lib/clean/group-removals';
import { t } from './i18n';

interface Props {
  removed: Removal[];
  /** The reader's "Put back" for one removed block; without it the list only reports. */
  onPutBack?: (removal: Removal) => void;
  /** Label of the put-back buttons (the reader's locale). */
  putBackLabel?: string;
  open?: boolean;
}

/**
 * The rule as the reader is told of it, in the interface language. The id
 * (`inline-related-links`) stays in the removal record and on the item's
 * `data-rule`; a rule with no label of its own is told by its reason.
 */
export function ruleLabel(rule: string, reason: string): string {
  const key = `rule_${rule.replace(/[^A-Za-z0-9]/g, '_')}`;
  const label = t(key);
  return label && label !== key ? label : reason;
}

/** What the cleaner took out and why, grouped by reason, folded away until asked for. */
export function RemovedList({ removed, onPutBack, putBackLabel = t('putBack'), open }: Props) {
  if (removed.length === 0) return <p class="removed-none">{t('nothingRemoved')}</p>;
  return (
    <details class="removed" data-testid="removed" open={open}>
      <summary data-testid="removed-summary">{t(removed.length === 1 ? 'removedSummaryOne' : 'removedSummaryMany', removed.length)}</summary>
      {/* The list grows with the page rather than scrolling in a box of its own: one scroll area, no line cut in half. */}
      <ul aria-label={t('removedBlocks')}>
        {groupRemovals(removed).map((g) => (
          <li key={g.rule} data-rule={g.rule}>
            <strong>{ruleLabel(g.rule, g.reason)}</strong> <span class="count">×{g.texts.length}</span>
            <ol>
              {g.texts.map((text, i) => (
                <li key={i}>
                  <q>{text}</q>
                  {onPutBack && (
                    <button
                      type="button"
                      class="put-back"
                      data-testid="put-back"
                      aria-label={`${putBackLabel}: ${text.slice(0, 80)}`}
                      onClick={() => onPutBack({ rule: g.rule, reason: g.reason, text })}
                    >
                      {putBackLabel}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      <p class="removed-note">{t('removedNote')}</p>
    </details>
  );
}
