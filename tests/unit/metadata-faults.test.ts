import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/extract/metadata';
import { stripSiteSuffix } from '../../lib/extract/title';
import { authorList } from '../../lib/extract/authors';
import { textLanguage, weighLanguage } from '../../lib/extract/language';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { page, PROSE } from './support/dom';

const URL_ = 'https://news.example/2025/03/tram';

describe('authors', () => {
  it('takes no visitor or account without a name for an author', () => {
    expect(authorList(['Гость', 'Guest', 'admin', 'Anonymous', 'Ann Lee'])).toEqual(['Ann Lee']);
  });

  it('does not take a comment’s author for the story’s', () => {
    const body = `<article><p>Story</p></article><div class="comments"><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Boris</span></div></div>`;
    expect(readMetadata(page(body, '', URL_), URL_).authors).toEqual([]);
    const byline = `<p>By <span itemprop="author">Ann Lee</span></p>${body}`;
    expect(readMetadata(page(byline, '', URL_), URL_).authors).toEqual(['Ann Lee']);
  });
});

describe('title', () => {
  it('cuts every part after the page’s heading: section and site', () => {
    expect(stripSiteSuffix('宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', 'fakehost', '宇航员在太空中喝酒会怎么样？后果很严重')).toBe(
      '宇航员在太空中喝酒会怎么样？后果很严重',
    );
    expect(stripSiteSuffix('Tram line approved_Local_Daily Example', '', 'Tram line approved')).toBe('Tram line approved');
  });

  it('keeps a title whose heading is only its first part', () => {
    expect(stripSiteSuffix('Star Wars – The Last Jedi', '', 'Star Wars – The Last Jedi')).toBe('Star Wars – The Last Jedi');
  });
});

describe('language', () => {
  const german =
    'Die Stadt hat am Dienstag beschlossen, die Straßenbahn in die nördlichen Vororte zu verlängern. Das Projekt ist nicht neu, und die Debatte darüber hat sich über mehr als ein Jahrzehnt hingezogen. Die Befürworter sagen, dass die Verlängerung die Fahrzeit für viele Pendler um ein Drittel verkürzt, und die Gegner warnen vor den Bauarbeiten, die auch die Hauptstraßen für zwei Jahre schließen würden.';
  it('reads the language of a text from its commonest words', () => {
    expect(textLanguage(german)).toBe('de');
    expect(textLanguage('Too short to tell.')).toBeUndefined();
  });

  it('weighs a template’s lang="en" against the content-language, by the text', () => {
    expect(weighLanguage(['en', 'de-DE'], german)).toBe('de-DE');
    expect(weighLanguage(['en'], german)).toBe('en');
    expect(
      weighLanguage(
        ['en-GB'],
        'The council voted on Tuesday to extend the tram line to the northern suburbs, and the mayor said that it was a turning point for the city and for all of the people who live there and work in the centre.',
      ),
    ).toBe('en-GB');
    expect(weighLanguage(['ja'], german)).toBe('ja');
  });

  it('labels a German post "de" in the article record though its root says "en"', () => {
    const paragraphs = german
      .split('. ')
      .map((s) => `<p>${s}. ${s}. ${s}.</p>`)
      .join('');
    const html = `<!doctype html><html lang="en"><head><title>Straßenbahn</title><meta http-equiv="content-language" content="de"></head><body><article><h1>Straßenbahn</h1>${paragraphs}</article></body></html>`;
    const result = extractArticle(parseHtml(html, URL_), { url: URL_ });
    expect(result.ok && result.article.lang).toBe('de');
  });

  it('keeps the declared language of an English page', () => {
    const doc = parseHtml(`<!doctype html><html lang="en-US"><head><title>Tram</title></head><body><article>${PROSE}</article></body></html>`, URL_);
    const result = extractArticle(doc, { url: URL_ });
    expect(result.ok && result.article.lang).toBe('en-US');
  });
});

describe('authors beside agencies and job titles', () => {
  it('keeps the writer and drops the agency they write for', () => {
    expect(authorList(['Jane Doe, Bloomberg'])).toEqual(['Jane Doe']);
    expect(authorList(['Reuters'])).toEqual(['Reuters']);
  });

  it('drops a job title and a genre before "by", and keeps an initial that reads like a conjunction', () => {
    expect(authorList(['Analysis by Chris Doe, CNN Editor-at-large'])).toEqual(['Chris Doe']);
    expect(authorList(['GREG DOE', 'AP Sports Writer'])).toEqual(['GREG DOE']);
    expect(authorList(['Bruce Y. Lee'])).toEqual(['Bruce Y. Lee']);
    expect(authorList(['Ana Pérez y Juan Ruiz'])).toEqual(['Ana Pérez', 'Juan Ruiz']);
    expect(authorList(['Текст: Венера Ерофеева', 'Autor: Jonas Weber'])).toEqual(['Венера Ерофеева', 'Jonas Weber']);
  });
});
