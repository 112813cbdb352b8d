import type { DataClass } from '../scopes/scope-info';
import { defineRule, NO_FINDINGS } from './shared/rule';
import { listDataClasses, listScopes, systemOf } from './shared/scope-facts';

export const narrowScopes = defineRule({
  id: 'narrow-scopes',
  title: 'Narrow scopes: one system, one purpose',
  description:
    'A tool that is not approved should reach one system for one purpose. A request that spans many systems or kinds of data is wider than any single job needs.',
  defaultAction: 'review',
  defaultOptions: { maxDataClasses: 3, maxSystems: 3 },
  evaluate({ request, unapprovedScopes, isSignInOnly, settings }) {
    // Runs on every request: count first, and build sets, names and text only when a limit can be exceeded. Each
    // data scope names one system and its own data classes, so totals under a limit cannot exceed it.
    let dataScopeCount = 0;
    let classEntries = 0;
    for (const info of unapprovedScopes) {
      if (isSignInOnly(info)) continue;
      dataScopeCount += 1;
      classEntries += info.dataClasses.length;
    }
    if (dataScopeCount <= settings.maxSystems && classEntries <= settings.maxDataClasses) return NO_FINDINGS;
    const dataScopes = unapprovedScopes.filter((info) => !isSignInOnly(info));
    const classes = new Set<DataClass>();
    const systems = new Set<string>();
    for (const info of dataScopes) {
      for (const dataClass of info.dataClasses) classes.add(dataClass);
      if (dataScopeCount > settings.maxSystems) systems.add(systemOf(info.scope));
    }
    const reasons: string[] = [];
    if (classes.size > settings.maxDataClasses) {
      reasons.push(`${classes.size} kinds of data (${listDataClasses(classes)}; at most ${settings.maxDataClasses} allowed)`);
    }
    if (systems.size > settings.maxSystems) {
      reasons.push(`${systems.size} different systems (${[...systems].join(', ')}; at most ${settings.maxSystems} allowed)`);
    }
    if (reasons.length === 0) return NO_FINDINGS;
    const names = dataScopes.map((info) => info.scope);
    return [
      {
        severity: 'warning',
        scopes: names,
        message: `This app reaches ${reasons.join(' and ')} through ${listScopes(request.provider, names)}. One tool should serve one purpose: ask for a review, or for narrower access.`,
      },
    ];
  },
});
