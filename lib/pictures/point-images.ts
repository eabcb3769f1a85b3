/**
 * Point each `<img>` under `root` for which `to` gives an address at that
 * address (a stored copy: a data: or blob: URL, or a file beside an export),
 * dropping its `srcset`, `sizes` and an enclosing `<picture>`'s `<source>`s,
 * or the browser would still choose a web address over the copy. Images `to`
 * has nothing for stay as they are. Returns how many were pointed.
 */
export function pointImages(root: ParentNode, to: (img: Element) => string | null): number {
  let pointed = 0;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const address = to(img);
    if (!address) continue;
    const enclosing = img.parentElement?.localName === 'picture' ? img.parentElement : null;
    if (enclosing) for (const source of Array.from(enclosing.children)) if (source.localName === 'source') source.remove();
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    img.setAttribute('src', address);
    pointed++;
  }
  return pointed;
}
