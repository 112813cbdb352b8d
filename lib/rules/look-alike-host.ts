import { defineRule, NO_FINDINGS } from './shared/rule';

export const lookAlikeHost = defineRule({
  id: 'look-alike-host',
  title: 'Look-alike sign-in page',
  description:
    "The sign-in page's address imitates a real identity provider. There is nothing to review: it is blocked by default.",
  defaultAction: 'block',
  defaultOptions: {},
  evaluate({ request }) {
    const impersonation = request.impersonation;
    if (impersonation === undefined) return NO_FINDINGS;
    return [
      {
        severity: 'critical',
        message: `This page pretends to be ${impersonation.imitates} but is ${request.host}: ${impersonation.reason}. Do not sign in here.`,
      },
    ];
  },
});
