import { BLOCK_TAGS } from './clean/dom';

/**
 * Plain text of an element with its block structure kept: one blank line
 * between paragraphs, line breaks where the HTML has <br>.
 */
export function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n\n');
    if (tag === 'LI' && (el.textContent ?? '').trim()) parts.push('• ');
    for (const child of el.childNodes) walk(child);
    if (block) parts.push('\n\n');
    else if (tag === 'TD' || tag === 'TH') parts.push('\t');
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
