/**
 * A picture kept with an article: its bytes, named by a hash of them, so two
 * articles that show the same picture store it once.
 */
export interface Picture {
  /** Lower-case hex SHA-256 of `bytes`. */
  hash: string;
  /** The sniffed type, one of RASTER_TYPES; never what the server claimed. */
  type: RasterType;
  bytes: Uint8Array;
}

/**
 * What an article record says of one of its pictures: the address its
 * `contentHtml` (or `leadImage`) names and the stored copy that stands for it.
 */
export interface PictureRef {
  src: string;
  hash: string;
  type: RasterType;
  size: number;
}

/** A picture that could not be kept, and why, in words a reader understands. */
export interface PictureFailure {
  src: string;
  reason: string;
}

/**
 * Where an export or a page finds the stored copy of the picture an article
 * names at `src`; null when there is none, and the address stays a link.
 */
export type PictureLookup = (src: string) => Promise<Picture | null>;

/** Limits on what is kept (issue: at most 10 MB a picture, 50 MB an article). */
export const PICTURE_LIMITS = {
  maxPictureBytes: 10 * 1024 * 1024,
  maxArticleBytes: 50 * 1024 * 1024,
  /** A server that neither answers nor fails is given up on after this long. */
  timeoutMs: 15_000,
} as const;

export const RASTER_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'] as const;
export type RasterType = (typeof RASTER_TYPES)[number];

/** The file name extension for a type, for `assets/` folders and EPUB items. */
export function extensionOf(type: RasterType): string {
  return { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/bmp': 'bmp' }[type];
}
