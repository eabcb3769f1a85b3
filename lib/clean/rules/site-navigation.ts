import type { CleanRule } from '../rule';
import { linkDensity } from '../dom';
import { textOf } from '../../text';

/** Roles a page gives its menus and breadcrumbs. Tab lists are left alone: some sites put a story's sections in tabs. */
const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);

/**
 * Past this much text outside links, a block marked as navigation is a
 * misused tag around real writing, not a menu, a breadcrumb trail or a list
 * of the page's sections.
 */
const MAX_UNLINKED_CHARS = 150;

/**
 * Menus, breadcrumb trails ("Home » Travel » Europe") and lists of the
 * page's sections that Readability keeps inside the article: whatever the
 * page itself marks as navigation, with <nav> or an ARIA role.
 */
export const siteNavigation: CleanRule = {
  name: 'site-navigation',
  reason: 'site navigation: a menu, a breadcrumb trail or a list of the page’s sections',
  *find(_root, { length, elements }) {
    const marked = elements().filter((el) => el.localName === 'nav' || NAV_ROLES.has(el.getAttribute('role') ?? ''));
    for (const el of marked) if (length(el) <= MAX_UNLINKED_CHARS || textOf(el).length * (1 - linkDensity(el)) <= MAX_UNLINKED_CHARS) yield el;
  },
};
