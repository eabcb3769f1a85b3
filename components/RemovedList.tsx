import type { Removal } from '../lib/article';
import { groupRemovals } from '../lib/clean/group-removals';

interface Props {
  removed: Removal[];
}

/** What the cleaner took out and why, grouped by reason, folded away until asked for. */
export function RemovedList({ removed }: Props) {
  if (removed.length === 0) return <p class="removed-none">Nothing needed removing.</p>;
  return (
    <details class="removed" data-testid="removed">
      <summary data-testid="removed-summary">
        {removed.length} {removed.length === 1 ? 'block' : 'blocks'} of clutter removed
      </summary>
      <ul>
        {groupRemovals(removed).map((g) => (
          <li key={g.rule} data-rule={g.rule}>
            <strong>{g.reason}</strong> <span class="count">×{g.texts.length}</span> <code>{g.rule}</code>
            <ol>
              {g.texts.map((text, i) => (
                <li key={i}>
                  <q>{text}</q>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      <p class="removed-note">Menus, sidebars and footers outside the story were left out before these rules ran.</p>
    </details>
  );
}
