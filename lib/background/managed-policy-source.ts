/**
 * This module's job is the browser: the enterprise policy in `storage.managed`, whose keys are the policy's own.
 * Where no policy is installed, Chromium answers `{}` and Firefox rejects ("Managed storage manifest not found"):
 * both mean "no managed policy". A bad value drops only the part it sits in (lib/policy/parse-managed-policy.ts);
 * storage that cannot be read keeps the last good managed policy in force (remembered across restarts) and says why.
 */
import { browser } from 'wxt/browser';
import { readPolicyState, removePolicyState, writePolicyState } from '../storage/policy-state';
import { parseManagedPolicy } from '../policy/parse-managed-policy';
import { parsePolicy, type PolicyError } from '../policy/parse-policy';
import { errorMessage } from '../error-message';
import { samePolicy, type SourceReading } from './policy-source-reading';

export const MANAGED_LAST_GOOD_KEY = 'policy:managed:last-good';

/**
 * The first read after browser start took 3-4 s in headless Chromium on a 2-core machine (later reads about 1 ms);
 * a read that has not answered after this long is treated as failed so flows are judged with the last good policy
 * instead of waiting forever.
 */
export const MANAGED_READ_TIMEOUT_MS = 15_000;

/** Firefox's rejection when no enterprise policy names this add-on. */
const NO_MANAGED_POLICY = /managed storage manifest not found/i;

type ManagedRead = { kind: 'values'; values: Record<string, unknown> } | { kind: 'none' } | { kind: 'failed'; reason: string };

let lastGood: SourceReading | undefined;
/** Whether the policy state may still hold a last good managed policy (unknown at worker start). */
let storedCopyMayExist = true;

function readWithTimeout(get: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer after ${MANAGED_READ_TIMEOUT_MS / 1000} s`)), MANAGED_READ_TIMEOUT_MS);
    get().then(
      (values) => {
        clearTimeout(timer);
        resolve(values);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function readManagedStorage(): Promise<ManagedRead> {
  const managed = browser.storage.managed as { get?: () => Promise<Record<string, unknown>> } | undefined;
  if (typeof managed?.get !== 'function') return { kind: 'none' };
  const get = managed.get.bind(managed);
  try {
    const values = await readWithTimeout(get);
    return Object.keys(values ?? {}).length === 0 ? { kind: 'none' } : { kind: 'values', values };
  } catch (error) {
    const reason = errorMessage(error);
    return NO_MANAGED_POLICY.test(reason) ? { kind: 'none' } : { kind: 'failed', reason };
  }
}

async function storedLastGood(): Promise<SourceReading | undefined> {
  if (lastGood !== undefined) return lastGood;
  try {
    const stored = (await readPolicyState([MANAGED_LAST_GOOD_KEY]))[MANAGED_LAST_GOOD_KEY] as { policy?: unknown; updatedAt?: string } | undefined;
    if (stored === undefined) return undefined;
    const parsed = parsePolicy(stored.policy);
    return parsed.ok ? { policy: parsed.policy, ...(stored.updatedAt === undefined ? {} : { updatedAt: stored.updatedAt }) } : undefined;
  } catch (error) {
    console.error('Consent Gate could not read the last good managed policy:', errorMessage(error));
    return undefined;
  }
}

/** The admin removed the managed policy: its last good copy must not come back after a failed read. */
async function forgetStoredLastGood(): Promise<void> {
  if (!storedCopyMayExist) return;
  try {
    const stored = await readPolicyState([MANAGED_LAST_GOOD_KEY]);
    if (stored[MANAGED_LAST_GOOD_KEY] !== undefined) await removePolicyState([MANAGED_LAST_GOOD_KEY]);
    storedCopyMayExist = false;
  } catch (error) {
    console.error('Consent Gate could not forget the last managed policy:', errorMessage(error));
  }
}

export async function readManagedPolicy(now: Date): Promise<SourceReading> {
  const read = await readManagedStorage();
  switch (read.kind) {
    case 'none': {
      lastGood = undefined;
      await forgetStoredLastGood();
      return {};
    }
    case 'failed': {
      const previous = await storedLastGood();
      return {
        ...previous,
        error: `Consent Gate could not read the managed policy (${read.reason}); it keeps the last managed policy it read.`,
        transient: true,
      };
    }
    case 'values': {
      // Key by key (lib/policy/parse-managed-policy.ts): one bad value is reported and dropped, every valid key
      // (the lock, enforcement, the remote config) stays in force.
      const stored = await storedLastGood();
      const parsed = parseManagedPolicy(read.values, stored?.policy);
      const error = parsed.errors.length === 0 ? undefined : `The managed policy has ${describeManagedErrors(parsed.errors)}`;
      if (lastGood?.policy !== undefined && samePolicy(lastGood.policy, parsed.policy)) return error === undefined ? lastGood : { ...lastGood, error };
      const updatedAt = stored?.policy !== undefined && samePolicy(stored.policy, parsed.policy) && stored.updatedAt ? stored.updatedAt : now.toISOString();
      lastGood = { policy: parsed.policy, updatedAt };
      storedCopyMayExist = true;
      if (stored?.updatedAt !== updatedAt) await writePolicyState({ [MANAGED_LAST_GOOD_KEY]: { policy: parsed.policy, updatedAt } });
      return error === undefined ? lastGood : { ...lastGood, error };
    }
  }
}

/** A policy with thousands of bad entries must not make a status line of megabytes. */
const MAX_ERRORS_SHOWN = 10;

/** "N problems, each ignored alone; at PATH: what. Fix." for every problem, so the admin sees each path. */
function describeManagedErrors(errors: readonly PolicyError[]): string {
  const count = `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((error) => `${error.path}: ${error.message} ${error.fix}`).join(' ');
  const more = errors.length > MAX_ERRORS_SHOWN ? ` And ${errors.length - MAX_ERRORS_SHOWN} more.` : '';
  return `${count}; only the part each one is in is ignored, every other key stays in force. ${shown}${more}`;
}

/** Tests: forget what is in memory, as after a service-worker restart. */
export function resetManagedPolicySource(): void {
  lastGood = undefined;
  storedCopyMayExist = true;
}
