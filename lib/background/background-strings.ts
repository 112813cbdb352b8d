/**
 * Every string the background shows a person (badge titles, notifications, error replies), in one place, ready
 * for translation. Page- and policy-controlled values are passed in as plain text.
 */
import type { ProviderId } from '../authorization-request';
import type { Verdict } from '../evaluation';
import type { Reminder } from './due-reminders';

function inDays(days: number): string {
  if (days === 0) return 'today is the last day';
  return days === 1 ? 'it ends tomorrow' : `it ends in ${days} days`;
}

function reminderMessage(reminder: Reminder): string {
  switch (reminder.kind) {
    case 'approval-expiring':
      return reminder.pilot
        ? `The test access for ${reminder.app} is valid through ${reminder.date}: ${inDays(reminder.days)}. Ask for a full review if the team keeps using it.`
        : `The approval of ${reminder.app} is valid through ${reminder.date}: ${inDays(reminder.days)}. Ask your administrator to renew it if the team still needs it.`;
    case 'review-date-passed':
      return `${reminder.app} was due for its check on ${reminder.date}. Open the review to see what it can reach and confirm it is still needed.`;
    case 'draft-unfinished':
      return `Your review of ${reminder.app} is still a draft (last edited ${reminder.date}). Finish and send it so it can be decided.`;
  }
}

const VERDICT_WORDS: Record<Verdict, string> = {
  approved: 'Approved',
  allowed: 'Allowed (sign-in only)',
  'needs-review': 'Needs review',
  blocked: 'Blocked',
};

export const backgroundStrings = {
  productName: 'Consent Gate',
  verdict: (verdict: Verdict) => VERDICT_WORDS[verdict],
  unknownApp: (provider: ProviderId, clientId: string) => `${provider} app ${clientId.length > 60 ? `${clientId.slice(0, 57)}...` : clientId}`,
  badgeTitle: (verdict: Verdict, app: string, scopeCount: number) =>
    `Consent Gate: ${VERDICT_WORDS[verdict]} - ${app} asks for ${scopeCount === 1 ? '1 permission' : `${scopeCount} permissions`}`,

  notificationTitle: (verdict: Verdict) => (verdict === 'blocked' ? 'Consent Gate: this app is blocked' : 'Consent Gate: this app needs a review'),
  notificationMessage: (app: string) =>
    `${app} asks for access to company data. Open Consent Gate from the toolbar to see what it asks for and to start a review.`,

  flowGone: 'This consent screen is no longer tracked (the tab moved on or 30 minutes passed). Reload the page to check it again.',
  reasonRequired: 'Type a reason to continue: your organization asks for one before anyone connects an app that needs a review.',
  continueBlocked: 'Your organization blocks this app until it has been reviewed. Request a review instead.',
  noFlowInTab: 'Consent Gate has not detected an authorization request in this tab.',
  overlayFailed: (reason: string) => `Consent Gate could not show its panel on this page: ${reason}`,
  reviewMissing: 'Consent Gate could not find that review; it may have been deleted.',
  notTopFrame: 'Consent Gate only runs in the page itself, not in embedded frames.',
  reviewNotSubmitted: 'This review has not been sent yet; only sent reviews are delivered.',

  reminderTitle: (reminder: Reminder) =>
    reminder.kind === 'approval-expiring'
      ? reminder.pilot
        ? 'Consent Gate: test access ends soon'
        : 'Consent Gate: an approval expires soon'
      : reminder.kind === 'review-date-passed'
        ? 'Consent Gate: an app is due for its check'
        : 'Consent Gate: your review is unfinished',
  reminderMessage,
} as const;
