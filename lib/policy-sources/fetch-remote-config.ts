/**
 * One refresh of the signed remote config: conditional fetch (ETag / If-None-Match, so an unchanged config costs a
 * 304), signature verification before a byte is used, policy validation, and the refresh schedule with jitter.
 * The network call is injected, so this is pure and tested without a browser; the background supplies `fetch`.
 */
import { parsePolicyText } from '../policy/parse-policy';
import type { Policy } from '../policy/schema';
import { importPublicKey, verifySignedConfig, type SignedConfigErrorCode } from '../remote-config/signed-config';

export interface RemoteConfigState {
  /** The config in force: last good copy, kept across failures and restarts. */
  policy?: Policy;
  /** The signed envelope text of the config in force, kept so it can be re-verified on start. */
  envelope?: string;
  serial?: number;
  /** The signed expiry of the config in force (lib/policy-sources/expired-remote-policy.ts says what it means). */
  expiresAt?: string;
  /** ISO time the config in force was verified and accepted; a restart verifies the envelope again as of then. */
  verifiedAt?: string;
  etag?: string;
  /** ISO time of the last successful check (200 or 304). */
  checkedAt?: string;
  /** The last failure, shown on the options page and in the popup until a check succeeds. */
  error?: { code: RemoteConfigErrorCode; message: string; at: string };
}

export type RemoteConfigErrorCode = SignedConfigErrorCode | 'not-https' | 'unreachable' | 'http-error' | 'invalid-policy';

export interface RefreshInput {
  url: string;
  publicKey: string;
  state: RemoteConfigState;
  now: Date;
  fetch: (url: string, init: { headers: Record<string, string>; cache: 'no-store'; credentials: 'omit'; redirect: 'error' }) => Promise<{
    status: number;
    headers: { get(name: string): string | null };
    text(): Promise<string>;
  }>;
}

export type RefreshOutcome = 'updated' | 'not-modified' | 'failed';

/** Returns the new state. On any failure the previous policy, envelope and serial stay; only `error` changes. */
export async function refreshRemoteConfig(input: RefreshInput): Promise<{ outcome: RefreshOutcome; state: RemoteConfigState }> {
  const { state, now } = input;
  const fail = (code: RemoteConfigErrorCode, message: string) => ({
    outcome: 'failed' as const,
    state: { ...state, error: { code, message, at: now.toISOString() } },
  });

  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return fail('not-https', `The config URL "${input.url.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:') {
    return fail('not-https', `The config URL must use HTTPS; "${url.protocol}" would let anyone on the network change it.`);
  }

  const headers: Record<string, string> = { accept: 'application/json' };
  // Only send the ETag when we still hold the matching copy; otherwise a 304 would leave us with nothing.
  if (state.etag && state.policy) headers['if-none-match'] = state.etag;

  let response: Awaited<ReturnType<RefreshInput['fetch']>>;
  try {
    // No cookies, no redirects: the config must come from exactly the URL the admin configured.
    response = await input.fetch(url.href, { headers, cache: 'no-store', credentials: 'omit', redirect: 'error' });
  } catch (error) {
    return fail('unreachable', `The config URL could not be reached: ${(error as Error).message || 'network error'}.`);
  }
  // A 304 confirms the copy we hold; whether it has expired is judged when it is read, by the one rule in
  // lib/policy-sources/expired-remote-policy.ts, so it is not dropped here either.
  if (response.status === 304 && state.policy) {
    const { error: _cleared, ...rest } = state;
    return { outcome: 'not-modified', state: { ...rest, checkedAt: now.toISOString() } };
  }
  if (response.status !== 200) {
    return fail('http-error', `The config URL answered HTTP ${response.status}.`);
  }

  const text = await response.text();
  const verified = await verifySignedConfig(text, await importPublicKey(input.publicKey), {
    now,
    ...(state.serial !== undefined ? { minSerial: state.serial } : {}),
  });
  if (!verified.ok) return fail(verified.code, verified.error);

  const parsed = parsePolicyText(verified.policyText);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return fail(
      'invalid-policy',
      `The signed config's policy is invalid (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}; first: ${first?.path} ${first?.message}).`,
    );
  }
  const etag = response.headers.get('etag');
  return {
    outcome: 'updated',
    state: {
      policy: parsed.policy,
      envelope: text,
      serial: verified.serial,
      ...(verified.expiresAt === undefined ? {} : { expiresAt: verified.expiresAt }),
      verifiedAt: now.toISOString(),
      ...(etag ? { etag } : {}),
      checkedAt: now.toISOString(),
    },
  };
}

/**
 * Minutes until the next refresh: the admin's interval plus up to 20% random jitter, so a fleet of browsers that
 * started together (a Monday morning) spreads out instead of arriving at the config server at the same second.
 * After a failure, retry sooner but back off: 5, 10, 20 ... minutes, never more than the interval.
 */
export function nextRefreshDelayMinutes(intervalMinutes: number, consecutiveFailures: number, random: () => number): number {
  const interval = Math.max(5, intervalMinutes);
  const base = consecutiveFailures > 0 ? Math.min(interval, 5 * 2 ** Math.min(consecutiveFailures - 1, 10)) : interval;
  return base + base * 0.2 * random();
}
