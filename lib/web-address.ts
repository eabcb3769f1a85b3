/**
 * Whether `value` is an address a reader can follow to a web page: http or
 * https, nothing else. A page's own address always is; one read from a
 * backup or a page's metadata may be anything (`javascript:alert(1)`).
 */
export function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value.trim());
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** `value` when it is a web address, else '': for links an extension page or an export writes. */
export function webAddressOrEmpty(value: string | undefined): string {
  return value && isWebAddress(value) ? value.trim() : '';
}

/** Where an article came from, as a link: its canonical address, else the page's, else nothing. */
export function sourceAddress(a: { canonicalUrl?: string; url: string }): string {
  return webAddressOrEmpty(a.canonicalUrl) || webAddressOrEmpty(a.url);
}

/** A picture an extension page may show: from the web, or raster data carried inline. */
export function isPictureAddress(value: string): boolean {
  return isWebAddress(value) || /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i.test(value.trim());
}

/** A picture this page made from stored bytes (a blob: URL of its own origin): a kept copy, shown offline. */
export function isOwnBlob(value: string, origin: string): boolean {
  return value.startsWith(`blob:${origin}/`);
}
