import type { Realm } from './snapshot';

/**
 * Elements whose id, like any element's name, a document or a form exposes
 * as its own property: `<img name="body">` makes `document.body` that image,
 * `<img name="createElement">` makes `document.createElement` a collection,
 * and `<input id="attributes">` in a form shadows `form.attributes`.
 */
const ID_NAMED = ['object', 'embed', 'img', 'button', 'fieldset', 'input', 'output', 'select', 'textarea'];
const NAMED = ['[name]', ...ID_NAMED.map((tag) => `${tag}[id]`)].join(', ');

/**
 * Take away what lets the page's markup stand in for DOM properties, since
 * Readability, the rules and the sanitiser all call document and element
 * methods: every `name` attribute, and the ids that act as names. The
 * sanitiser drops `name` from the article anyway, and none of these ids is
 * an in-page link's target in a story. Every call goes through the realm's
 * prototypes, since the document's own methods are what may be shadowed.
 */
export function defuseNamedAccess(doc: Document, realm: Realm): void {
  const found = realm.Document.prototype.querySelectorAll.call(doc, NAMED);
  const remove = realm.Element.prototype.removeAttribute;
  const localName = Object.getOwnPropertyDescriptor(realm.Element.prototype, 'localName')!.get!;
  for (const el of Array.from(found)) {
    remove.call(el, 'name');
    if (ID_NAMED.includes(localName.call(el) as string)) remove.call(el, 'id');
  }
}
