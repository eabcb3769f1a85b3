import { extensionOf, type Picture } from './picture';

/** A picture as a data: address, for a file that must carry everything inside it. */
export function dataAddress(picture: Picture): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < picture.bytes.length; at += 0x8000) binary += String.fromCharCode(...picture.bytes.subarray(at, at + 0x8000));
  return `data:${picture.type};base64,${btoa(binary)}`;
}

/** A picture's file name: its hash, so the same picture is one file however many articles show it. */
export function pictureFileName(picture: Pick<Picture, 'hash' | 'type'>): string {
  return `${picture.hash}.${extensionOf(picture.type)}`;
}

/** Where a ZIP or a Markdown file beside it keeps its pictures. */
export const ASSETS = 'assets';

/**
 * Whether an article's HTML shows pictures from an assets/ folder beside its
 * file. A page's own addresses are never relative once sanitised, so a
 * relative one there can only be a picture an export put beside it.
 */
export function showsLocalPictures(html: string): boolean {
  return html.includes(` src="${ASSETS}/`);
}
