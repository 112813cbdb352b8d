import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_WINDOW_DAYS, dueStatus, moreUrgent, needsAttention, reminderWindowDays, type DueState } from '../../../lib/policy/due-status';

describe('dueStatus', () => {
  it.each([
    // date, today, window, state, days
    [undefined, '2026-03-10', 7, 'none', undefined],
    ['2026-03-09', '2026-03-10', 7, 'overdue', -1],
    ['2025-12-31', '2026-03-10', 7, 'overdue', -69],
    // The date itself is still valid (lib/rules/approval-expired.ts: passed only when today > date).
    ['2026-03-10', '2026-03-10', 7, 'due-soon', 0],
    ['2026-03-17', '2026-03-10', 7, 'due-soon', 7],
    ['2026-03-18', '2026-03-10', 7, 'ok', 8],
    ['2026-03-18', '2026-03-10', 30, 'due-soon', 8],
    // Across a leap day and a daylight-saving change the count stays in whole calendar days.
    ['2028-03-01', '2028-02-28', 1, 'ok', 2],
    ['2026-03-30', '2026-03-28', 7, 'due-soon', 2],
  ] as const)('%s on %s (window %i) is %s', (date, today, window, state, days) => {
    expect(dueStatus(date, today, window)).toEqual(days === undefined ? { state } : { state, days });
  });
});

describe('reminderWindowDays', () => {
  it.each([
    [{}, DEFAULT_REMINDER_WINDOW_DAYS],
    [{ reminders: {} }, DEFAULT_REMINDER_WINDOW_DAYS],
    [{ reminders: { expiryWarningDays: 21 } }, 21],
  ])('%j gives %i days', (policy, days) => {
    expect(reminderWindowDays(policy)).toBe(days);
  });
});

describe('moreUrgent and needsAttention', () => {
  it.each<[DueState, DueState, DueState]>([
    ['overdue', 'ok', 'overdue'],
    ['ok', 'due-soon', 'due-soon'],
    ['none', 'ok', 'ok'],
    ['none', 'none', 'none'],
    ['due-soon', 'overdue', 'overdue'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(moreUrgent(a, b)).toBe(expected);
    expect(moreUrgent(b, a)).toBe(expected);
  });

  it.each<[DueState, boolean]>([
    ['overdue', true],
    ['due-soon', true],
    ['ok', false],
    ['none', false],
  ])('%s needs attention: %s', (state, expected) => {
    expect(needsAttention(state)).toBe(expected);
  });
});
