import { useRef } from 'preact/hooks';

interface Props {
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/**
 * A real button that asks for a file. The file input itself stays hidden (it
 * cannot be styled as a button), so the button is what Tab reaches and what
 * the accessibility tree shows.
 */
export function ImportButton({ label, accept, testId, disabled, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" data-testid={`${testId}-button`} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        data-testid={testId}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
