import { expect, it } from 'vitest';
import { useSession } from './support/session';
import { expected, norm } from '../fixtures/fortune/expected';

const session = useSession();

const RUNS = 5;

it('cleans the div-soup page in the real toolbar popup, and times click → preview', async () => {
  const tab = await session.browser.openTab(session.server.url('/fortune/div-soup.html'));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { popup, clickedAt } = await session.browser.clickToolbarButton(tab);
    try {
      const shownAt = await popup.waitFor('[data-testid=preview]');
      times.push(shownAt - clickedAt);
      expect(norm(await popup.text('[data-testid=title]'))).toBe(expected.title);
      const preview = await popup.evaluate<string>(`document.querySelector('[data-testid=preview]').textContent`);
      const visible = await popup.text('body');
      for (const clutter of ['Recommended Video', 'Read More:', 'Lorem ipsum']) {
        expect(preview).not.toContain(clutter);
        expect(visible).not.toContain(clutter);
      }
      expect(norm(preview)).toContain(norm(expected.paragraphs[0]!));
    } finally {
      await popup.close();
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`toolbar click → preview: median ${median} ms over ${RUNS} runs (${times.join(', ')} ms)`);
  expect(session.browser.offsiteResponses).toEqual([]);
});
