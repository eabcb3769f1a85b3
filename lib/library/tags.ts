/** Longest tag kept; a tag is a label, not a note. */
const MAX_TAG = 64;

/**
 * Tags as the library stores them: trimmed, inner whitespace collapsed,
 * empty ones dropped, and one of each regardless of case (the first spelling
 * wins, so "EU" typed first is not turned into "eu" later).
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** "a, b ,c" typed in a field → ['a', 'b', 'c']. */
export function parseTagList(text: string): string[] {
  return normalizeTags(text.split(','));
}

/** `tags` with `add` appended and `remove` taken out (case-insensitively). */
export function editTags(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const gone = new Set(remove.map((t) => t.trim().toLocaleLowerCase()));
  return normalizeTags([...tags, ...add]).filter((t) => !gone.has(t.toLocaleLowerCase()));
}
