/**
 * A whole number with thousands separators, as `toLocaleString('en')` writes
 * it ("10,000"). The first toLocaleString in a page loads ICU's number
 * formatting, which took 15-55 ms in a freshly opened page; the library draws
 * its count in its first frame.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
