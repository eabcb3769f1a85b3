import type { Removal } from '../article';

export interface RemovalGroup {
  rule: string;
  reason: string;
  texts: string[];
}

/** Removals gathered by rule, in the order each rule first removed something. */
export function groupRemovals(removed: readonly Removal[]): RemovalGroup[] {
  const groups = new Map<string, RemovalGroup>();
  for (const r of removed) {
    let group = groups.get(r.rule);
    if (!group) groups.set(r.rule, (group = { rule: r.rule, reason: r.reason, texts: [] }));
    group.texts.push(r.text);
  }
  return [...groups.values()];
}
