import type { Removal } from '../lib/article';

interface Props {
  removed: Removal[];
}

/** What the cleaner took out and why, folded away until asked for. */
export function RemovedList({ removed }: Props) {
  if (removed.length === 0) return <p class="removed-none">Nothing needed removing.</p>;
  return (
    <details class="removed" data-testid="removed">
      <summary data-testid="removed-summary">
        {removed.length} {removed.length === 1 ? 'block' : 'blocks'} of clutter removed
      </summary>
      <ol>
        {removed.map((r, i) => (
          <li key={i}>
            <strong>{r.reason}</strong> <code>{r.rule}</code>
            {r.text && <q>{r.text}</q>}
          </li>
        ))}
      </ol>
    </details>
  );
}
