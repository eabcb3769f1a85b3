import type { ArticleRecord } from './article-schema';

// The record's shape is declared once, in article-schema.ts.
export type { ArticleRecord, Removal } from './article-schema';

export type ExtractFailure = 'no-article' | 'too-large';

export type ExtractResult = { ok: true; article: ArticleRecord } | { ok: false; error: ExtractFailure; message: string };
