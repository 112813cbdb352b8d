import { describe, expect, it } from 'vitest';
import { formatUpdated } from '../../../lib/strings/popup';

const now = new Date('2025-03-10T12:00:00.000Z');

describe('formatUpdated', () => {
  it.each([
    ['2025-03-10T11:59:45.000Z', 'just now'],
    ['2025-03-10T11:55:00.000Z', '5 min ago'],
    ['2025-03-10T09:00:00.000Z', '3 h ago'],
    ['2025-03-09T06:00:00.000Z', 'yesterday'],
    ['not a date', 'not a date'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatUpdated(iso, now)).toBe(expected);
  });

  it('falls back to a date for older changes', () => {
    expect(formatUpdated('2025-01-02T12:00:00.000Z', now)).toMatch(/2025/);
  });
});
