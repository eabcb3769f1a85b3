import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session';
import { norm } from '../fixtures/fortune/expected';

const session = useSession({ closePagesAfterEach: true });

const BROWSER_PAGE = 'This is a browser page. Browsers do not let extensions read it, so there is no article to clean here.';
/**
 * about:blank is hidden from the popup; whether the browser's refusal names it
 * depends on the build, so either of the product's two refusals is right.
 */
const REFUSED = 'The browser does not let Clean Copy read this page. Click the Clean Copy button while the page is open in the tab.';

async function expectNoArticleUi(popup: Page) {
  expect(await popup.getByTestId('preview').count()).toBe(0);
  expect(await popup.getByTestId('save').count()).toBe(0);
  expect(await popup.locator('button[data-export]').count()).toBe(0);
}

describe('pages Clean Copy cannot clean', () => {
  for (const [address, messages] of [
    ['chrome://version/', [BROWSER_PAGE]],
    ['about:blank', [REFUSED, BROWSER_PAGE]],
  ] as const) {
    it(`refuses ${address} with an error notice, in the toolbar popup and in popup.html?tabId`, async () => {
      const tab = await session.browser.openTab(address);
      const { popup: toolbar } = await session.browser.clickToolbarButton(tab);
      try {
        await toolbar.waitFor('[data-testid=notice].notice-error');
        expect(await toolbar.evaluate('document.querySelector("[data-testid=preview]") === null')).toBe(true);
        expect(messages).toContain(norm(await toolbar.text('[data-testid=notice] p')));
      } finally {
        await toolbar.close();
      }

      const popup = await session.browser.openPopupFor(tab);
      const notice = popup.locator('[data-testid=notice].notice-error');
      await notice.waitFor();
      expect(await notice.getAttribute('role')).toBe('alert');
      expect(messages).toContain(norm(await notice.locator('p').innerText()));
      await expectNoArticleUi(popup);
    });
  }

  // Without the "tabs" permission Chrome hides a chrome:// tab's address; the browser's refusal names it instead.
  it('calls chrome://version/ a browser page', async () => {
    const popup = await session.browser.openPopupFor(await session.browser.openTab('chrome://version/'));
    expect(norm(await popup.getByTestId('notice').locator('p').innerText())).toBe(BROWSER_PAGE);
  });

  it('says there is no article on a sign-in page, and offers to try again', async () => {
    const popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/no-article.html')));
    const notice = popup.locator('[data-testid=notice].notice-error');
    expect(norm(await notice.locator('p').innerText())).toBe(
      'No article found on this page. Clean Copy works on pages with a story or post, not on home pages, search results or apps.',
    );
    await expectNoArticleUi(popup);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => popup.locator('[data-testid=notice].notice-error p').innerText()).toMatch(/^No article found on this page\./);
    await expectNoArticleUi(popup);
  });
});
