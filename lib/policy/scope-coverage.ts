/**
 * Which requested scopes an approval covers: the scopes it lists, in comparison form (lib/policy/scope-key.ts),
 * and the narrower scopes each of them includes in the provider's hierarchy (lib/scopes/implications/). An
 * approval for `drive` covers a request for `drive.readonly`; an approval for `drive.readonly` never covers `drive`.
 */
import type { ProviderId } from '../authorization-request';
import { withImpliedScopes } from '../scopes/implications';
import { scopeKey } from './scope-key';

/** The keys of every scope the listed approved scopes cover. Built once per approval (lib/engine/compile-policy.ts). */
export function approvedScopeKeys(provider: ProviderId, approvedScopes: readonly string[]): ReadonlySet<string> {
  return withImpliedScopes(
    provider,
    approvedScopes.map((scope) => scopeKey(provider, scope)),
  );
}

/** Whether an approval listing `approvedScopes` covers a request for `requested`. */
export function approvalCoversScope(provider: ProviderId, approvedScopes: readonly string[], requested: string): boolean {
  return approvedScopeKeys(provider, approvedScopes).has(scopeKey(provider, requested));
}
