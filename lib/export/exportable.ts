import type { ArticleRecord } from '../article';

/** An article with what the library adds, where it has been saved. */
export type Exportable = ArticleRecord & { savedAt?: string; tags?: string[] };
