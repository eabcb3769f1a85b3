import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: { gecko?: { strict_min_version?: string }; gecko_android?: { strict_min_version?: string } };
}

function built(target: 'chrome-mv3' | 'firefox-mv3'): Manifest {
  return JSON.parse(readFileSync(resolve(ROOT, '.output', target, 'manifest.json'), 'utf8')) as Manifest;
}

/** Each directive of a policy, as a set of its sources. */
function directives(policy: string): Map<string, Set<string>> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, new Set(sources)]),
  );
}

// What the built extension may do, as the browser reads it: widening any of this is a decision, not a side effect.
for (const target of ['chrome-mv3', 'firefox-mv3'] as const) {
  describe(`the ${target} manifest`, () => {
    const manifest = built(target);

    it('asks for activeTab and nothing that reaches sites on its own', () => {
      expect(manifest.manifest_version).toBe(3);
      // contextMenus: the page's "Read in Clean Copy" item, which grants activeTab as the toolbar button does; it reaches no site.
      expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'].sort());
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.content_scripts ?? []).toEqual([]);
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
    });

    it('asks for access to sites only as an optional permission, for keeping pictures', () => {
      // Requested from the reader's click on "Keep pictures"; without it, saving keeps links to pictures (docs/pictures.md).
      expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    });

    it('gives every extension page a strict Content Security Policy', () => {
      const policy = directives(manifest.content_security_policy?.extension_pages ?? '');
      expect([...(policy.get('script-src') ?? [])]).toEqual(["'self'"]);
      expect([...(policy.get('default-src') ?? [])]).toEqual(["'self'"]);
      expect([...(policy.get('base-uri') ?? [])].sort()).toEqual(['http:', 'https:']);
      for (const name of ['object-src', 'form-action', 'frame-ancestors', 'frame-src']) expect([...(policy.get(name) ?? [])]).toEqual(["'none'"]);
      for (const [name, sources] of policy) {
        for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
          // Pictures and media may be the article's own, from any site; data for downloads and workers is blob: or data:;
          // the parsed copy of a page has the page's address as its base.
          const allowed =
            ['img-src', 'media-src'].includes(name) ||
            // Pictures kept with a saved article are fetched from their sites, once the reader grants access to them.
            (name === 'connect-src' && ['blob:', 'data:', 'http:', 'https:'].includes(loose)) ||
            (name === 'base-uri' && /^https?:$/.test(loose));
          if (!allowed) expect(sources.has(loose), `${name} ${loose}`).toBe(false);
        }
      }
    });
  });
}

describe('the Firefox build', () => {
  it('installs on the current Firefox ESR (140) on desktop', () => {
    const gecko = built('firefox-mv3').browser_specific_settings?.gecko;
    expect(gecko?.strict_min_version).toBe('140.0');
  });
});
