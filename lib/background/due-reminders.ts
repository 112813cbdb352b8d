/**
 * Which reminders are due today for this person's own reviews. Pure. A person hears about the apps they asked
 * for: before the approval (or the pilot's test access) of an app they reviewed expires, once its review date has
 * passed, and about a draft they left unfinished. Each reminder is shown at most once per item per day.
 */
import { daysBetween, toIsoDate } from '../policy/iso-date';
import type { ApprovedIntegration, Policy } from '../policy/schema';
import type { ReviewRecord } from '../storage/records';

export const DEFAULT_EXPIRY_WARNING_DAYS = 7;
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
  const warningDays = policy.reminders?.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
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
      if (approval.expiresOn !== undefined) {
        const left = daysBetween(today, approval.expiresOn);
        if (left >= 0 && left <= warningDays) {
          add({ key: `expiring:${client}:${approval.expiresOn}`, kind: 'approval-expiring', reviewId: review.id, app: appName(review, approval), date: approval.expiresOn, days: left, pilot });
        }
      }
      if (approval.reviewBy !== undefined && approval.reviewBy < today) {
        add({ key: `review-date:${client}:${approval.reviewBy}`, kind: 'review-date-passed', reviewId: review.id, app: appName(review, approval), date: approval.reviewBy, days: daysBetween(approval.reviewBy, today), pilot });
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
