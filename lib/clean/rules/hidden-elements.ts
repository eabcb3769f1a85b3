import type { CleanRule } from '../rule';
import { textOf } from '../../text';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Blocks the page itself hides from readers (menus, modals, screen-reader
 * duplicates). A hidden block that holds most of the page's text is left alone:
 * some sites hide the whole article until a script runs.
 */
export const hiddenElements: CleanRule = {
  name: 'hidden-elements',
  reason: 'hidden on the page (hidden, aria-hidden or display:none)',
  phases: ['page'],
  *find(root) {
    const total = textOf(root).length || 1;
    for (const el of root.querySelectorAll('[hidden], [aria-hidden="true"], [style]')) {
      const hidden =
        el.hasAttribute('hidden') ||
        el.getAttribute('aria-hidden') === 'true' ||
        HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
      if (!hidden) continue;
      // Hidden icons and pixels carry no text: the sanitiser drops them without a list entry each.
      const length = textOf(el).length;
      if (length === 0 || length > total * 0.3) continue;
      yield el;
    }
  },
};
