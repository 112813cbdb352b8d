/** What reading one policy source gave: the policy it contributes (maybe its last good copy) and any error. */
import type { ParsePolicyResult } from '../policy/parse-policy';
import type { Policy } from '../policy/schema';

export interface SourceReading {
  /** The policy this source contributes: the current one, or its last good copy when the current one is bad. */
  policy?: Policy;
  /** Why the source's current content is not what is in force. */
  error?: string;
  /** ISO time the source last changed or was last read successfully. */
  updatedAt?: string;
  /** The read itself failed (storage unavailable): do not cache, try again on the next call. */
  transient?: boolean;
}

/** "N problems; first: where, what, fix" for a policy that did not parse. */
export function describePolicyErrors(result: Extract<ParsePolicyResult, { ok: false }>): string {
  const first = result.errors[0];
  const count = result.errors.length;
  const where = first === undefined ? '' : ` First: ${first.path}: ${first.message} ${first.fix}`;
  return `(${count} ${count === 1 ? 'problem' : 'problems'}); Consent Gate keeps the last valid policy.${where}`;
}

export function samePolicy(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
