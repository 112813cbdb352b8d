import { describe, expect, it } from 'vitest';
import { nextAttemptDelayMs } from '../../../lib/reporting/retry-schedule';

describe('nextAttemptDelayMs', () => {
  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [10, 0.5, 15_360_000],
    [11, 0.5, 6 * 60 * 60_000],
    [1000, 0.5, 6 * 60 * 60_000],
    [0, 0.5, 30_000],
    [1, 0, 24_000],
    [1, 1, 36_000],
  ])('attempt %i with random %f waits %i ms', (attempts, random, expected) => {
    expect(nextAttemptDelayMs(attempts, () => random)).toBe(expected);
  });
});
