/** Values of <meta> tags by lower-cased property/name, first one wins. */
export type MetaTags = ReadonlyMap<string, string[]>;

export function readMetaTags(metas: Iterable<Element>): MetaTags {
  const map = new Map<string, string[]>();
  for (const meta of metas) {
    const keys = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = (meta.getAttribute('content') ?? '').trim();
    if (!keys || !value) continue;
    // RDFa lets one tag state several properties: property="dc:creator twitter:creator".
    for (const key of keys.split(/\s+/)) {
      const list = map.get(key) ?? [];
      list.push(value);
      map.set(key, list);
    }
  }
  return map;
}

export function firstMeta(tags: MetaTags, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = tags.get(key)?.[0];
    if (v) return v;
  }
  return undefined;
}
