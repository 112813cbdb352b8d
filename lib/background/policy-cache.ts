/**
 * This module's job is the browser: the policy in force. It gathers the sources (enterprise managed storage, the
 * signed remote config, the local policy, the built-in defaults), resolves them with `resolveEffectivePolicy`
 * (managed > remote > local > default, per key), compiles the result once and keeps it in memory until a source
 * changes. Fails closed: a source that is invalid or unreadable keeps its last good policy in force (also across
 * service-worker restarts) and its error is reported with the policy; it never turns into "no policy".
 */
import type { PolicyReadSource, PolicySourceStatus, PolicyStatus } from '../messages/protocol';
import { compilePolicy } from '../engine/compile-policy';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { DEFAULT_POLICY, defaultCompiledPolicy } from '../engine/default-policy';
import type { Policy } from '../policy/schema';
import { describeLocalRestrictions, resolveEffectivePolicy, type PolicySourceId } from '../policy-sources/resolve-effective-policy';
import { readLocalPolicy, resetLocalPolicySource, POLICY_STORAGE_KEY } from './local-policy-source';
import { readManagedPolicy, resetManagedPolicySource } from './managed-policy-source';
import { resetPolicyStateMove } from '../storage/policy-state';
import { errorMessage } from '../error-message';
import type { SourceReading } from './policy-source-reading';
import { readRemotePolicy, remoteConfigTarget, resetRemotePolicySource, type RemoteConfigTarget, type RemoteReading } from './remote-policy-source';
import { runDetached } from './detached-work';
import { rememberPolicyStatus, resetPolicySnapshot } from './policy-snapshot';

export { LAST_GOOD_POLICY_KEY, POLICY_STORAGE_KEY } from './local-policy-source';

export interface CachedPolicy {
  policy: Policy;
  compiled: CompiledPolicy;
  /** The highest source that contributes to the policy in force. */
  source: PolicySourceId;
  /** Every source's error in one sentence each, for the popup; the options page shows them per source. */
  error?: string;
  /** Each source's own error (not the note that a locked local policy is ignored), for the admin's webhook. */
  sourceErrors: Partial<Record<keyof typeof SOURCE_LABELS, string>>;
  /** What the options page shows: the policy, where each part came from, each source's state. */
  status: PolicyStatus;
  /** The remote config managed policy names, if any. */
  remote?: RemoteConfigTarget;
}

interface LoadResult {
  value: CachedPolicy;
  /** A failed read is retried on the next call instead of being cached. */
  cacheable: boolean;
}

const SOURCE_LABELS = { managed: 'Managed policy', remote: 'Remote config', local: 'Local policy' } as const;

let cached: Promise<CachedPolicy> | undefined;
/**
 * When the remote copy in force expires: the cached policy is resolved again from then on, so "expired" shows
 * without waiting for the next check (lib/policy-sources/expired-remote-policy.ts).
 */
let cachedUntil: number | undefined;
/** The last effective policy that compiled: kept if a later combination of sources fails to. */
let lastCompiled: CachedPolicy | undefined;

function sourceStatus(reading: SourceReading, active: boolean): PolicySourceStatus {
  return {
    active,
    ...(reading.updatedAt === undefined ? {} : { updatedAt: reading.updatedAt }),
    ...(reading.error === undefined ? {} : { error: reading.error }),
  };
}

function highestSource(origins: Record<string, PolicySourceId>): PolicySourceId {
  const used = new Set(Object.values(origins));
  return (['managed', 'remote', 'local'] as const).find((source) => used.has(source)) ?? 'default';
}

function combineErrors(errors: Partial<Record<keyof typeof SOURCE_LABELS, string | undefined>>): string | undefined {
  const lines = (Object.keys(SOURCE_LABELS) as (keyof typeof SOURCE_LABELS)[])
    .filter((source) => errors[source] !== undefined)
    .map((source) => `${SOURCE_LABELS[source]}: ${errors[source]}`);
  return lines.length === 0 ? undefined : lines.join(' ');
}

/** The sources a running `load` has not heard back from yet (the options page marks them as being read). */
const reading = new Set<PolicyReadSource>();

function tracked<T>(source: PolicyReadSource, work: Promise<T>): Promise<T> {
  return work.finally(() => reading.delete(source));
}

export function sourcesBeingRead(): PolicyReadSource[] {
  return (['managed', 'remote', 'local'] as const).filter((source) => reading.has(source));
}

async function load(): Promise<LoadResult> {
  // Marked before the first await, so a caller that starts a load sees at once what is being read.
  for (const source of ['managed', 'remote', 'local'] as const) reading.add(source);
  try {
    return await readAndResolve();
  } finally {
    reading.clear();
  }
}

async function readAndResolve(): Promise<LoadResult> {
  const now = new Date();
  const [managed, local] = await Promise.all([tracked('managed', readManagedPolicy(now)), tracked('local', readLocalPolicy())]);
  const remoteTarget = remoteConfigTarget(managed.policy);
  const remote: RemoteReading = await tracked('remote', readRemotePolicy(remoteTarget, now));
  const remoteExpiry = remote.expired !== true && remote.expiresAt !== undefined ? Date.parse(remote.expiresAt) : Number.NaN;
  if (!Number.isNaN(remoteExpiry)) cachedUntil = remoteExpiry;
  const localAllowed = managed.policy?.allowLocalPolicy !== false;

  const resolved = resolveEffectivePolicy({
    ...(managed.policy === undefined ? {} : { managed: managed.policy }),
    ...(remote.policy === undefined ? {} : { remote: remote.policy }),
    ...(local.policy === undefined ? {} : { local: local.policy }),
    defaults: DEFAULT_POLICY,
    localAllowed,
  });
  const origins = resolved.origins;
  const source = highestSource(origins);
  const used = new Set(Object.values(origins));
  const sourceErrors: CachedPolicy['sourceErrors'] = {
    ...(managed.error === undefined ? {} : { managed: managed.error }),
    ...(remote.error === undefined ? {} : { remote: remote.error }),
    ...(local.error === undefined ? {} : { local: local.error }),
  };

  let compiled: CompiledPolicy;
  try {
    compiled = source === 'default' ? defaultCompiledPolicy() : compilePolicy(resolved.policy);
  } catch (error) {
    // Each source parsed on its own; only their combination failed. The last combination that worked stays.
    const reason = `The combined policy could not be compiled (${errorMessage(error)}); Consent Gate keeps the last policy in force.`;
    const fallback: CachedPolicy = lastCompiled ?? {
      policy: DEFAULT_POLICY,
      compiled: defaultCompiledPolicy(),
      source: 'default',
      sourceErrors: {},
      status: { policy: DEFAULT_POLICY, origins: {}, sources: { managed: { active: false }, remote: { active: false }, local: { active: false, allowed: localAllowed } } },
    };
    return { value: { ...fallback, sourceErrors, error: [combineErrors(sourceErrors), reason].filter(Boolean).join(' ') }, cacheable: false };
  }

  const localRestrictions = describeLocalRestrictions(resolved.localRestricted ?? []);
  const status: PolicyStatus = {
    policy: resolved.policy,
    origins,
    sources: {
      managed: sourceStatus(managed, used.has('managed')),
      remote: {
        ...sourceStatus(remote, used.has('remote')),
        ...(remote.url === undefined ? {} : { url: remote.url }),
        ...(remote.serial === undefined ? {} : { serial: remote.serial }),
        ...(remote.checkedAt === undefined ? {} : { checkedAt: remote.checkedAt }),
        ...(remote.expired === true ? { expired: true } : {}),
        ...(remote.expiresAt === undefined ? {} : { expiresAt: remote.expiresAt }),
      },
      local: {
        ...sourceStatus(local, used.has('local')),
        allowed: localAllowed,
        // Not an error of the policy in force: the options page says why the imported file does nothing.
        ...(local.error === undefined && resolved.localIgnored !== undefined ? { error: resolved.localIgnored } : {}),
        ...(localRestrictions === undefined ? {} : { ignored: localRestrictions }),
      },
    },
  };
  const error = combineErrors(sourceErrors);
  const value: CachedPolicy = {
    policy: resolved.policy,
    compiled,
    source,
    sourceErrors,
    status,
    ...(error === undefined ? {} : { error }),
    ...(remoteTarget === undefined ? {} : { remote: remoteTarget }),
  };
  lastCompiled = value;
  const cacheable = !managed.transient && !local.transient && !remote.transient;
  // Kept for the options page's next opening after a browser start; a failed write costs only that head start.
  if (cacheable) void runDetached('keep the last policy status for the options page', rememberPolicyStatus(status, now));
  return { value, cacheable };
}

/** The policy in force, compiled. Cheap after the first call. */
export function getEffectivePolicy(): Promise<CachedPolicy> {
  if (cached !== undefined && cachedUntil !== undefined && Date.now() >= cachedUntil) cached = undefined;
  if (cached === undefined) {
    cachedUntil = undefined;
    const loading: Promise<CachedPolicy> = load()
      .catch((error: unknown): LoadResult => {
        // A source failed in a way it could not absorb: the policy last in force stays, with the reason.
        if (lastCompiled === undefined) throw error;
        const reason = `Consent Gate could not read its policy sources (${errorMessage(error)}); it keeps the last policy in force.`;
        return { value: { ...lastCompiled, error: reason }, cacheable: false };
      })
      .then(
      (result) => {
        if (!result.cacheable && cached === loading) cached = undefined;
        return result.value;
      },
      (error: unknown) => {
        if (cached === loading) cached = undefined;
        throw error;
      },
    );
    cached = loading;
  }
  return cached;
}

/** Forget the compiled policy; the next call resolves the sources again. */
export function invalidatePolicy(): void {
  cached = undefined;
  cachedUntil = undefined;
}

/** Tests: forget every remembered policy too, as after a service-worker restart. */
export function resetPolicyCache(): void {
  cached = undefined;
  cachedUntil = undefined;
  lastCompiled = undefined;
  reading.clear();
  resetPolicySnapshot();
  resetLocalPolicySource();
  resetManagedPolicySource();
  resetRemotePolicySource();
  resetPolicyStateMove();
}

/**
 * Whether a `storage.onChanged` event changes a source of the policy in force: only managed storage now. The local
 * policy and the other policy state live in IndexedDB (lib/storage/policy-state.ts); their changes are announced by
 * `onPolicyStateChanged`, so a content script writing storage.local changes nothing.
 */
export function isPolicyChange(_changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'managed';
}

/** Policy-state keys whose change (from another extension context) changes the policy in force. */
export function isPolicyStateChange(keys: readonly string[]): boolean {
  return keys.includes(POLICY_STORAGE_KEY);
}
