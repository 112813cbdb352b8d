import { defineRule, NO_FINDINGS } from './shared/rule';
import { listScopes } from './shared/scope-facts';

export const notApproved = defineRule({
  id: 'not-approved',
  title: 'Data access needs an approval',
  description:
    'An app that is not on the approved list may sign you in, but anything beyond sign-in needs a review first. Set to "block" to allow only approved apps.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, approval, signInOnly, scopes, isSignInOnly }) {
    if (approval !== undefined || signInOnly) return NO_FINDINGS;
    const data: string[] = [];
    for (const info of scopes) if (!isSignInOnly(info)) data.push(info.scope);
    // Two literals rather than a conditional spread, which builds a throw-away object; keys in the same order.
    if (data.length === 0) {
      return [
        {
          severity: 'warning',
          message: "This app is not on your company's approved list and asks for access beyond sign-in that it does not list.",
        },
      ];
    }
    return [
      {
        severity: 'warning',
        scopes: data,
        message: `This app is not on your company's approved list and asks for more than sign-in (${listScopes(request.provider, data)}).`,
      },
    ];
  },
});
