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

/** What the cleaner took out and why, grouped by reason, folded away until asked for. */
export function RemovedList({ removed, onPutBack, putBackLabel = t('putBack'), open }: Props) {
  if (removed.length === 0) return <p class="removed-none">{t('nothingRemoved')}</p>;
  return (
    <details class="removed" data-testid="removed" open={open}>
      <summary data-testid="removed-summary">{t(removed.length === 1 ? 'removedSummaryOne' : 'removedSummaryMany', removed.length)}</summary>
      {/* A list that scrolls in the popup: focusable so the keyboard can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard */}
      <ul tabIndex={0} aria-label={t('removedBlocks')}>
        {groupRemovals(removed).map((g) => (
          <li key={g.rule} data-rule={g.rule}>
            <strong>{g.reason}</strong> <span class="count">×{g.texts.length}</span> <code>{g.rule}</code>
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
