/**
 * storage.local keys of the reader's own data, in one place so that no two
 * modules can disagree on a name. The library's keys live with the library.
 */
export const STORAGE_KEYS = {
  /** Typography of the reader and the popup's preview. */
  readerSettings: 'settings:reader',
  /** The reader's own cleaning rules, every site's in one list. */
  userRules: 'rules:user',
  /** Whether saving keeps the article's pictures too (true only once the reader granted access to sites). */
  keepPictures: 'settings:keep-pictures',
} as const;
