// The package's own declarations name the module 'domino', not the name it is published (and imported) under.
declare module '@mixmark-io/domino' {
  export function createDocument(html?: string, force?: boolean): Document;
}
