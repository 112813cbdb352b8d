/**
 * This module's job is the browser: the policy in force, loaded from `storage.local` (key `policy`, an object or
 * the JSON text an admin imported) or else the built-in default, compiled once and kept in memory until the
 * stored policy changes. Fails closed: an invalid or unreadable policy never turns into "no policy"; the last
 * valid one stays in force (also across service-worker restarts) and the error is reported with it.
 */
import { browser } from 'wxt/browser';
import { compilePolicy, type CompiledPolicy } from '../policy/compile-policy';
import { DEFAULT_POLICY, defaultCompiledPolicy } from '../policy/default-policy';
import { parsePolicy, parsePolicyText, type ParsePolicyResult } from '../policy/parse-policy';
import type { Policy } from '../policy/schema';
import type { PolicySourceId } from '../policy-sources/resolve-effective-policy';

export const POLICY_STORAGE_KEY = 'policy';
/** The last policy that parsed, so a broken edit after a restart still falls back to it, not to the default. */
export const LAST_GOOD_POLICY_KEY = 'policy:last-good';

export interface CachedPolicy {
  policy: Policy;
  compiled: CompiledPolicy;
  source: PolicySourceId;
  /** Why the stored policy is not the one in force, for the popup and options page. */
  error?: string;
}

interface LoadResult {
  value: CachedPolicy;
  /** A failed read is retried on the next call instead of being cached. */
  cacheable: boolean;
}

let cached: Promise<CachedPolicy> | undefined;
let lastGood: CachedPolicy | undefined;

function builtIn(): CachedPolicy {
  return { policy: DEFAULT_POLICY, compiled: defaultCompiledPolicy(), source: 'default' };
}

function parseStored(raw: unknown): ParsePolicyResult {
  return typeof raw === 'string' ? parsePolicyText(raw) : parsePolicy(raw);
}

function describeErrors(result: Extract<ParsePolicyResult, { ok: false }>): string {
  const first = result.errors[0];
  const count = result.errors.length;
  const where = first === undefined ? '' : ` First: ${first.path}: ${first.message} ${first.fix}`;
  return `The stored policy is invalid (${count} ${count === 1 ? 'problem' : 'problems'}); Consent Gate keeps the last valid policy.${where}`;
}

async function fallback(storedLastGood: unknown): Promise<CachedPolicy> {
  if (lastGood !== undefined) return lastGood;
  if (storedLastGood !== undefined) {
    const parsed = parsePolicy(storedLastGood);
    if (parsed.ok) return { policy: parsed.policy, compiled: compilePolicy(parsed.policy), source: 'local' };
  }
  return builtIn();
}

async function load(): Promise<LoadResult> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.local.get([POLICY_STORAGE_KEY, LAST_GOOD_POLICY_KEY]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      value: { ...(await fallback(undefined)), error: `Consent Gate could not read the stored policy (${reason}); it keeps the last valid policy.` },
      cacheable: false,
    };
  }

  const raw = stored[POLICY_STORAGE_KEY];
  if (raw === undefined) {
    lastGood = builtIn();
    if (stored[LAST_GOOD_POLICY_KEY] !== undefined) await browser.storage.local.remove(LAST_GOOD_POLICY_KEY);
    return { value: lastGood, cacheable: true };
  }

  const parsed = parseStored(raw);
  if (!parsed.ok) {
    return { value: { ...(await fallback(stored[LAST_GOOD_POLICY_KEY])), error: describeErrors(parsed) }, cacheable: true };
  }

  lastGood = { policy: parsed.policy, compiled: compilePolicy(parsed.policy), source: 'local' };
  if (JSON.stringify(stored[LAST_GOOD_POLICY_KEY]) !== JSON.stringify(parsed.policy)) {
    await browser.storage.local.set({ [LAST_GOOD_POLICY_KEY]: parsed.policy });
  }
  return { value: lastGood, cacheable: true };
}

/** The policy in force, compiled. Cheap after the first call. */
export function getEffectivePolicy(): Promise<CachedPolicy> {
  if (cached === undefined) {
    const loading: Promise<CachedPolicy> = load().then((result) => {
      if (!result.cacheable && cached === loading) cached = undefined;
      return result.value;
    });
    cached = loading;
  }
  return cached;
}

/** Forget the compiled policy; the next call reloads it. */
export function invalidatePolicy(): void {
  cached = undefined;
}

/** Tests: forget the last valid policy too, as after a service-worker restart. */
export function resetPolicyCache(): void {
  cached = undefined;
  lastGood = undefined;
}

/** Whether a `storage.onChanged` event changes the policy in force. */
export function isPolicyChange(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && Object.hasOwn(changes, POLICY_STORAGE_KEY);
}
