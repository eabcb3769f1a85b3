import { describe, expect, it } from 'vitest';
import { liftFormulas } from '../../lib/extract/formulas';
import { page } from './support/dom';

/** liftFormulas on a body, the way the extractor's copy gets it. */
function lifted(bodyHtml: string): string {
  const doc = page(bodyHtml);
  liftFormulas(Array.from(doc.getElementsByTagName('math')));
  return doc.body.innerHTML;
}

describe('liftFormulas', () => {
  it('puts MathJax’s MathML in place of its wrappers, drawing and all', () => {
    const html = lifted(
      '<p>When</p><mjx-container jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi><mjx-c></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml><math><mi>x</mi><mo>=</mo><mn>7</mn></math></mjx-assistive-mml></mjx-container><p>holds</p>',
    );
    expect(html).toBe('<p>When</p><math><mi>x</mi><mo>=</mo><mn>7</mn></math><p>holds</p>');
  });

  it('lifts KaTeX’s MathML out of its spans when the only other text is hidden from readers', () => {
    const html = lifted(
      '<p>So <span class="katex"><span class="katex-mathml"><math><mi>y</mi></math></span><span class="katex-html" aria-hidden="true">y</span></span> grows.</p>',
    );
    expect(html).toBe('<p>So <math><mi>y</mi></math> grows.</p>');
  });

  it('stops at a wrapper that shows other text, and at a paragraph', () => {
    const html = '<p><span>Let <math><mi>z</mi></math> be</span> given.</p>';
    expect(lifted(html)).toBe(html);
  });

  it('leaves MathML the site hides outright, beside the picture it shows instead', () => {
    const html =
      '<p>Then <span class="mwe-math-element"><span style="display: none;"><math><mi>a</mi></math></span><img src="/f.svg" alt="a" aria-hidden="true"></span> follows.</p>';
    expect(lifted(html)).toBe(html);
  });
});
