import { useMemo, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../lib/article-schema';
import { anchor, describeRange, type TextRange } from '../../lib/annotations/anchor';
import { rangeOffsets, textMap } from '../../lib/annotations/text-map';
import { MARK_ATTRIBUTE } from '../../lib/annotations/mark-html';
import { markedContent } from '../../lib/export/highlighted';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import type { Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { errorText } from '../library/error-text';
import { t } from '../../components/i18n';

/** Where a floating control goes: under what it is about, inside the window. */
export interface Spot {
  top: number;
  left: number;
}

function spotUnder(rect: DOMRect): Spot {
  return { top: Math.min(rect.bottom + 6, window.innerHeight - 48), left: Math.max(8, Math.min(rect.left, window.innerWidth - 320)) };
}

interface Options {
  library: Library;
  /** The saved copy whose highlights these are; null when the article is not saved (nothing to highlight). */
  article: SavedArticle | null;
  /** The article's HTML as the page shows it (sanitised). */
  html: string;
  onChange: (next: SavedArticle) => void;
}

export type Highlights = ReturnType<typeof useHighlights>;

/**
 * Highlights and notes on a saved article, as the reader page and the
 * library's article view offer them: select text and a small bar offers
 * Highlight and Note; a highlight shows at once; click one to change its
 * note or remove it (with Undo). Every change is stored through the
 * Library within the storage budget, or said to have failed.
 */
export function useHighlights({ library, article, html, onChange }: Options) {
  /** Text selected in the article, as offsets of its stored text, and where to show the bar. */
  const [pending, setPending] = useState<{ range: TextRange; spot: Spot } | null>(null);
  const [editing, setEditing] = useState<{ id: string; spot: Spot } | null>(null);
  const [removed, setRemoved] = useState<{ highlight: Highlight; at: number } | null>(null);
  const [error, setError] = useState('');
  const body = useRef<HTMLElement | null>(null);

  const marked = useMemo(() => {
    if (!article || article.highlights.length === 0) return { html, missing: [] as Highlight[] };
    const { html: withMarks, missing } = markedContent({ contentHtml: html, highlights: article.highlights }, document);
    return { html: withMarks, missing };
  }, [html, article?.highlights]);

  const store = async (work: () => Promise<SavedArticle>): Promise<SavedArticle | null> => {
    try {
      const next = await orTimeout(work(), STORAGE_BUDGET_MS, t('storageSlow'));
      setError('');
      onChange(next);
      return next;
    } catch (e) {
      setError(t('highlightNotKept', errorText(e)));
      return null;
    }
  };

  /** After a mouse or keyboard selection in the article: offer the bar when text is selected. */
  const onSelectionEnd = () => {
    const root = body.current;
    const selection = document.getSelection();
    if (!article || !root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return setPending(null);
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return setPending(null);
    const map = textMap(root);
    const shown = rangeOffsets(map, range);
    if (!shown) return setPending(null);
    // The page's text is made as the stored one; should they ever differ, the words are found in the stored text.
    const stored = map.text === article.textContent ? shown : anchor(article.textContent, describeRange(map.text, shown));
    if (!stored) return setPending(null);
    setPending({ range: stored, spot: spotUnder(range.getBoundingClientRect()) });
  };

  const add = async (withNote: boolean) => {
    if (!article || !pending) return;
    const spot = pending.spot;
    const range = pending.range;
    setPending(null);
    document.getSelection()?.removeAllRanges();
    const next = await store(() => library.addHighlight(article.id, range));
    const made = next?.highlights[next.highlights.length - 1];
    if (made && withNote) setEditing({ id: made.id, spot });
  };

  /** A click in the article: on a highlight, opens its note. Returns whether it was one. */
  const onBodyClick = (event: MouseEvent): boolean => {
    const mark = (event.target as Element | null)?.closest?.(`mark[${MARK_ATTRIBUTE}]`);
    if (!mark || !document.getSelection()?.isCollapsed) return false;
    open(mark.getAttribute(MARK_ATTRIBUTE) ?? '', spotUnder(mark.getBoundingClientRect()));
    return true;
  };

  const open = (id: string, spot?: Spot) => {
    setPending(null);
    setEditing({ id, spot: spot ?? { top: Math.round(window.innerHeight / 3), left: Math.max(8, Math.round(window.innerWidth / 2 - 160)) } });
  };

  const saveNote = async (id: string, note: string) => {
    if (!article) return;
    if (await store(() => library.noteHighlight(article.id, id, note))) setEditing(null);
  };

  const remove = async (id: string) => {
    if (!article) return;
    const at = article.highlights.findIndex((h) => h.id === id);
    const highlight = article.highlights[at];
    if (!highlight) return;
    if (await store(() => library.removeHighlight(article.id, id))) {
      setEditing(null);
      setRemoved({ highlight, at });
    }
  };

  const undo = async () => {
    if (!article || !removed) return;
    const { highlight, at } = removed;
    if (await store(() => library.restoreHighlight(article.id, highlight, at))) setRemoved(null);
  };

  return {
    body,
    html: marked.html,
    missing: marked.missing,
    pending,
    editing: editing && article ? { ...editing, highlight: article.highlights.find((h) => h.id === editing.id) ?? null } : null,
    removed,
    error,
    onSelectionEnd,
    onBodyClick,
    add,
    open,
    close: () => setEditing(null),
    saveNote,
    remove,
    undo,
    dismiss: () => {
      setRemoved(null);
      setError('');
    },
  };
}
