import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { JsonWriter } from '../../lib/export/json';
import { importBackup, readBackup } from '../../lib/library/import-backup';
import { mergeRules, type UserRule } from '../../lib/clean/user-rules';
import { sanitizeHtml } from '../../lib/sanitize';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const win = new JSDOM('').window as unknown as Window;
const NOW = new Date('2026-02-03T04:05:06.000Z');

const RULE: UserRule = {
  id: 'a1',
  host: 'news.example',
  action: 'remove',
  fingerprint: 'our harbour guide has tips on parking',
  tag: 'p',
  text: 'Our harbour guide has tips on parking',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function backup(rules: readonly unknown[]): string {
  let text = '';
  const writer = new JsonWriter((t) => (text += t), NOW, rules);
  writer.add({ ...sampleArticle({ canonicalUrl: 'https://news.example/a' }) });
  writer.finish();
  return text;
}

describe('the reader’s rules in a backup', () => {
  it('are written beside the articles, and a backup without them stays as it was', () => {
    const doc = JSON.parse(backup([RULE]));
    expect(doc.userRules).toEqual([RULE]);
    expect(doc.articles).toHaveLength(1);
    expect('userRules' in JSON.parse(backup([]))).toBe(false);
    expect(readBackup(backup([RULE]))).toHaveLength(1);
  });

  it('come back on import, merged with the reader’s own, malformed ones dropped', async () => {
    const { library } = freshLibrary();
    let kept: UserRule[] = [{ ...RULE, id: 'mine' }];
    const other = { ...RULE, id: 'b2', host: 'other.example' };
    const report = await importBackup(library, backup([RULE, other, { id: 'x', host: 5 }]), {
      sanitize: (html) => sanitizeHtml(html, win),
      mergeUserRules: async (incoming) => {
        const merged = mergeRules(kept, incoming);
        const added = merged.length - kept.length;
        kept = merged;
        return added;
      },
    });
    expect(report).toMatchObject({ imported: 1, rules: 1 });
    expect(kept.map((r) => r.id)).toEqual(['mine', 'b2']);
  });
});
