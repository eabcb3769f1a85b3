import type { Exportable } from './exportable';
import { bylineOf } from './byline';
import { sourceAddress } from '../web-address';
import { noteParagraphs, tagsLine } from './reader-notes';
import { showsLocalPictures } from '../pictures/picture-files';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `body{max-width:40rem;margin:2rem auto;padding:0 1rem;font:1.125rem/1.6 Georgia,serif;color:#1b1b1b}
h1{font-size:2rem;line-height:1.2;margin-bottom:.25rem}.meta{color:#555;font:0.95rem/1.4 system-ui,sans-serif}
img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{color:#555;font-size:.9rem}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#333}
pre{overflow-x:auto;background:#f5f5f5;padding:.75rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
a{color:#1a5490}@media print{body{margin:0;max-width:none}a{color:inherit}}`;

/**
 * A standalone page for one article. Its content is sanitised already; the
 * page's own policy forbids scripts as a second lock.
 */
export function toHtml(a: Exportable): string {
  const lang = a.lang ? ` lang="${escapeHtml(a.lang)}"` : '';
  const dir = a.dir && a.dir !== 'auto' ? ` dir="${a.dir}"` : '';
  const source = sourceAddress(a);
  const tags = tagsLine(a);
  const paragraphs = noteParagraphs(a);
  const notes = paragraphs.length
    ? `<section class="notes">\n<h2>Notes</h2>\n${paragraphs.map((p) => `<p>${p.map(escapeHtml).join('<br>')}</p>`).join('\n')}\n</section>\n`
    : '';
  // Pictures in the assets/ folder beside the file (a ZIP's) are the page's own: a file:// page may show them only where 'self' is allowed.
  const pictures = `${showsLocalPictures(a.contentHtml) ? "'self' " : ''}https: http: data:`;
  return `<!doctype html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${pictures}; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(a.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${escapeHtml(bylineOf(a))}</p>
${source ? `<p class="meta"><a href="${escapeHtml(source)}">${escapeHtml(source)}</a></p>\n` : ''}${tags ? `<p class="meta">${escapeHtml(tags)}</p>\n` : ''}${a.contentHtml}
${notes}</article>
</body>
</html>
`;
}
