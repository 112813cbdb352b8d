/**
 * Enterprise managed policy, validated key by key. A policy file, local or remote, is all or nothing: a bad file
 * never replaces a good one. Managed policy cannot work that way: it carries the lock (`allowLocalPolicy`), the
 * enforcement mode and the remote config's address and key, and a typo in one approval must not switch all of
 * them off. So each problem is reported with its path and only the part it sits in is dropped:
 *
 * - a bad approval drops that approval only (its app is then judged like any unapproved app);
 * - a bad block entry drops that entry; a block that contradicts an approval drops the approval, never the block;
 * - a bad rule setting drops that rule's settings (the rule keeps its default);
 * - an invalid `enforcement` falls back to the last good managed value, or to `block` when there is none;
 * - an invalid `allowLocalPolicy` means `false`: a lock the admin tried to set stays set;
 * - an invalid `configUrl`, `configPublicKey` or `configRefreshMinutes` keeps the last good managed value: without
 *   it the signed remote config (its approvals, blocks and enforcement) would drop out and leave the defaults;
 * - any other bad key is dropped whole.
 */
import { parsePolicy, type PolicyError } from './parse-policy';
import type { EnforcementMode, Policy } from './schema';

export interface ManagedPolicyResult {
  /** Every valid part of the managed policy, with the fallbacks above applied. */
  policy: Policy;
  /** What was wrong, each with its JSON path; empty when the whole policy was valid. */
  errors: PolicyError[];
}

/** The enforcement used when the managed value is invalid and no earlier managed value is known. */
export const FALLBACK_ENFORCEMENT: EnforcementMode = 'block';

/** Rounds of drop-and-check; each round removes at least one part, and a policy has few top-level parts. */
const MAX_ROUNDS = 8;

type Part = { kind: 'key'; key: string } | { kind: 'entry'; key: string; index: number } | { kind: 'rule'; rule: string };

/** The part of the policy an error path points into: `$.approvedIntegrations[3].expiresOn` -> approval 3. */
export function partOfPath(path: string): Part | undefined {
  // Keys that are not identifiers are written `['narrow-scopes']` (lib/policy/parse-json-text.ts appendKey).
  const match = /^\$\.([A-Za-z$_][\w$]*)(?:\[(\d+)\]|\.([\w$]+)|\['([^'\\]+)'\])?/.exec(path);
  if (match === null) return undefined;
  const [, key, index, plainChild, quotedChild] = match as unknown as [string, string, string | undefined, string | undefined, string | undefined];
  const child = plainChild ?? quotedChild;
  if ((key === 'approvedIntegrations' || key === 'blockedIntegrations') && index !== undefined) {
    return { kind: 'entry', key, index: Number(index) };
  }
  if (key === 'rules' && child !== undefined) return { kind: 'rule', rule: child };
  return { kind: 'key', key };
}

/** A block that contradicts an approval is reported on the block; to fail closed the approval is what goes. */
function approvalInConflict(error: PolicyError): number | undefined {
  const match = /both blocked and approved \(at \$\.approvedIntegrations\[(\d+)\]\)/.exec(error.message);
  return match === null ? undefined : Number(match[1]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseManagedPolicy(input: unknown, lastGood?: Policy): ManagedPolicyResult {
  const whole = parsePolicy(input);
  if (whole.ok) return { policy: whole.policy, errors: [] };
  if (!isRecord(input)) return { policy: { enforcement: lastGood?.enforcement ?? FALLBACK_ENFORCEMENT, allowLocalPolicy: false }, errors: whole.errors };

  const working: Record<string, unknown> = { ...input };
  for (const key of ['approvedIntegrations', 'blockedIntegrations'] as const) {
    if (Array.isArray(working[key])) working[key] = [...(working[key] as unknown[])];
  }
  if (isRecord(working.rules)) working.rules = { ...working.rules };

  const reported: PolicyError[] = [];
  // Within a round, entries are blanked in place and removed after it, so every index of that round's errors
  // still points at the entry it named; the next round's errors refer to the compacted lists.
  const removed = new Set<unknown>();
  const fallbacks: Partial<Policy> = {};
  let errors = whole.errors;

  for (let round = 0; round < MAX_ROUNDS && errors.length > 0; round += 1) {
    reported.push(...errors);
    for (const error of errors) {
      const conflict = approvalInConflict(error);
      if (conflict !== undefined) {
        dropEntry(working, 'approvedIntegrations', conflict, removed);
        continue;
      }
      const part = partOfPath(error.path);
      if (part === undefined) continue;
      if (part.kind === 'entry') dropEntry(working, part.key, part.index, removed);
      else if (part.kind === 'rule' && isRecord(working.rules)) delete working.rules[part.rule];
      else if (part.kind === 'key') {
        delete working[part.key];
        if (part.key === 'enforcement') fallbacks.enforcement = lastGood?.enforcement ?? FALLBACK_ENFORCEMENT;
        if (part.key === 'allowLocalPolicy') fallbacks.allowLocalPolicy = false;
        if (isRemoteConfigKey(part.key) && lastGood?.[part.key] !== undefined) {
          (fallbacks as Record<string, unknown>)[part.key] = lastGood[part.key];
        }
      }
    }
    Object.assign(working, withoutRemoved(working, removed));
    removed.clear();
    const next = parsePolicy({ ...working, ...fallbacks });
    if (next.ok) return { policy: next.policy, errors: dedupe(reported) };
    // An error at the top level (`$`) names no part: only the keys that are valid on their own can stay.
    if (next.errors.every((error) => partOfPath(error.path) === undefined)) break;
    errors = next.errors;
  }
  return { policy: keysValidAlone(working, fallbacks, lastGood), errors: dedupe(reported) };
}

/** The keys that say where the signed remote config is and how it is checked. */
const REMOTE_CONFIG_KEYS = ['configUrl', 'configPublicKey', 'configRefreshMinutes'] as const;

function isRemoteConfigKey(key: string): key is (typeof REMOTE_CONFIG_KEYS)[number] {
  return (REMOTE_CONFIG_KEYS as readonly string[]).includes(key);
}

function dropEntry(working: Record<string, unknown>, key: string, index: number, removed: Set<unknown>): void {
  const list = working[key];
  if (!Array.isArray(list) || index >= list.length) return;
  // A placeholder object: unique, so it can be filtered out however many entries share a value.
  const placeholder = {};
  list[index] = placeholder;
  removed.add(placeholder);
}

function withoutRemoved(working: Record<string, unknown>, removed: Set<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...working };
  for (const key of ['approvedIntegrations', 'blockedIntegrations']) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.filter((entry) => !removed.has(entry));
  }
  return out;
}

/** The last resort: each top-level key checked on its own, so whatever still fails to combine is left out. */
function keysValidAlone(candidate: Record<string, unknown>, fallbacks: Partial<Policy>, lastGood: Policy | undefined): Policy {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    const alone = parsePolicy({ [key]: value });
    if (alone.ok) Object.assign(out, alone.policy);
  }
  if (out.enforcement === undefined && (fallbacks.enforcement !== undefined || candidate.enforcement !== undefined)) {
    out.enforcement = lastGood?.enforcement ?? FALLBACK_ENFORCEMENT;
  }
  if (out.allowLocalPolicy === undefined && (fallbacks.allowLocalPolicy !== undefined || candidate.allowLocalPolicy !== undefined)) {
    out.allowLocalPolicy = false;
  }
  Object.assign(out, fallbacks);
  const checked = parsePolicy(out);
  // Keys that pass alone but not together (two lists that contradict): keep only the safety keys.
  if (checked.ok) return checked.policy;
  const safety: Record<string, unknown> = {};
  for (const key of ['enforcement', 'allowLocalPolicy', 'configUrl', 'configPublicKey', 'configRefreshMinutes', 'blockedIntegrations']) {
    if (out[key] !== undefined) safety[key] = out[key];
  }
  const safe = parsePolicy(safety);
  return safe.ok ? safe.policy : { enforcement: lastGood?.enforcement ?? FALLBACK_ENFORCEMENT, allowLocalPolicy: false };
}

function dedupe(errors: PolicyError[]): PolicyError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
