// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { embeddable } from '../../components/embed-html';
import { ruleLabel } from '../../components/RemovedList';

describe('an article inside our pages', () => {
  it('brings no landmark of its own: main, article, nav and the rest become plain blocks with their content', () => {
    const html =
      '<main class="story"><article id="a"><header><h2>Up</h2></header><p>One <a href="#n">note</a></p><aside><p>Box</p></aside><footer>End</footer></article></main>';
    const holder = document.createElement('div');
    holder.innerHTML = embeddable(html, document);
    expect(holder.querySelectorAll('main, article, header, footer, nav, aside').length).toBe(0);
    expect(holder.textContent).toBe('UpOne noteBoxEnd');
    expect(holder.querySelector('div.story > div#a > div > h2')?.textContent).toBe('Up');
    expect(holder.querySelector('a')?.getAttribute('href')).toBe('#n');
  });

  it('leaves an article with no landmark as it was', () => {
    const html = '<p>Plain <em>text</em></p><figure><img src="https://example.org/a.png" alt=""></figure>';
    expect(embeddable(html, document)).toBe(html);
  });
});

describe('a rule in the removed list', () => {
  it('is told by a label for the reader; a rule with none by its reason', () => {
    expect(ruleLabel('inline-related-links', 'inline link to another story')).toBe('Links to other stories');
    expect(ruleLabel('yours', 'removed by you')).toBe('Yours: blocks you removed on this site');
    expect(ruleLabel('not-a-rule', 'some reason')).toBe('some reason');
  });
});

describe('a sentence from the extractor', () => {
  it('is said in the interface language when it is known, with its numbers, and as it came when not', async () => {
    const { localText } = await import('../../components/lib-text');
    const { pageAccess, refusalMessage } = await import('../../lib/restricted-url');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { formatMessage, readMessages } = await import('./support/messages');
    const german = readMessages('de');
    const english = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) => formatMessage(german, key, subs ?? [])) as typeof english;
    try {
      const browserPage = pageAccess('chrome://settings');
      expect(browserPage.ok || localText(browserPage.message)).toBe(german.libBrowserPage!.message);
      expect(localText(refusalMessage('Frame with ID 0 is showing error page'))).toBe(german.libErrorPage!.message);
      expect(localText('This page is too large to clean (1,234 elements; the limit is 1,000).')).toBe(
        'Diese Seite ist zu groß zum Bereinigen (1,234 Elemente; die Grenze liegt bei 1,000).',
      );
      expect(localText('Could not read this page: boom')).toBe('Diese Seite konnte nicht gelesen werden: boom');
      expect(localText('Something new.')).toBe('Something new.');
    } finally {
      fakeBrowser.i18n.getMessage = english;
    }
  });
});

describe('a date in the interface', () => {
  it('reads as the exports write it in English, and in the interface language otherwise', async () => {
    const { interfaceDate } = await import('../../components/format-date');
    const { formatDate } = await import('../../lib/export/byline');
    const iso = '2025-11-23T10:00:00Z';
    expect(interfaceDate(iso, 'en-US')).toBe(formatDate(iso));
    expect(interfaceDate(iso, 'de')).toBe(
      new Intl.DateTimeFormat('de', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)),
    );
    expect(interfaceDate(iso, 'de')).toContain('2025');
    expect(interfaceDate(iso, 'de')).not.toBe(formatDate(iso));
    expect(interfaceDate('not a date', 'fr')).toBe('');
  });
});
