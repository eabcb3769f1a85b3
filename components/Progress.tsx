import { formatCount } from '../lib/format-count';

interface Props {
  label: string;
  done: number;
  total: number;
}

export function Progress({ label, done, total }: Props) {
  return (
    <div class="progress" role="status" data-testid="progress">
      <span>
        {label} {formatCount(done)} of {formatCount(total)}
      </span>
      <progress max={total} value={done} />
    </div>
  );
}
