/**
 * Which reminders are due today for this person's own reviews. Pure. A person hears about the apps they asked
 * for: before the approval (or the pilot's test access) of an app they reviewed expires, once its review date has
 * passed, and about a draft they left unfinished. Each reminder is shown at most once per item per day.
 */
import { dueStatus, reminderWindowDays } from '../policy/due-status';
import { daysBetween, toIsoDate } from '../policy/iso-date';
import type { ApprovedIntegration, Policy } from '../policy/schema';
import type { ReviewRecord } from '../storage/records';

export const DEFAULT_DRAFT_REMINDER_DAYS = 2;

export type ReminderKind = 'approval-expiring' | 'review-date-passed' | 'draft-unfinished';

export interface Reminder {
  /** Identifies the item: one reminder per key per day. */
  key: string;
  kind: ReminderKind;
  /** The review the notification opens. */
  reviewId: string;
  app: string;
  /** approval-expiring: the last valid day; review-date-passed: the review date; draft-unfinished: last edit day. */
  date: string;
  /** approval-expiring: days left (0 = last day); draft-unfinished: days since the last edit. */
  days: number;
  /** The approval is a pilot: its test access ends. */
  pilot: boolean;
}

/** Key -> the day (YYYY-MM-DD) it was last shown. */
export type ShownReminders = Readonly<Record<string, string>>;

function requestHost(review: ReviewRecord): string | undefined {
  try {
    return new URL(review.prefill.requestUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function approvalsFor(policy: Policy, review: ReviewRecord): ApprovedIntegration[] {
  const host = requestHost(review);
  return (policy.approvedIntegrations ?? []).filter(
    (approval) =>
      approval.provider === review.prefill.provider &&
      approval.clientId === review.prefill.clientId &&
      (approval.host === undefined || approval.host.toLowerCase() === host),
  );
}

function appName(review: ReviewRecord, approval?: ApprovedIntegration): string {
  const typed = review.answers.toolName;
  if (typeof typed === 'string' && typed.trim() !== '') return typed.trim();
  return review.prefill.appName?.trim() || approval?.name || review.prefill.clientId;
}

/** Reviews of the same app remind once: the most recently changed review carries it. */
function newestFirst(reviews: readonly ReviewRecord[]): ReviewRecord[] {
  return [...reviews].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function dueReminders(policy: Policy, reviews: readonly ReviewRecord[], today: string, alreadyShown: ShownReminders): Reminder[] {
  // The same window and the same reading of dates as the options page's table (lib/policy/due-status.ts).
  const warningDays = reminderWindowDays(policy);
  const draftDays = policy.reminders?.draftReminderDays ?? DEFAULT_DRAFT_REMINDER_DAYS;
  const due = new Map<string, Reminder>();
  const add = (reminder: Reminder) => {
    if (alreadyShown[reminder.key] === today || due.has(reminder.key)) return;
    due.set(reminder.key, reminder);
  };

  for (const review of newestFirst(reviews)) {
    if (review.status === 'draft') {
      const edited = Date.parse(review.updatedAt);
      if (Number.isNaN(edited)) continue;
      const lastEdit = toIsoDate(new Date(edited));
      const idle = daysBetween(lastEdit, today);
      if (idle >= draftDays) {
        add({ key: `draft:${review.id}`, kind: 'draft-unfinished', reviewId: review.id, app: appName(review), date: lastEdit, days: idle, pilot: false });
      }
      continue;
    }
    if (review.status === 'declined') continue;
    const client = `${review.prefill.provider}:${review.prefill.clientId}`;
    for (const approval of approvalsFor(policy, review)) {
      const pilot = approval.kind === 'pilot';
      const expiry = dueStatus(approval.expiresOn, today, warningDays);
      if (approval.expiresOn !== undefined && expiry.state === 'due-soon') {
        add({ key: `expiring:${client}:${approval.expiresOn}`, kind: 'approval-expiring', reviewId: review.id, app: appName(review, approval), date: approval.expiresOn, days: expiry.days ?? 0, pilot });
      }
      const reviewDate = dueStatus(approval.reviewBy, today, warningDays);
      if (approval.reviewBy !== undefined && reviewDate.state === 'overdue') {
        add({ key: `review-date:${client}:${approval.reviewBy}`, kind: 'review-date-passed', reviewId: review.id, app: appName(review, approval), date: approval.reviewBy, days: -(reviewDate.days ?? 0), pilot });
      }
    }
  }
  return [...due.values()];
}

/** What to remember after showing `shown` today: only today's entries matter tomorrow, so older ones are dropped. */
export function rememberShown(previous: ShownReminders, shown: readonly Reminder[], today: string): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(previous).filter(([, day]) => day === today));
  for (const reminder of shown) kept[reminder.key] = today;
  return kept;
}
