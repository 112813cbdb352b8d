import { describe, expect, it } from 'vitest';
import { formatAge, formatRetry } from '../../../lib/options/outbox-times';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const after = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('formatAge', () => {
  it.each([
    [before(0), '0 s'],
    [before(59_999), '59 s'],
    [before(60_000), '1 min'],
    [before(59 * 60_000), '59 min'],
    [before(3 * 3_600_000), '3 h'],
    [before(47 * 3_600_000), '47 h'],
    [before(5 * 86_400_000), '5 d'],
    // A clock that went back must not show a negative age.
    [after(10_000), '0 s'],
    ['not a time', 'not a time'],
  ])('%s is %s old', (createdAt, expected) => {
    expect(formatAge(createdAt, NOW)).toBe(expected);
  });
});

describe('formatRetry', () => {
  it.each([
    [after(30_000), 'in 30 s'],
    [after(2 * 3_600_000), 'in 2 h'],
    [NOW.toISOString(), 'due now'],
    [before(1_000), 'due now'],
    ['soon', 'soon'],
  ])('%s is %s', (nextAttemptAt, expected) => {
    expect(formatRetry(nextAttemptAt, NOW)).toBe(expected);
  });
});
