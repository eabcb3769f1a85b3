import type { KeyValueArea } from '../library/library';
import { STORAGE_KEYS } from '../storage-keys';
import { BLOCK_TAGS } from './dom';
import { fingerprint, sameBlock } from './fingerprint';
import type { CleanRule } from './rule';
import { describe } from './run-rules';

/**
 * One correction the reader made on a site: a block it took out ("remove")
 * or one a built-in rule took out that it put back ("keep"). A block is known
 * by the fingerprint of its text, so the rule still finds it when the page
 * changes a little, on the same page or on another page of the site.
 */
export interface UserRule {
  id: string;
  /** Host name, lower-case, without "www.". */
  host: string;
  action: 'remove' | 'keep';
  fingerprint: string;
  /** The block's element name (lower-case) for "remove": only blocks of that kind are taken out. */
  tag?: string;
  /** The block's text as first seen, shown on the options page. */
  text: string;
  createdAt: string;
}

/** The name "yours" in the removed list, for what the reader's own rules took out. */
export const USER_RULE_NAME = 'yours';
export const USER_RULE_REASON = 'You removed this block on this site';

/** The site a rule belongs to: host name, lower-case, without "www.". Empty for addresses without a host. */
export function siteOf(urlOrHost: string): string {
  let host = urlOrHost.trim().toLowerCase();
  if (host.includes('/')) {
    try {
      host = new URL(urlOrHost).hostname.toLowerCase();
    } catch {
      return '';
    }
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** A block's text that a fingerprint can tell apart from others: the preview text, or nothing for a wordless block. */
export function blockFingerprint(text: string): string {
  // The preview of a block with neither text nor alt text is its tag, "<img>": every such block would match.
  if (/^<[a-z0-9]+>$/i.test(text)) return '';
  return fingerprint(text);
}

const ACTIONS = new Set(['remove', 'keep']);

/** Rules as read from storage or a backup: anything malformed is dropped, not trusted. */
export function normalizeRules(value: unknown): UserRule[] {
  if (!Array.isArray(value)) return [];
  const rules: UserRule[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.host !== 'string' || typeof r.fingerprint !== 'string' || !ACTIONS.has(r.action as string)) continue;
    const host = siteOf(r.host);
    if (!host || !r.fingerprint) continue;
    rules.push({
      id: r.id.slice(0, 64),
      host,
      action: r.action as UserRule['action'],
      fingerprint: fingerprint(r.fingerprint),
      ...(typeof r.tag === 'string' && /^[a-z][a-z0-9]*$/.test(r.tag) ? { tag: r.tag } : {}),
      text: typeof r.text === 'string' ? r.text.slice(0, 400) : '',
      createdAt: typeof r.createdAt === 'string' ? r.createdAt : '',
    });
  }
  return rules;
}

export function rulesForSite(rules: readonly UserRule[], urlOrHost: string): UserRule[] {
  const site = siteOf(urlOrHost);
  return site ? rules.filter((r) => r.host === site) : [];
}

/**
 * Add a correction. Putting back a block the reader's own rule removed
 * drops that rule rather than adding a second that cancels it; the same
 * correction made twice is kept once.
 */
export function withCorrection(rules: readonly UserRule[], rule: UserRule): UserRule[] {
  const opposite = rule.action === 'keep' ? 'remove' : 'keep';
  const undone = rules.filter((r) => r.host === rule.host && r.action === opposite && sameBlock(r.fingerprint, rule.fingerprint));
  if (undone.length) return rules.filter((r) => !undone.includes(r));
  const same = rules.some((r) => r.host === rule.host && r.action === rule.action && sameBlock(r.fingerprint, rule.fingerprint));
  return same ? [...rules] : [...rules, rule];
}

/** Rules from a backup added to the reader's own: malformed ones dropped, and none the reader has already. */
export function mergeRules(existing: readonly UserRule[], incoming: unknown): UserRule[] {
  const merged = [...existing];
  for (const rule of normalizeRules(incoming)) {
    const known = merged.some(
      (r) => r.id === rule.id || (r.host === rule.host && r.action === rule.action && r.tag === rule.tag && sameBlock(r.fingerprint, rule.fingerprint)),
    );
    if (!known) merged.push(rule);
  }
  return merged;
}

/** The "put back" test the built-in rules ask before removing a block; undefined when the site has no keep rule. */
export function keepTest(rules: readonly UserRule[]): ((text: string) => boolean) | undefined {
  const keeps = rules.filter((r) => r.action === 'keep').map((r) => r.fingerprint);
  if (keeps.length === 0) return undefined;
  return (text) => {
    const print = blockFingerprint(text);
    return print !== '' && keeps.some((k) => sameBlock(k, print));
  };
}

/**
 * The reader's "remove" rules as one cleaning rule, run after the built-in
 * ones; it finds, and the runner removes and records under "yours".
 */
export function yoursRule(rules: readonly UserRule[]): CleanRule | undefined {
  const removes = rules.filter((r) => r.action === 'remove');
  if (removes.length === 0) return undefined;
  const tags = new Set(removes.map((r) => r.tag?.toUpperCase()));
  const anyBlock = tags.has(undefined);
  return {
    name: USER_RULE_NAME,
    reason: USER_RULE_REASON,
    *find(_root, context) {
      for (const el of context.elements()) {
        if (!(anyBlock ? BLOCK_TAGS.has(el.tagName) : tags.has(el.tagName))) continue;
        const print = blockFingerprint(describe(el));
        if (!print) continue;
        const tag = el.tagName.toLowerCase();
        if (removes.some((r) => (!r.tag || r.tag === tag) && sameBlock(r.fingerprint, print))) yield el;
      }
    },
  };
}

export async function loadUserRules(area: Pick<KeyValueArea, 'get'>): Promise<UserRule[]> {
  const got = await area.get([STORAGE_KEYS.userRules]);
  return normalizeRules(got[STORAGE_KEYS.userRules]);
}

export async function saveUserRules(area: Pick<KeyValueArea, 'set'>, rules: readonly UserRule[]): Promise<void> {
  await area.set({ [STORAGE_KEYS.userRules]: rules });
}
