import { defineRule, NO_FINDINGS } from './shared/rule';
import { canChangeData } from '../scopes/scope-risk';
import { listScopes } from './shared/scope-facts';

export const readOnlyUnlessJustified = defineRule({
  id: 'read-only-unless-justified',
  title: 'Read-only unless justified',
  description:
    'A tool that is not approved gets read access only. Scopes that change or delete data need a reviewed reason first.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ unapprovedScopes }) {
    const writing = unapprovedScopes.filter(canChangeData).map((info) => info.scope);
    if (writing.length === 0) return NO_FINDINGS;
    return [
      {
        severity: 'high',
        scopes: writing,
        message: `This app asks to change or delete data (${listScopes(writing)}), not only to read it. Write access needs an approved reason: ask whether read-only would do the job.`,
      },
    ];
  },
});
