/** A file name from a title: lower-case ASCII words joined by dashes. */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') : slug;
  return cut || 'article';
}

/** A namer that never repeats a name within one archive: a second "x.md" becomes "x-2.md". */
export function uniqueNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) candidate = `${stem}-${i}${ext}`;
    used.add(candidate);
    return candidate;
  };
}

/** Names made unique within one archive. */
export function uniqueNames(names: readonly string[]): string[] {
  return names.map(uniqueNamer());
}
