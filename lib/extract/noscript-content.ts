/**
 * What a <noscript> holds, as elements: the parser keeps them as elements
 * where scripting is off (jsdom, a saved page) and as one run of text where
 * it is on (the reader's tab). Text is parsed in a document of its own,
 * which loads and runs nothing, and its nodes are adopted into a holder in
 * the <noscript>'s document.
 */
export function noscriptContent(noscript: Element): Element {
  if (noscript.firstElementChild) return noscript;
  const doc = noscript.ownerDocument;
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = noscript.textContent ?? '';
  const holder = doc.createElement('div');
  holder.append(...Array.from(inert.body.childNodes, (node) => doc.importNode(node, true)));
  return holder;
}
