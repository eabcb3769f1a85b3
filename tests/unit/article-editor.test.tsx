// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleEditor } from '../../components/ArticleEditor';
import type { ArticleEdit } from '../../lib/library/saved-article';

const host = () => document.body.appendChild(document.createElement('div'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const field = (root: Element, id: string) => root.querySelector<HTMLInputElement>(`[data-testid=${id}]`)!;

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the article editor', () => {
  it('keeps what the reader typed before the editor had settled', async () => {
    const root = host();
    const saved: ArticleEdit[] = [];
    render(<ArticleEditor title="Old title" tags={['a']} notes="" onSave={(e) => saved.push(e)} />, root);
    // A fast reader (or a test) types in the very frame the editor appears.
    type(field(root, 'edit-title'), 'A title of my own');
    await settle();
    type(field(root, 'edit-notes'), 'A note.');
    await settle();
    field(root, 'edit-save').click();
    expect(saved).toEqual([{ title: 'A title of my own', tags: ['a'], notes: 'A note.' }]);
  });
});
