/**
 * When to try a failed webhook delivery again: exponential backoff from 30 seconds up to 6 hours, with jitter so
 * browsers that went offline together do not retry together. Deliveries are never dropped for failing; they are
 * dropped only when the outbox is full (oldest first) and that is counted and shown.
 */
const BASE_MS = 30_000;
const MAX_MS = 6 * 60 * 60_000;

export function nextAttemptDelayMs(attempts: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  const base = Math.min(MAX_MS, BASE_MS * 2 ** exponent);
  return Math.round(base * (0.8 + 0.4 * random()));
}
