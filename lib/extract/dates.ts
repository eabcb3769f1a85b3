/** An ISO 8601 instant for a date string a page gives, or undefined if it is not a date. */
export function toIsoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  return new Date(ms).toISOString();
}
