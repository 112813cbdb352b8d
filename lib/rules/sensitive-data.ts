import { SENSITIVE_DATA_CLASSES, type DataClass } from '../scopes/scope-info';
import { defineRule, NO_FINDINGS } from './shared/rule';
import { listDataClasses, listScopes, sensitiveClasses } from './shared/scope-facts';

const DEFAULT_SENSITIVE: ReadonlySet<DataClass> = new Set(SENSITIVE_DATA_CLASSES);
// Compiled sets per admin-chosen list, so a custom list costs one Set per policy, not one per request.
const customSets = new WeakMap<readonly DataClass[], ReadonlySet<DataClass>>();

function sensitiveSet(classes: readonly DataClass[]): ReadonlySet<DataClass> {
  if (classes === SENSITIVE_DATA_CLASSES) return DEFAULT_SENSITIVE;
  let set = customSets.get(classes);
  if (set === undefined) {
    set = new Set(classes);
    customSets.set(classes, set);
  }
  return set;
}

function touchesAny(dataClasses: readonly DataClass[], sensitive: ReadonlySet<DataClass>): boolean {
  for (const dataClass of dataClasses) if (sensitive.has(dataClass)) return true;
  return false;
}

export const sensitiveData = defineRule({
  id: 'sensitive-data',
  title: 'Sensitive data classes need a review',
  description:
    'Mail and chat, all files, contacts, customer, payment, health, employee data, credentials and source code are reviewed before any tool that is not approved reads them.',
  defaultAction: 'review',
  defaultOptions: { dataClasses: SENSITIVE_DATA_CLASSES as DataClass[] },
  evaluate({ request, unapprovedScopes, isSignInOnly, settings }) {
    const sensitive = sensitiveSet(settings.dataClasses);
    // Built on the first sensitive scope: most requests have none, and a Set per request is a measurable cost.
    let scopes: string[] | undefined;
    let classes: Set<DataClass> | undefined;
    for (const info of unapprovedScopes) {
      // Most scopes touch no sensitive class: check before `sensitiveClasses` allocates a list.
      if (isSignInOnly(info) || !touchesAny(info.dataClasses, sensitive)) continue;
      const found = sensitiveClasses(info, sensitive);
      if (found.length === 0) continue;
      (scopes ??= []).push(info.scope);
      classes ??= new Set();
      for (const dataClass of found) classes.add(dataClass);
    }
    if (scopes === undefined || classes === undefined) return NO_FINDINGS;
    return [
      {
        severity: 'high',
        scopes,
        message: `This app asks for sensitive data (${listDataClasses(classes)}) through ${listScopes(request.provider, scopes)}. Sensitive data needs a review before any tool gets it.`,
      },
    ];
  },
});
