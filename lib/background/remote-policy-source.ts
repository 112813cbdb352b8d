/**
 * This module's job is the browser: the signed remote config named by managed policy (`configUrl` +
 * `configPublicKey`). Its state (last good policy and envelope, serial, ETag, last error) lives in the policy state
 * (lib/storage/policy-state.ts, IndexedDB, out of reach of content scripts),
 * so a restart keeps the last good copy and the serial, and the rollback guard holds across restarts. Fetched
 * with `fetch` directly: no cookies, no redirects; the admin's endpoint answers CORS for the extension's origin.
 */
import { readPolicyState, writePolicyState } from '../storage/policy-state';
import { parsePolicyText } from '../policy/parse-policy';
import type { Policy } from '../policy/schema';
import { remoteConfigInForce, type KeptRemoteCopy } from '../policy-sources/expired-remote-policy';
import { refreshRemoteConfig, type RefreshInput, type RefreshOutcome, type RemoteConfigState } from '../policy-sources/fetch-remote-config';
import { importPublicKey, verifySignedConfig } from '../remote-config/signed-config';
import { errorMessage } from '../error-message';
import type { SourceReading } from './policy-source-reading';

export const REMOTE_STATE_KEY = 'policy:remote';

/** A fetch that has not finished after this long is a failure, retried on the backoff schedule. */
export const REMOTE_FETCH_TIMEOUT_MS = 30_000;

export interface RemoteConfigTarget {
  url: string;
  publicKey: string;
  refreshMinutes: number;
}

/** What the policy state keeps: the state of one URL and key (a new URL or key starts afresh). */
export interface StoredRemoteConfig {
  url: string;
  publicKey: string;
  state: RemoteConfigState;
  /** Failed checks in a row, for the backoff (lib/policy-sources/fetch-remote-config.ts). */
  failures: number;
  /** ISO time of the last check, successful or not. */
  attemptedAt?: string;
}

export interface RemoteReading extends SourceReading {
  url?: string;
  serial?: number;
  checkedAt?: string;
  /** The kept copy is past its signed expiry and stays in force (lib/policy-sources/expired-remote-policy.ts). */
  expired?: boolean;
  /** The kept copy's signed expiry, whether passed or not. */
  expiresAt?: string;
}

/** The remote config managed policy asks for, or `undefined` when it names none (or only half of it). */
export function remoteConfigTarget(managed: Policy | undefined): RemoteConfigTarget | undefined {
  if (managed?.configUrl === undefined || managed.configPublicKey === undefined) return undefined;
  return { url: managed.configUrl, publicKey: managed.configPublicKey, refreshMinutes: managed.configRefreshMinutes ?? 60 };
}

export function isSameTarget(stored: StoredRemoteConfig | undefined, target: RemoteConfigTarget): stored is StoredRemoteConfig {
  return stored !== undefined && stored.url === target.url && stored.publicKey === target.publicKey;
}

export async function loadStoredRemoteConfig(): Promise<StoredRemoteConfig | undefined> {
  const stored = (await readPolicyState([REMOTE_STATE_KEY]))[REMOTE_STATE_KEY] as StoredRemoteConfig | undefined;
  return stored !== undefined && typeof stored === 'object' && typeof stored.url === 'string' ? stored : undefined;
}

async function saveStoredRemoteConfig(stored: StoredRemoteConfig): Promise<void> {
  await writePolicyState({ [REMOTE_STATE_KEY]: stored });
}

/** The envelope verified in this worker's life, so a re-read of the policy does not verify and parse it again. */
let verified: { envelope: string; publicKey: string; policy: Policy; expiresAt?: string } | undefined;

/**
 * The kept copy is verified again against the pinned key before use, so a policy written into storage by anything
 * but a verified fetch is never used. It is verified as of the time it was accepted: its expiry since then is not a
 * reason to drop it but is judged by the one rule in lib/policy-sources/expired-remote-policy.ts.
 */
async function verifiedPolicy(stored: StoredRemoteConfig): Promise<KeptRemoteCopy | { error: string }> {
  const { envelope, checkedAt, verifiedAt } = stored.state;
  if (envelope === undefined) return { error: 'no envelope' };
  if (verified?.envelope === envelope && verified.publicKey === stored.publicKey) return verified;
  // Copies kept before `verifiedAt` existed were accepted no later than their last check.
  const acceptedAt = verifiedAt ?? checkedAt;
  const result = await verifySignedConfig(envelope, await importPublicKey(stored.publicKey), {
    now: acceptedAt === undefined ? new Date() : new Date(acceptedAt),
  });
  if (!result.ok) return { error: result.error };
  const parsed = parsePolicyText(result.policyText);
  if (!parsed.ok) return { error: 'its policy is invalid' };
  verified = { envelope, publicKey: stored.publicKey, policy: parsed.policy, ...(result.expiresAt === undefined ? {} : { expiresAt: result.expiresAt }) };
  return verified;
}

export async function readRemotePolicy(target: RemoteConfigTarget | undefined, now: Date = new Date()): Promise<RemoteReading> {
  if (target === undefined) return {};
  let stored: StoredRemoteConfig | undefined;
  try {
    stored = await loadStoredRemoteConfig();
  } catch (error) {
    return { url: target.url, error: `Consent Gate could not read the kept remote config (${errorMessage(error)}).`, transient: true };
  }
  if (!isSameTarget(stored, target)) return { url: target.url };

  const { state } = stored;
  const reading: RemoteReading = {
    url: target.url,
    ...(state.checkedAt === undefined ? {} : { checkedAt: state.checkedAt, updatedAt: state.checkedAt }),
  };
  if (state.envelope === undefined) {
    const inForce = remoteConfigInForce({ ...(state.error === undefined ? {} : { lastError: state.error }), now });
    return inForce.error === undefined ? reading : { ...reading, error: inForce.error };
  }
  const kept = await verifiedPolicy(stored);
  if ('error' in kept) {
    return { ...reading, error: `The kept remote config no longer verifies against the pinned key (${kept.error}); it is not used.` };
  }
  const inForce = remoteConfigInForce({ kept, ...(state.error === undefined ? {} : { lastError: state.error }), now });
  return {
    ...reading,
    ...(inForce.policy === undefined ? {} : { policy: inForce.policy }),
    ...(inForce.error === undefined ? {} : { error: inForce.error }),
    ...(inForce.expired ? { expired: true } : {}),
    ...(kept.expiresAt === undefined ? {} : { expiresAt: kept.expiresAt }),
    ...(state.serial === undefined ? {} : { serial: state.serial }),
  };
}

export type RemoteFetch = RefreshInput['fetch'];

/** `fetch` as the refresh needs it, with a time limit. */
export const browserFetch: RemoteFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(REMOTE_FETCH_TIMEOUT_MS) });

export interface RemoteRefreshResult {
  outcome: RefreshOutcome;
  /** The policy or the error shown changed: the effective policy must be resolved again. */
  changed: boolean;
  stored: StoredRemoteConfig;
}

/** One check of the remote config; its result is stored before this resolves. */
export async function refreshRemotePolicy(target: RemoteConfigTarget, now: Date, fetchConfig: RemoteFetch = browserFetch): Promise<RemoteRefreshResult> {
  const previous = await loadStoredRemoteConfig();
  const base: StoredRemoteConfig = isSameTarget(previous, target)
    ? previous
    : { url: target.url, publicKey: target.publicKey, state: {}, failures: 0 };
  const { outcome, state } = await refreshRemoteConfig({ url: target.url, publicKey: target.publicKey, state: base.state, now, fetch: fetchConfig });
  const stored: StoredRemoteConfig = {
    url: target.url,
    publicKey: target.publicKey,
    state,
    failures: outcome === 'failed' ? base.failures + 1 : 0,
    attemptedAt: now.toISOString(),
  };
  await saveStoredRemoteConfig(stored);
  const changed =
    base !== previous ||
    outcome === 'updated' ||
    base.state.error?.message !== state.error?.message ||
    base.state.checkedAt !== state.checkedAt;
  return { outcome, changed, stored };
}

/** Tests: forget what is in memory, as after a service-worker restart. */
export function resetRemotePolicySource(): void {
  verified = undefined;
}
