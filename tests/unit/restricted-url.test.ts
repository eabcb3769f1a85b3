import { describe, expect, it } from 'vitest';
import { pageAccess } from '../../lib/restricted-url';

describe('pageAccess', () => {
  it.each(['chrome://extensions/', 'about:blank', 'edge://settings', 'view-source:https://a.example', 'chrome-extension://abc/popup.html', 'moz-extension://x/y', 'https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/detail/x', 'https://addons.mozilla.org/en-US/firefox/'])(
    'refuses %s with a message',
    (url) => {
      const access = pageAccess(url);
      expect(access.ok).toBe(false);
      if (!access.ok) expect(access.message).toMatch(/browser|store|extension/i);
    },
  );

  it('explains file pages need a setting', () => {
    const access = pageAccess('file:///home/a/page.html');
    expect(access.ok).toBe(false);
    if (!access.ok) expect(access.message).toMatch(/file URLs/);
  });

  it.each(['https://fortune.com/europe/2025/11/23/x/', 'http://127.0.0.1:8080/a.html', 'https://chrome.google.com/search'])('allows %s', (url) => {
    expect(pageAccess(url)).toEqual({ ok: true });
  });
});
