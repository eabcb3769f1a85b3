export type FrontMatterValue = string | number | string[] | undefined;

/**
 * A string as a YAML scalar. JSON strings are YAML double-quoted scalars, so
 * no title can break out of its field; the two line separators JSON leaves
 * bare are escaped because YAML would read them as line breaks.
 */
export function yamlString(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Whether a value counts as absent: its line is left out of the front matter. */
export function isEmptyValue(value: FrontMatterValue): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A value written inline: `"text"`, `12`, `["a", "b"]`. */
export function yamlInline(value: FrontMatterValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(yamlString).join(', ')}]`;
  return yamlString(value);
}

/** A list as YAML block lines under its key. */
export function yamlBlockList(values: readonly string[]): string[] {
  return values.map((v) => `  - ${yamlString(v)}`);
}
