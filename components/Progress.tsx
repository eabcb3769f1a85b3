interface Props {
  label: string;
  done: number;
  total: number;
}

export function Progress({ label, done, total }: Props) {
  return (
    <div class="progress" role="status" data-testid="progress">
      <span>
        {label} {done.toLocaleString('en')} of {total.toLocaleString('en')}
      </span>
      <progress max={total} value={done} />
    </div>
  );
}
