import { TIMED_OUT, withBudget as within } from '../../lib/budget';

/** `work`, or a rejection with `message` once `ms` have passed: for waits whose caller reports failures one way. */
export async function withBudget<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  const result = await within(work, ms);
  if (result === TIMED_OUT) throw new Error(message);
  return result;
}
