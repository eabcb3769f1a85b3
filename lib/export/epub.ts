import type { Exportable } from './exportable';
import { bylineOf } from './byline';
import { noteParagraphs, tagsLine } from './reader-notes';
import { sanitizeHtml } from '../sanitize';
import { bookHref, escapeXml, toXhtmlFragment, type DomWindow } from './xhtml';
import { concatChunks, ZipStream } from './zip-stream';
import { baseOf, pictureOf, type Gathered } from '../pictures/gather';
import { pictureFileName } from '../pictures/picture-files';
import type { Picture, RasterType } from '../pictures/picture';

export interface EpubOptions {
  /** The book's title; one article's book takes the article's title. */
  title?: string;
  /** Sets dcterms:modified and the files' dates, so the same input gives the same bytes. */
  now: Date;
  /** The DOM that sanitises and serialises: the extension page's window, or jsdom's in Node. */
  win: Window;
}

const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const CSS = `body{font-family:serif;line-height:1.5;margin:0 5%}h1{line-height:1.2}.meta{font-family:sans-serif;font-size:.9em;color:#555}
blockquote{margin-left:1em;padding-left:1em;border-left:2px solid #aaa}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em}pre{white-space:pre-wrap}`;

function languageOf(a: Pick<Exportable, 'lang'>): string {
  return LANG.test(a.lang) ? a.lang : 'und';
}

/** dcterms:modified wants seconds precision and a Z. */
function modifiedStamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The picture types every EPUB 3 reading system must show (the core media
 * types); a book may carry others only with a fallback, so an AVIF or BMP
 * picture stays a link.
 */
export const EPUB_PICTURE_TYPES: readonly RasterType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** A picture file inside the book, for its manifest. */
interface BookPicture {
  file: string;
  type: RasterType;
}

/** Where a picture sits in the book, relative to the chapters. */
const inBook = (p: Picture) => `images/${pictureFileName(p)}`;

function chapter(a: Exportable, win: Window, pictureHref?: (img: Element) => string | null): string {
  const lang = languageOf(a);
  const source = bookHref(a.canonicalUrl || a.url, 'about:blank');
  const byline = bylineOf(a);
  const tags = tagsLine(a);
  const paragraphs = noteParagraphs(a);
  const notes = paragraphs.length
    ? `<section class="notes">\n<h2>Notes</h2>\n${paragraphs.map((p) => `<p>${p.map(escapeXml).join('<br/>')}</p>`).join('\n')}\n</section>\n`
    : '';
  const body = toXhtmlFragment(sanitizeHtml(a.contentHtml, win), a.canonicalUrl || a.url, win as unknown as DomWindow, pictureHref);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}"${a.dir === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(a.title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<section epub:type="chapter">
<h1>${escapeXml(a.title)}</h1>
${byline ? `<p class="meta">${escapeXml(byline)}</p>\n` : ''}${source ? `<p class="meta"><a href="${escapeXml(source)}">${escapeXml(source)}</a></p>\n` : ''}${tags ? `<p class="meta">${escapeXml(tags)}</p>\n` : ''}<div>${body}</div>
${notes}</section>
</body>
</html>
`;
}

function nav(titles: readonly string[], lang: string): string {
  const items = titles.map((t, i) => `<li><a href="chapter-${i + 1}.xhtml">${escapeXml(t)}</a></li>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>Contents</title>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>Contents</h1>
<ol>
${items}
</ol>
</nav>
</body>
</html>
`;
}

interface BookFacts {
  title: string;
  lang: string;
  identifier: string;
  creators: string[];
  source?: string;
  chapters: number;
  pictures: readonly BookPicture[];
  /** The file of the picture that is the book's cover, if one is. */
  cover?: string;
  now: Date;
}

function packageDocument(b: BookFacts): string {
  const creators = b.creators.map((c, i) => `<dc:creator id="creator-${i + 1}">${escapeXml(c)}</dc:creator>\n`).join('');
  const chapters = Array.from({ length: b.chapters }, (_, i) => i + 1);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${b.lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${escapeXml(b.identifier)}</dc:identifier>
<dc:title>${escapeXml(b.title)}</dc:title>
<dc:language>${b.lang}</dc:language>
${creators}${b.source ? `<dc:source>${escapeXml(b.source)}</dc:source>\n` : ''}<dc:publisher>Clean Copy</dc:publisher>
<meta property="dcterms:modified">${modifiedStamp(b.now)}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="style" href="style.css" media-type="text/css"/>
${chapters.map((n) => `<item id="chapter-${n}" href="chapter-${n}.xhtml" media-type="application/xhtml+xml"/>`).join('\n')}
${b.pictures.map((p) => `<item id="picture-${p.file.replace(/\..*$/, '')}" href="images/${p.file}" media-type="${p.type}"${p.file === b.cover ? ' properties="cover-image"' : ''}/>\n`).join('')}</manifest>
<spine>
${chapters.map((n) => `<itemref idref="chapter-${n}"/>`).join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** A stable identifier from the articles' addresses: the same selection is the same book. */
function identifierOf(urls: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of urls.join('\n')) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `urn:clean-copy:${h.toString(16).padStart(8, '0')}-${urls.length}`;
}

/**
 * An EPUB 3 book written chapter by chapter into `sink`: the mimetype first
 * and uncompressed, then one XHTML chapter per article as it is added, and
 * the package document and table of contents, which need every title, last.
 */
export class EpubWriter {
  private readonly zip: ZipStream;
  private readonly titles: string[] = [];
  private readonly urls: string[] = [];
  private first: Exportable | undefined;
  private readonly pictures = new Map<string, BookPicture>();
  /** The first article's lead image, kept until the book is done: it is the cover only of a one-article book. */
  private lead: Picture | undefined;

  constructor(
    sink: (chunk: Uint8Array) => void,
    private readonly options: EpubOptions,
  ) {
    this.zip = new ZipStream(sink, options.now);
    this.zip.add('mimetype', 'application/epub+zip', true);
    this.zip.add('META-INF/container.xml', CONTAINER);
    this.zip.add('OEBPS/style.css', CSS);
  }

  /**
   * Add an article as the next chapter. With `gathered` (its pictures' stored
   * copies), each picture in a type every reading system shows goes into the
   * book once, however many chapters show it, and the chapter shows it from
   * there. The lead image of a one-article book is its cover.
   */
  add(a: Exportable, gathered?: Gathered): void {
    this.first ??= a;
    this.titles.push(a.title);
    this.urls.push(a.canonicalUrl || a.url);
    const used: Picture[] = [];
    const carried = (p: Picture | null): p is Picture => p !== null && EPUB_PICTURE_TYPES.includes(p.type);
    const base = baseOf(a);
    const pictureHref = gathered
      ? (img: Element) => {
          const picture = pictureOf(img, base, gathered);
          if (!carried(picture)) return null;
          used.push(picture);
          return inBook(picture);
        }
      : undefined;
    this.zip.add(`OEBPS/chapter-${this.titles.length}.xhtml`, chapter(a, this.options.win, pictureHref));
    if (this.titles.length === 1 && carried(gathered?.lead ?? null)) this.lead = gathered!.lead!;
    for (const picture of used) this.addPicture(picture);
  }

  /** A picture file in the book, once however many chapters show it; stored as it is, picture formats being compressed already. */
  private addPicture(picture: Picture): void {
    const file = pictureFileName(picture);
    if (this.pictures.has(file)) return;
    this.pictures.set(file, { file, type: picture.type });
    this.zip.addStored(`OEBPS/${inBook(picture)}`, picture.bytes);
  }

  finish(): void {
    const one = this.titles.length === 1 ? this.first : undefined;
    const lang = this.first ? languageOf(this.first) : 'und';
    const title = this.options.title ?? one?.title ?? `Clean Copy: ${this.titles.length} articles`;
    const source = one ? (bookHref(one.canonicalUrl || one.url, 'about:blank') ?? undefined) : undefined;
    const cover = one && this.lead ? this.lead : undefined;
    if (cover) this.addPicture(cover);
    this.zip.add('OEBPS/nav.xhtml', nav(this.titles, lang));
    this.zip.add(
      'OEBPS/package.opf',
      packageDocument({
        title,
        lang,
        identifier: identifierOf(this.urls),
        creators: one?.authors ?? [],
        source,
        chapters: this.titles.length,
        pictures: [...this.pictures.values()],
        cover: cover ? pictureFileName(cover) : undefined,
        now: this.options.now,
      }),
    );
    this.zip.end();
  }
}

/** One article, or several as chapters, as an EPUB file. */
export function toEpub(articles: readonly Exportable[], options: EpubOptions): Uint8Array {
  if (articles.length === 0) throw new Error('An EPUB needs at least one article.');
  const chunks: Uint8Array[] = [];
  const book = new EpubWriter((c) => chunks.push(c), options);
  for (const a of articles) book.add(a);
  book.finish();
  return concatChunks(chunks);
}
