/**
 * The one rule for an expired signed remote config, the same whichever way the time is noticed:
 *
 *   A remote config expires at its signed `expiresAt`. Its last verified copy is never dropped for that: it stays
 *   in force, marked expired, with a message asking the admin to publish a newly signed config. Only a newly
 *   verified, unexpired config (with a serial not older than the kept one) replaces it.
 *
 * Why keep it: the remote config sits above the local file and the defaults. Dropping an expired copy would hand
 * every key it set (approvals, blocks, enforcement, destinations) to those lower sources, so a server that stops
 * publishing, or an attacker who blocks the config URL until the copy expires, could weaken the policy. Keeping it
 * fails closed, and saying "expired" makes the stale rollout visible.
 *
 * The three ways the time is noticed all go through `remoteConfigInForce`:
 * - a 304 for the copy we hold: the server confirms it, but the copy is judged against now like any other;
 * - a browser or worker restart: the copy read back from storage is verified again (signature, at the time it was
 *   accepted) and then judged against now;
 * - the server keeps serving an expired file: the file is refused (lib/remote-config/signed-config.ts) like any
 *   invalid file, and the kept copy stays, expired or not, with both facts said.
 * Pure: the caller passes the time and the kept copy.
 */
import type { Policy } from '../policy/schema';

export interface KeptRemoteCopy {
  policy: Policy;
  /** The signed expiry of the kept copy, from its verified envelope. */
  expiresAt?: string;
}

export interface RemoteInForceInput {
  /** The last verified copy, if any ever arrived. */
  kept?: KeptRemoteCopy;
  /** Why the last check failed, if it did (code as in lib/policy-sources/fetch-remote-config.ts). */
  lastError?: { code: string; message: string };
  now: Date;
}

export interface RemoteInForce {
  /** The policy the remote config contributes: the kept copy, expired or not. */
  policy?: Policy;
  expired: boolean;
  /** What the options page and the admin's webhook show; undefined when all is well. */
  error?: string;
}

export function isRemoteCopyExpired(expiresAt: string | undefined, now: Date): boolean {
  if (expiresAt === undefined) return false;
  const at = Date.parse(expiresAt);
  // An unreadable date cannot come from a verified envelope; if it ever does, calling it expired is the safe side.
  return Number.isNaN(at) || at <= now.getTime();
}

export function remoteConfigInForce({ kept, lastError, now }: RemoteInForceInput): RemoteInForce {
  if (kept === undefined) {
    return lastError === undefined
      ? { expired: false }
      : { expired: false, error: `${lastError.message} No signed config has been received yet.` };
  }
  const expired = isRemoteCopyExpired(kept.expiresAt, now);
  const parts: string[] = [];
  if (expired) {
    parts.push(
      `The remote config expired on ${kept.expiresAt}. Consent Gate keeps its last verified copy in force, so no local file or default can take over what it set; publish a newly signed config.`,
    );
  }
  if (lastError !== undefined) {
    parts.push(
      lastError.code === 'expired'
        ? `The server still serves an expired config (${lastError.message}).`
        : `${lastError.message}${expired ? '' : ' Consent Gate keeps the last verified copy in force.'}`,
    );
  }
  return { policy: kept.policy, expired, ...(parts.length === 0 ? {} : { error: parts.join(' ') }) };
}
