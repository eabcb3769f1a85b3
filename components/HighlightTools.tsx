import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Highlights } from '../entrypoints/shared/use-highlights';
import { Notice } from './Notice';
import { t } from './i18n';

/**
 * The floating controls of highlighting: the bar over a selection
 * (Highlight, Note), the note editor of a clicked highlight, and the notices
 * (Undo after a removal, a change that could not be stored).
 */
/** Moves a floating control back inside the window when it was placed to run off an edge. */
function useInWindow(ref: { current: HTMLElement | null }, key: unknown) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (r.bottom > window.innerHeight - 8) el.style.top = `${Math.max(8, window.innerHeight - r.height - 8)}px`;
    if (r.right > window.innerWidth - 8) el.style.left = `${Math.max(8, window.innerWidth - r.width - 8)}px`;
  }, [key]);
}

export function HighlightTools({ h }: { h: Highlights }) {
  const bar = useRef<HTMLDivElement>(null);
  useInWindow(bar, h.pending);
  return (
    <>
      {h.pending && (
        // biome-ignore lint/a11y/useSemanticElements: a row of two buttons floating over the selection, not a form
        <div
          ref={bar}
          class="highlight-bar"
          role="group"
          aria-label={t('highlightTools')}
          data-testid="highlight-bar"
          style={{ top: `${h.pending.spot.top}px`, left: `${h.pending.spot.left}px` }}
        >
          {/* The selection must survive the press: the buttons take no focus from it on mouse down. */}
          <button type="button" data-testid="highlight-add" onMouseDown={(e) => e.preventDefault()} onClick={() => void h.add(false)}>
            {t('highlight')}
          </button>
          <button type="button" data-testid="highlight-add-note" onMouseDown={(e) => e.preventDefault()} onClick={() => void h.add(true)}>
            {t('highlightNote')}
          </button>
        </div>
      )}
      {h.editing?.highlight && (
        <NoteEditor
          key={h.editing.id}
          quote={h.editing.highlight.target.selector[0].exact}
          note={h.editing.highlight.bodyValue}
          top={h.editing.spot.top}
          left={h.editing.spot.left}
          onSave={(note) => void h.saveNote(h.editing!.id, note)}
          onRemove={() => void h.remove(h.editing!.id)}
          onClose={h.close}
        />
      )}
      {h.removed && (
        <Notice kind="info" action={{ label: t('undo'), onClick: () => void h.undo() }}>
          {t('highlightRemoved')}
        </Notice>
      )}
      {h.error && (
        <Notice kind="error" action={{ label: t('dismiss'), onClick: h.dismiss }}>
          {h.error}
        </Notice>
      )}
      {h.missing.length > 0 && (
        <p class="highlights-missing" role="status" data-testid="highlights-missing">
          {h.missing.length === 1 ? t('highlightsNotFoundOne') : t('highlightsNotFound', h.missing.length)}
        </p>
      )}
    </>
  );
}

interface EditorProps {
  quote: string;
  note: string;
  top: number;
  left: number;
  onSave: (note: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

function NoteEditor(p: EditorProps) {
  const [note, setNote] = useState(p.note);
  const field = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useInWindow(box, `${p.top},${p.left}`);
  useEffect(() => field.current?.focus({ preventScroll: true }), []);
  return (
    <div
      ref={box}
      class="highlight-editor"
      role="dialog"
      aria-label={t('highlightNoteTitle')}
      data-testid="highlight-editor"
      style={{ top: `${p.top}px`, left: `${p.left}px` }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        p.onClose();
      }}
    >
      <blockquote class="highlight-quote">{p.quote.length > 200 ? `${p.quote.slice(0, 199)}…` : p.quote}</blockquote>
      <label>
        {t('highlightNoteLabel')}
        <textarea ref={field} data-testid="highlight-note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="highlight-editor-actions">
        <button type="button" class="primary" data-testid="highlight-save" onClick={() => p.onSave(note)}>
          {t('highlightSaveNote')}
        </button>
        <button type="button" data-testid="highlight-remove" onClick={p.onRemove}>
          {t('highlightRemove')}
        </button>
        <button type="button" data-testid="highlight-close" onClick={p.onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
