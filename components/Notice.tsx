import type { ComponentChildren } from 'preact';

interface Props {
  kind: 'info' | 'error' | 'busy';
  children: ComponentChildren;
  action?: { label: string; onClick: () => void };
}

export function Notice({ kind, children, action }: Props) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <p>{children}</p>
      {action && (
        <button type="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
