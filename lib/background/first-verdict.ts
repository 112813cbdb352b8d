/**
 * A User Timing mark in the service worker at its first verdict: the mark's start time is how long this worker
 * took from its own start to judging its first request. `npm run bench:browser` reads it to time a cold start.
 * Costs one mark per worker.
 */
export const FIRST_VERDICT_MARK = 'consent-gate:first-verdict';

let marked = false;

export function markFirstVerdict(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_VERDICT_MARK);
}
