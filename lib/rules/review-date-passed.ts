import { defineRule, NO_FINDINGS } from './shared/rule';

export const reviewDatePassed = defineRule({
  id: 'review-date-passed',
  title: 'Review date passed',
  description:
    'The approval was due to be checked again and has not been. The app stays approved; the owner is reminded.',
  defaultAction: 'inform',
  defaultOptions: {},
  evaluate({ approval, today, signInOnly }) {
    const reviewBy = approval?.entry.reviewBy;
    // A reminder about the approval's data access; a sign-in alone needs no approval, so it is not the moment.
    if (approval === undefined || signInOnly || reviewBy === undefined || today <= reviewBy) return NO_FINDINGS;
    const name = approval.entry.name ?? 'This app';
    const owner = approval.entry.owner === undefined ? 'its owner' : approval.entry.owner;
    return [
      {
        severity: 'warning',
        message: `${name} was due for its review on ${reviewBy}. It is still approved; ${owner} should recheck it.`,
      },
    ];
  },
});
