/**
 * The addresses of a `srcset`, read as browsers read it: an address runs to
 * the next white space (commas inside it, as in "w_400,h_300" or a data:
 * address, belong to it), and its descriptors run to the next comma outside
 * parentheses. Splitting at every comma cuts such addresses in pieces.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    const url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      // No descriptors: the commas ending the address separate it from the next.
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    for (let depth = 0; i < srcset.length && !(srcset[i] === ',' && depth === 0); i++) {
      if (srcset[i] === '(') depth++;
      else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
    }
  }
  return urls;
}
