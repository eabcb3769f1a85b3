import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/extract/metadata';
import { stripSiteSuffix } from '../../lib/extract/title';
import { authorList } from '../../lib/extract/authors';
import { toIsoDate } from '../../lib/extract/dates';
import { page } from './support/dom';
import { parseHtml } from '../../lib/extract/parse-html';

const URL_ = 'https://news.example/a/story';

describe('title', () => {
  it.each([
    ['Secret talks | Fortune Europe', 'Fortune', 'Secret talks'],
    ['Secret talks - The Daily Planet', 'The Daily Planet', 'Secret talks'],
    ['Q&A – what the plan means | Fortune', 'Fortune', 'Q&A – what the plan means'],
    ['Brexit - what next?', 'Fortune', 'Brexit - what next?'],
  ])('%s with site %s → %s', (title, site, want) => {
    expect(stripSiteSuffix(title, site)).toBe(want);
  });

  it('drops a suffix that is not the site name when the page heading shows the bare title', () => {
    expect(stripSiteSuffix('Secret talks | World news', 'Guardian', 'Secret talks')).toBe('Secret talks');
  });
});

describe('authors', () => {
  it('splits a byline line and drops "By", duplicates, "and" and the agency the writers work for', () => {
    expect(authorList(['By Natalia Drozdiak, Alberto Nardelli, Mario Parker and Bloomberg'])).toEqual(['Natalia Drozdiak', 'Alberto Nardelli', 'Mario Parker']);
    expect(authorList(['Ann Lee', 'ann lee', 'Bo Chan'])).toEqual(['Ann Lee', 'Bo Chan']);
    expect(authorList(['Von Anna Schmidt und Jonas Weber'])).toEqual(['Anna Schmidt', 'Jonas Weber']);
  });

  it('drops a site’s domain and copyright lines given as names, not initials run together', () => {
    expect(authorList(['tagesschau.de', 'STERN.de', 'Copyright Example GmbH - all rights reserved', 'F. Kooman', 'J.R.R.Tolkien', 'Dr.Who'])).toEqual([
      'F. Kooman',
      'J.R.R.Tolkien',
      'Dr.Who',
    ]);
  });

  it('drops profile URLs given as names', () => {
    expect(authorList(['https://www.facebook.com/someone', 'Ann Lee'])).toEqual(['Ann Lee']);
  });
});

describe('dates', () => {
  it('normalises to ISO 8601 UTC and rejects non-dates', () => {
    expect(toIsoDate('2025-11-23T18:57:00-05:00')).toBe('2025-11-23T23:57:00.000Z');
    expect(toIsoDate('yesterday')).toBeUndefined();
    expect(toIsoDate('')).toBeUndefined();
  });
});

describe('readMetadata', () => {
  it('prefers JSON-LD over meta tags, and published over modified', () => {
    const head = `<meta property="og:title" content="OG title | Site"><meta property="og:site_name" content="Site">
      <meta property="article:published_time" content="2020-01-01T00:00:00Z">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"LD headline",
      "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],"datePublished":"2024-05-01T10:00:00Z","dateModified":"2024-05-02T10:00:00Z",
      "image":{"@type":"ImageObject","url":"/img/lead.jpg"},"publisher":{"@type":"Organization","name":"Publisher"}}]}</script>`;
    const meta = readMetadata(page('<h1>LD headline</h1>', head, URL_), URL_);
    expect(meta).toMatchObject({
      title: 'LD headline',
      authors: ['Ann Lee', 'Bo Chan'],
      siteName: 'Site',
      publishedTime: '2024-05-01T10:00:00.000Z',
      modifiedTime: '2024-05-02T10:00:00.000Z',
      leadImage: 'https://news.example/img/lead.jpg',
    });
  });

  it('survives a broken JSON-LD block and falls back to meta tags', () => {
    const head = `<script type="application/ld+json">{ broken</script><meta property="og:title" content="From OG">
      <meta property="article:author" content="Ann Lee"><meta property="article:author" content="Bo Chan"><link rel="canonical" href="/a/story?ref=x">`;
    const meta = readMetadata(page('', head, URL_), URL_);
    expect(meta.title).toBe('From OG');
    expect(meta.authors).toEqual(['Ann Lee', 'Bo Chan']);
    expect(meta.canonicalUrl).toBe('https://news.example/a/story?ref=x');
  });

  it('reads rel=author links when nothing else names the authors', () => {
    const meta = readMetadata(
      page('<p class="byline">By <a rel="author" href="/ann">Ann Lee</a> and <a rel="author" href="/bo">Bo Chan</a></p>', '', URL_),
      URL_,
    );
    expect(meta.authors).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it('reads a link to a writer’s page in the byline when nothing marks the author up', () => {
    const byline =
      '<p class="byline"><span class="by-author">by <a href="/author/lnolan/">Lucas Nolan</a></span><span>22 Dec 2016</span><a href="#comments">651</a></p>';
    expect(readMetadata(page(byline, '', URL_), URL_).authors).toEqual(['Lucas Nolan']);
    // Writers' pages listed anywhere else (a column of the site's writers) name no one for this story.
    const column = '<div class="sidebar"><ul><li><a href="/author/ann-lee/">Ann Lee</a></li><li><a href="/author/bo-chan/">Bo Chan</a></li></ul></div>';
    expect(readMetadata(page(column, '', URL_), URL_).authors).toEqual([]);
  });

  it('leaves out what an author link says besides a name, and keeps a handle', () => {
    const body = `<span itemprop="author"><a rel="author" href="/p/1"><span itemprop="name">Andrew Park</span></a></span>
      <div class="profile"><a rel="author" href="/p/1">View my complete profile</a> <a rel="author" href="/p/2">Anna della Rocca</a> <a rel="author" href="/p/3">gizzmo</a> <a rel="author" href="/p/4">Marco dall'Orto</a></div>`;
    expect(readMetadata(page(body, '', URL_), URL_).authors).toEqual(['Andrew Park', 'Anna della Rocca', 'gizzmo', "Marco dall'Orto"]);
  });

  it('takes the authors from the most trusted tag that names anyone, one tag stating several properties', () => {
    const head = `<meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="news.example">
      <meta property="dc:creator twitter:site_name" content="Creator Name">`;
    expect(readMetadata(page('', head, URL_), URL_).authors).toEqual(['Creator Name']);
  });

  it('prefers the author tag to Dublin Core, which sites fill with their own name', () => {
    const head = '<meta name="DC.creator" content="Example Online"><meta name="author" content="Denise Dahl">';
    expect(readMetadata(page('', head, URL_), URL_).authors).toEqual(['Denise Dahl']);
  });

  it('reads an RDFa dcterms:creator', () => {
    expect(readMetadata(page('', '<meta property="dcterms:creator" content="Mia Holm">', URL_), URL_).authors).toEqual(['Mia Holm']);
  });

  it('turns Dublin Core creators, one per tag and surname first, into names as said, and keeps two companies two', () => {
    const head = '<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">';
    expect(readMetadata(page('', head, URL_), URL_).authors).toEqual(['F. Kooman', 'Michiel de Jong']);
    const companies = '<meta name="DC.Creator" content="Acme GmbH, Beta GmbH">';
    expect(readMetadata(page('', companies, URL_), URL_).authors).toEqual(['Acme GmbH', 'Beta GmbH']);
    const agencies = '<meta name="DC.Creator" content="Reuters, AP">';
    expect(readMetadata(page('', agencies, URL_), URL_).authors).toEqual(['Reuters', 'AP']);
    const initials = '<meta name="DC.Creator" content="Doe, JA">';
    expect(readMetadata(page('', initials, URL_), URL_).authors).toEqual(['JA Doe']);
  });

  it('reads a JSON-LD block that an older template wraps in CDATA', () => {
    const ld = JSON.stringify({ '@type': 'BlogPosting', headline: 'Survey findings', datePublished: '2024-06-25', author: { name: 'Dave Steer' } });
    for (const wrapped of [`<![CDATA[ ${ld} ]]>`, `//<![CDATA[\n${ld}\n//]]>`, `/*<![CDATA[*/${ld}/*]]>*/`, `<!-- ${ld} -->`]) {
      const meta = readMetadata(page('', `<script type="application/ld+json">${wrapped}</script>`, URL_), URL_);
      expect(meta).toMatchObject({ title: 'Survey findings', authors: ['Dave Steer'], publishedTime: '2024-06-25T00:00:00.000Z' });
    }
  });

  it('takes the JSON-LD name as the title when the headline is a summary the page does not show as its title', () => {
    const titled = (title: string, ld: object) =>
      parseHtml(
        `<!doctype html><html><head><title>${title}</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><p>Text</p></body></html>`,
        URL_,
      );
    const encyclopedia = titled('New Zealand - Encyclopedia', { '@type': 'Article', name: 'New Zealand', headline: 'island country in Oceania' });
    expect(readMetadata(encyclopedia, URL_).title).toBe('New Zealand');
    const news = titled('Storm closes the port | Daily Planet', { '@type': 'NewsArticle', name: 'Daily Planet', headline: 'Storm closes the port' });
    expect(readMetadata(news, URL_).title).toBe('Storm closes the port');
    // The page writes the headline with a curly apostrophe and an entity; the site's name is never the title.
    const typeset = titled('Tom’s &amp; Jerry’s return | Daily Planet', {
      '@type': 'NewsArticle',
      name: 'Daily Planet',
      headline: "Tom's & Jerry's return",
      publisher: { name: 'Daily Planet' },
    });
    expect(readMetadata(typeset, URL_).title).toBe("Tom's & Jerry's return");
    const bare = titled('Daily Planet', {
      '@type': 'NewsArticle',
      name: 'Daily Planet',
      headline: 'Storm closes the port',
      publisher: { name: 'Daily Planet' },
    });
    expect(readMetadata(bare, URL_).title).toBe('Storm closes the port');
  });

  it('ignores a canonical link to a non-web scheme', () => {
    const meta = readMetadata(page('', '<link rel="canonical" href="javascript:alert(1)">', URL_), URL_);
    expect(meta.canonicalUrl).toBeUndefined();
  });
});
