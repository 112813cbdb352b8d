/**
 * Every provider's scope hierarchy, one module each, and the closure approval matching uses. A provider without
 * a module has no hierarchy here: its approvals cover exactly the scopes they list.
 */
import type { ProviderId } from '../../authorization-request';
import { githubImplications } from './github';
import { googleImplications } from './google';
import { microsoftImplications } from './microsoft';
import type { ScopeImplications } from './scope-implications';
import { slackImplications } from './slack';

export const SCOPE_IMPLICATIONS: readonly ScopeImplications[] = [googleImplications, microsoftImplications, githubImplications, slackImplications];

const byProvider: ReadonlyMap<ProviderId, ScopeImplications> = new Map(SCOPE_IMPLICATIONS.map((entry) => [entry.provider, entry]));

/**
 * The approved scope keys together with every narrower key they imply, following the hierarchy down as far as it
 * goes (`drive` → `drive.readonly` → `drive.metadata.readonly`). Keys are in comparison form
 * (lib/policy/scope-key.ts). Never adds a broader scope than one approved.
 */
export function withImpliedScopes(provider: ProviderId, approvedKeys: Iterable<string>): Set<string> {
  const covered = new Set(approvedKeys);
  const implications = byProvider.get(provider);
  if (implications === undefined) return covered;
  const pending = [...covered];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    for (const narrower of implications.narrowerThan(key)) {
      if (!covered.has(narrower)) {
        covered.add(narrower);
        pending.push(narrower);
      }
    }
  }
  return covered;
}

export type { ImplicationRow, ScopeImplications } from './scope-implications';
