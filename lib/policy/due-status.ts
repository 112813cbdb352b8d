/**
 * Whether an approval's review date or expiry needs attention, the way the rules judge it
 * (lib/rules/review-date-passed.ts, lib/rules/approval-expired.ts): the date itself is still fine, the day after
 * it has passed. "Due soon" uses the reminder window admins set in `reminders.expiryWarningDays`.
 */
import { daysBetween } from './iso-date';
import type { Policy } from './schema';

/** The schema's documented default for `reminders.expiryWarningDays` (lib/policy/schema.ts). */
export const DEFAULT_REMINDER_WINDOW_DAYS = 7;

export const DUE_STATES = ['overdue', 'due-soon', 'ok', 'none'] as const;
export type DueState = (typeof DUE_STATES)[number];

export interface DueStatus {
  state: DueState;
  /** Days from today to the date (negative once passed); absent when there is no date. */
  days?: number;
}

export function reminderWindowDays(policy: Pick<Policy, 'reminders'>): number {
  return policy.reminders?.expiryWarningDays ?? DEFAULT_REMINDER_WINDOW_DAYS;
}

/** `date` and `today` are `YYYY-MM-DD`; the policy schema guarantees real calendar days. */
export function dueStatus(date: string | undefined, today: string, windowDays: number): DueStatus {
  if (date === undefined) return { state: 'none' };
  const days = daysBetween(today, date);
  if (days < 0) return { state: 'overdue', days };
  if (days <= windowDays) return { state: 'due-soon', days };
  return { state: 'ok', days };
}

/** The more urgent of two states, for a row that has both a review date and an expiry. */
export function moreUrgent(a: DueState, b: DueState): DueState {
  return DUE_STATES.indexOf(a) <= DUE_STATES.indexOf(b) ? a : b;
}

export function needsAttention(state: DueState): boolean {
  return state === 'overdue' || state === 'due-soon';
}
