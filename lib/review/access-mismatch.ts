/**
 * Compares the requester's "read, write or both" with what the requested scopes allow. The seed's most common
 * first-day mistake is write access where read-only would do, so the disagreement is shown next to the answer.
 */
import type { ProviderId } from '../authorization-request';
import { scopeDisplayName } from '../scopes/scope-display-name';
import type { ReviewPrefill } from '../storage/records';
import { ACCESS_MISMATCH_TEXT } from '../strings/review';

const CHANGING_ACCESS = new Set(['write', 'delete', 'admin']);

export type AccessMismatch =
  /** The person says read-only; these scopes can change, delete or administer data. */
  | { kind: 'answer-read-scopes-write'; scopes: string[] }
  /** The person says the tool writes; no requested scope can. */
  | { kind: 'answer-write-scopes-read' };

export function findAccessMismatch(accessNeeded: unknown, scopes: ReviewPrefill['scopes']): AccessMismatch | undefined {
  if (scopes.length === 0) return undefined;
  const changing = scopes.filter((scope) => scope.access.some((access) => CHANGING_ACCESS.has(access))).map((scope) => scope.scope);
  if (accessNeeded === 'read' && changing.length > 0) return { kind: 'answer-read-scopes-write', scopes: changing };
  if ((accessNeeded === 'write' || accessNeeded === 'read-write') && changing.length === 0) return { kind: 'answer-write-scopes-read' };
  return undefined;
}

/** The scopes by their short names: the requester reads this next to the answer, and the prefill lists them in full. */
export function describeAccessMismatch(mismatch: AccessMismatch, provider: ProviderId): string {
  return mismatch.kind === 'answer-read-scopes-write'
    ? ACCESS_MISMATCH_TEXT.answerReadScopesWrite(mismatch.scopes.map((scope) => scopeDisplayName(provider, scope)).join(', '))
    : ACCESS_MISMATCH_TEXT.answerWriteScopesRead;
}
