import type { Page } from 'playwright-core';

// MathML may stay (formulas are content); what it could smuggle in, HTML inside it included, is still looked for.
export const ACTIVE_ELEMENTS =
  'script, iframe, frame, object, embed, base, meta, link, form, svg, style, template, noscript, annotation-xml, mglyph, malignmark';
export const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'cite', 'longdesc'];

/**
 * Everything under `root` that could run script or load active content; empty when clean.
 * Runs in Node (on jsdom) and, serialised, in the popup; so it uses nothing from outside.
 */
export function activeContent(root: Element, activeElements: string, urlAttributes: string[]): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll(activeElements))) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`${el.tagName} ${name}="${value}"`);
      if (['srcdoc', 'style', 'formaction', 'action'].includes(lower)) found.push(`${el.tagName} ${name}`);
      if (urlAttributes.includes(lower)) {
        // Browsers ignore whitespace and control characters around and inside a URL's scheme.
        const squashed = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
        if (/^(?:javascript|vbscript|livescript):/.test(squashed)) found.push(`${el.tagName} ${name}="${value}"`);
        if (squashed.startsWith('data:') && !/^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/.test(squashed)) found.push(`${el.tagName} ${name}="${value}"`);
      }
    }
  }
  return found;
}

/** What is active in the element with data-testid=`testId` of an extension page. */
export async function previewActiveContent(page: Page, testId = 'preview'): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluate(
      (el, [source, activeElements, urlAttributes]) =>
        (new Function(`return (${source})`)() as typeof activeContent)(el, activeElements as string, urlAttributes as unknown as string[]),
      [activeContent.toString(), ACTIVE_ELEMENTS, URL_ATTRIBUTES] as const,
    );
}
