import { isBlock } from './dom';

/** No element and no text inside. */
function isEmpty(el: Element): boolean {
  return el.firstElementChild === null && (el.textContent ?? '').trim() === '';
}

/**
 * Block elements with no block inside them, in document order: the lines a
 * reader sees. One walk of the tree.
 */
export function leafBlocks(root: Element): Element[] {
  const leaves: Element[] = [];
  const walk = (el: Element): boolean => {
    let hasBlock = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const inner = walk(child);
      // A rule line (<hr>) holds nothing, so it does not make its parent a container; nor does any other
      // block with nothing in it, such as a script's empty placeholder ("<p><comments-count></comments-count> comments</p>").
      hasBlock ||= inner || (isBlock(child) && child.tagName !== 'HR' && !isEmpty(child));
    }
    if (!hasBlock && el !== root && isBlock(el)) leaves.push(el);
    return hasBlock;
  };
  walk(root);
  // Post-order, but no leaf holds another, so this is document order already.
  return leaves;
}
