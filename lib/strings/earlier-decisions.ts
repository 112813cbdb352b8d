/** Every string of the review page's "earlier decisions" panel. */
import type { EarlierOutcome } from '../review/earlier-decisions';

export const EARLIER_OUTCOME_LABELS: Record<EarlierOutcome, string> = {
  production: 'Approved',
  pilot: 'Approved as a pilot',
  exception: 'Approved as a temporary exception',
  blocked: 'Blocked',
};

export const EARLIER_DECISION_TEXT = {
  title: 'Earlier decisions on this app',
  intro: 'Your company already decided on this app. Start from these answers; the reviewer will see what changed.',
  failed: (reason: string) => `Could not read the earlier decisions from the policy: ${reason}`,
  expired: (day: string) => `expired on ${day}`,
  expires: (day: string) => `valid through ${day}`,
  decidedBy: 'Decided by',
  decidedOn: 'On',
  unknown: 'not recorded',
  owner: 'Owner',
  reviewBy: 'Review due',
  link: 'Written decision',
  notes: 'Notes',
  reason: 'Reason',
  scopes: 'Approved scopes',
  where: 'In the policy at',
};
