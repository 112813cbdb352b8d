import { defineRule, NO_FINDINGS } from './shared/rule';

export const reviewDatePassed = defineRule({
  id: 'review-date-passed',
  title: 'Review date passed',
  description:
    'The approval was due to be checked again and has not been. The app stays approved; the owner is reminded.',
  defaultAction: 'inform',
  defaultOptions: {},
  evaluate({ approval, today }) {
    const reviewBy = approval?.entry.reviewBy;
    if (approval === undefined || reviewBy === undefined || today <= reviewBy) return NO_FINDINGS;
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
