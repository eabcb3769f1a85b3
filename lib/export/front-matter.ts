export type FrontMatterValue = string | number | string[] | undefined;

/**
 * YAML front matter. Strings are written as JSON strings, which YAML reads
 * as double-quoted scalars, so no title can break out of its field.
 */
export function frontMatter(fields: ReadonlyArray<readonly [string, FrontMatterValue]>): string {
  const lines = ['---'];
  const quote = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  for (const [key, value] of fields) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${key}:`, ...value.map((v) => `  - ${quote(v)}`));
    } else lines.push(`${key}: ${typeof value === 'number' ? value : quote(value)}`);
  }
  lines.push('---');
  return lines.join('\n');
}
