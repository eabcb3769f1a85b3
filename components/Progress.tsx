import { formatCount } from '../lib/format-count';
import { t } from './i18n';

interface Props {
  label: string;
  done: number;
  total: number;
}

export function Progress({ label, done, total }: Props) {
  return (
    <div class="progress" role="status" data-testid="progress">
      <span>{t('progressOf', label, formatCount(done), formatCount(total))}</span>
      <progress max={total} value={done} />
    </div>
  );
}
