export interface CleanRule {
  /**
   * Words the rule cannot act without. When the article's text has none of
   * them the rule is skipped unrun: most articles have no lorem ipsum, no
   * webinar and no "Most Popular".
   */
  trigger?: RegExp;
  /** Stable name, used in `removed[]` and to switch the rule off. */
  name: string;
  /** Why blocks of this kind are removed, in words a reader understands. */
  reason: string;
  /**
   * The elements to remove under `root`, Readability's article. (Run on the
   * whole page before Readability, the rules cost 2.3 times Readability's own
   * time on the aeb pages and did not change F1.) Rules only find; the runner removes and
   * records, so every removal carries the rule's name and reason.
   */
  find(root: Element, context: RuleContext): Iterable<Element>;
}

export interface RuleContext {
  /**
   * Non-blank characters under an element, counted once per run. Never less
   * than the length of its whitespace-collapsed text, so a rule can skip long
   * blocks before it pays for their text.
   */
  length(el: Element): number;
  /**
   * Every element under the root in document order, as the rules before
   * this one left it. One walk serves the rules until one of them removes
   * something: on jsdom a walk of the article costs as much as a small rule.
   */
  elements(): readonly Element[];
  /** The article's author names, from its metadata: a bio starts with one. */
  authors: readonly string[];
}

/** Switch rules off by name: `{ 'share-bars': false }`. Rules not named stay on. */
export type RuleSwitches = Partial<Record<string, boolean>>;
