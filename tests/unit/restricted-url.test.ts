import { describe, expect, it } from 'vitest';
import { pageAccess, refusalMessage } from '../../lib/restricted-url';

describe('pageAccess', () => {
  it.each([
    'chrome://extensions/',
    'about:blank',
    'edge://settings',
    'view-source:https://a.example',
    'chrome-extension://abc/popup.html',
    'moz-extension://x/y',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/',
  ])('refuses %s with a message', (url) => {
    const access = pageAccess(url);
    expect(access.ok).toBe(false);
    if (!access.ok) expect(access.message).toMatch(/browser|store|extension/i);
  });

  it('explains file pages need a setting', () => {
    const access = pageAccess('file:///home/a/page.html');
    expect(access.ok).toBe(false);
    if (!access.ok) expect(access.message).toMatch(/file URLs/);
  });

  it.each(['https://fortune.com/europe/2025/11/23/x/', 'http://127.0.0.1:8080/a.html', 'https://chrome.google.com/search'])('allows %s', (url) => {
    expect(pageAccess(url)).toEqual({ ok: true });
  });
});

describe('refusalMessage', () => {
  it("names a browser page from the browser's refusal, when the address was hidden", () => {
    expect(refusalMessage('Cannot access a chrome:// URL')).toMatch(/^This is a browser page/);
    expect(refusalMessage('Cannot access contents of url "about:blank". Extension manifest must request permission')).toMatch(/^This is a browser page/);
    expect(refusalMessage('The extensions gallery cannot be scripted.')).toMatch(/extension store/);
    expect(refusalMessage('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toMatch(
      /does not let Clean Copy read this page/,
    );
    expect(refusalMessage('Frame with ID 0 is showing error page')).toMatch(/^This tab shows the browser’s error page: the page did not load/);
    expect(refusalMessage('Frame with ID 0 was removed.')).toBe('Could not read this page: Frame with ID 0 was removed.');
  });
});
