import { defineRule, NO_FINDINGS } from './shared/rule';
import { listScopes } from './shared/scope-facts';

export const scopeCreep = defineRule({
  id: 'scope-creep',
  title: 'Scope creep',
  description: 'An approved app asks for more than was approved. The extra scopes need a new review.',
  defaultAction: 'review',
  defaultOptions: {},
  // Identity scopes never count as creep: the engine leaves them out of unapprovedScopes for an approved app
  // (lib/engine/evaluate-request.ts), because scope creep is about data, not about who signs in. Nor do narrower scopes
  // an approved one includes (`drive.readonly` under `drive`): the approval's keys already hold them
  // (lib/policy/scope-coverage.ts), so only access beyond the approved hierarchy reaches this rule.
  evaluate({ request, approval, unapprovedScopes, signInOnly }) {
    if (approval === undefined || signInOnly || unapprovedScopes.length === 0) return NO_FINDINGS;
    const extra = unapprovedScopes.map((info) => info.scope);
    const name = approval.entry.name ?? 'This app';
    // Slack's user_scope asks for a token that acts as the employee; say so, or "chat:write" looks already approved.
    const asEmployee = extra.filter((scope) => request.scopeSources[scope] === 'user_scope' || request.alsoUserScopes?.includes(scope) === true);
    const userNote =
      asEmployee.length === 0 ? '' : ` With ${listScopes(request.provider, asEmployee)} it would act as you, not only as the app, which was not approved.`;
    return [
      {
        severity: 'high',
        scopes: extra,
        message: `${name} is approved, but not for ${listScopes(request.provider, extra)}. It now asks for more than was approved, so the extra access needs a new review.${userNote}`,
      },
    ];
  },
});
