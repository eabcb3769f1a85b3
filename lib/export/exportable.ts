import type { ArticleRecord } from '../article';

/** An article with what the library adds, where it has been saved (an unsaved page has none of these). */
export type Exportable = ArticleRecord & {
  schemaVersion?: number;
  id?: string;
  savedAt?: string;
  updatedAt?: string;
  tags?: string[];
  notes?: string;
};
