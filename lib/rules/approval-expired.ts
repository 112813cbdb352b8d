import { defineRule, NO_FINDINGS } from './shared/rule';

export const approvalExpired = defineRule({
  id: 'approval-expired',
  title: 'Approval expired',
  description: 'The approval has an expiry date and it has passed. The app needs a new review before it is used again.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ approval, today, signInOnly }) {
    const expiresOn = approval?.entry.expiresOn;
    // Signing in needs no approval (an unknown app may do it), so a lapsed approval changes nothing for it.
    if (approval === undefined || signInOnly || expiresOn === undefined || today <= expiresOn) return NO_FINDINGS;
    const name = approval.entry.name ?? 'This app';
    const owner = approval.entry.owner === undefined ? '' : ` Its owner is ${approval.entry.owner}.`;
    return [
      {
        severity: 'high',
        message: `${name} was approved only until ${expiresOn}; that approval has expired and needs a new review.${owner}`,
      },
    ];
  },
});
