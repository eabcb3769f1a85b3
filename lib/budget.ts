/** What a wait that ran out of time gives back instead of its result. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * `work`, or TIMED_OUT once `ms` have passed without it settling. The work
 * itself goes on (a tab or a worker cannot always be stopped); only the wait
 * for it ends, so the reader is never left looking at a busy notice.
 */
export function withBudget<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((done) => {
    timer = setTimeout(() => done(TIMED_OUT), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/** How long an extension page waits on its own storage before saying so: IndexedDB can be held up by another tab's open connection. */
export const STORAGE_BUDGET_MS = 10_000;

/** `work`'s result, or a rejection with `message` once `ms` have passed without it. */
export async function orTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  const result = await withBudget(work, ms);
  if (result === TIMED_OUT) throw new Error(message);
  return result;
}
