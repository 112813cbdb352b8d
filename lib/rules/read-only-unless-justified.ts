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
  evaluate({ request, unapprovedScopes }) {
    // One list, built only on the first writing scope: this runs on every request and most only read.
    let writing: string[] | undefined;
    for (const info of unapprovedScopes) if (canChangeData(info)) (writing ??= []).push(info.scope);
    if (writing === undefined) return NO_FINDINGS;
    return [
      {
        severity: 'high',
        scopes: writing,
        message: `This app asks to change or delete data (${listScopes(request.provider, writing)}), not only to read it. Write access needs an approved reason: ask whether read-only would do the job.`,
      },
    ];
  },
});
