import type { CleanRule } from '../rule';
import { climbWrappers } from '../dom';
import { textOf } from '../../text';

const VIDEO_LABEL =
  /^(?:recommended|featured|related|sponsored|latest|more|trending|top)? ?videos?(?: for you)?$|^watch(?: now| next| more)?$|^up next$|^empfohlene(?:s)? videos?$|^vidéos? recommandées?$/i;

/**
 * Promoted video players ("Recommended Video"): the label and the player box
 * around it. A video the article embeds has a caption, not a label.
 */
const CANDIDATES = new Set(['div', 'span', 'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'aside', 'figure']);

export const videoWidgets: CleanRule = {
  name: 'video-widgets',
  reason: 'promoted video player ("Recommended Video")',
  trigger: /video|watch|up next/i,
  *find(root, { length, elements }) {
    for (const el of elements().filter((el) => CANDIDATES.has(el.localName))) {
      if (length(el) > 40 || el.children.length > 4 || !VIDEO_LABEL.test(textOf(el))) continue;
      yield climbWrappers(el, root);
    }
  },
};
