// The record's shape is declared once, in lib/article-schema.ts.
export type { Exportable } from '../article-schema';
