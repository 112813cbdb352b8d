import { defineRule, NO_FINDINGS } from './shared/rule';
import { listScopes } from './shared/scope-facts';

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
    return [
      {
        severity: 'warning',
        scopes: data,
        message: `This app asks to keep access when you are not using it (offline access), so it can use ${listScopes(data)} at any time until someone revokes it.`,
      },
    ];
  },
});
