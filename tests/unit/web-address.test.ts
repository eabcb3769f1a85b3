import { describe, expect, it } from 'vitest';
import { isPictureAddress, isWebAddress, sourceAddress } from '../../lib/web-address';
import { toHtml } from '../../lib/export/html';
import { sampleArticle } from './support/article';

describe('web addresses', () => {
  it('are http and https only, whatever the case or the spaces around them', () => {
    expect(['https://a.example/x', ' HTTP://a.example ', 'http://127.0.0.1:8080/'].map(isWebAddress)).toEqual([true, true, true]);
    expect(
      ['javascript:alert(1)', ' jAvAsCrIpT:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', '/relative', ''].map(isWebAddress),
    ).toEqual(Array(7).fill(false));
    expect(isPictureAddress('data:image/webp;base64,AAAA')).toBe(true);
    expect(isPictureAddress('data:image/svg+xml,<svg onload=alert(1)>')).toBe(false);
  });

  it('give an article its source link, falling back from a bad canonical address to the page’s, or to none', () => {
    expect(sourceAddress({ canonicalUrl: 'javascript:alert(1)', url: 'https://a.example/story' })).toBe('https://a.example/story');
    expect(sourceAddress({ canonicalUrl: 'https://a.example/c', url: 'https://a.example/story' })).toBe('https://a.example/c');
    expect(sourceAddress({ canonicalUrl: '', url: 'javascript:alert(1)' })).toBe('');
  });

  it('keep a script address out of an HTML export even if one reached the record', () => {
    const html = toHtml(sampleArticle({ canonicalUrl: 'javascript:alert(1)', url: 'javascript:alert(2)' }));
    expect(html).not.toMatch(/javascript:/i);
  });
});
