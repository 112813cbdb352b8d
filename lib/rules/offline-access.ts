import { defineRule, NO_FINDINGS } from './shared/rule';

export const offlineAccess = defineRule({
  id: 'offline-access',
  title: 'Offline access is persistent access',
  description:
    'Offline access (a refresh token) lets a tool keep reading data after the person closes it, until someone revokes it. With data scopes, that needs an owner and a review.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, unapprovedScopes, isSignInOnly }) {
    if (!request.offlineAccess) return NO_FINDINGS;
    const data: string[] = [];
    for (const info of unapprovedScopes) if (!isSignInOnly(info)) data.push(info.scope);
    if (data.length === 0) return NO_FINDINGS;
    // The message names no scopes: these are the very ones the not-approved or scope-creep finding already names,
    // and the finding's `scopes` and the scope list carry them.
    return [
      {
        severity: 'warning',
        scopes: data,
        message:
          'This app asks to keep access when you are not using it (offline access), so it can use the data it asks for at any time until someone revokes it.',
      },
    ];
  },
});
