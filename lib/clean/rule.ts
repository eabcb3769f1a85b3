/**
 * Where a rule runs: on the copy of the whole page before Readability scores it
 * ("page"), or on the article Readability returned ("article"). The article is
 * a tenth of the page or less, so a rule runs on the page only where removing
 * the block first changes what Readability picks.
 */
export type Phase = 'page' | 'article';

export interface CleanRule {
  /** Stable name, used in `removed[]` and to switch the rule off. */
  name: string;
  /** Why blocks of this kind are removed, in words a reader understands. */
  reason: string;
  phases: readonly Phase[];
  /**
   * The elements to remove under `root`. Rules only find; the runner removes and
   * records, so every removal carries the rule's name and reason.
   */
  find(root: Element, context: RuleContext): Iterable<Element>;
}

export interface RuleContext {
  /**
   * Non-blank characters under an element, counted once per phase. Never less
   * than the length of its whitespace-collapsed text, so a rule can skip long
   * blocks before it pays for their text.
   */
  length(el: Element): number;
  /** The article's author names, from its metadata: a bio starts with one. */
  authors: readonly string[];
}

/** Switch rules off by name: `{ 'share-bars': false }`. Rules not named stay on. */
export type RuleSwitches = Partial<Record<string, boolean>>;
