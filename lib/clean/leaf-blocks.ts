import { isBlock } from './dom';

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
      // A rule line (<hr>) holds nothing, so it does not make its parent a container.
      hasBlock ||= inner || (isBlock(child) && child.tagName !== 'HR');
    }
    if (!hasBlock && el !== root && isBlock(el)) leaves.push(el);
    return hasBlock;
  };
  walk(root);
  // Post-order, but no leaf holds another, so this is document order already.
  return leaves;
}
