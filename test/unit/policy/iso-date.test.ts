import { describe, expect, it } from 'vitest';
import { daysBetween, toIsoDate } from '../../../lib/policy/iso-date';

describe('iso dates', () => {
  it.each([
    [new Date(2026, 0, 5, 0, 0), '2026-01-05'],
    [new Date(2026, 11, 31, 23, 59), '2026-12-31'],
    [new Date(999, 1, 3, 12), '0999-02-03'],
  ])('toIsoDate(%s) is the local day %s', (date, iso) => {
    expect(toIsoDate(date)).toBe(iso);
  });

  it.each([
    ['2026-03-01', '2026-03-15', 14],
    ['2026-03-15', '2026-03-01', -14],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-01-01', '2027-01-01', 365],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
