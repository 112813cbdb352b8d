/**
 * This module's job is the browser: the last policy status the background resolved, kept in the policy state
 * (IndexedDB), so the options page can show it at once after a browser start instead of "Loading the policy..."
 * while Chromium's first managed-storage read takes seconds (TOOLCHAIN.md: 3-4 s). It is for display only: what is
 * in force is always resolved from the sources themselves (lib/background/policy-cache.ts).
 */
import type { PolicyStatus } from '../messages/protocol';
import { parsePolicy } from '../policy/parse-policy';
import { readPolicyState, writePolicyState } from '../storage/policy-state';

export const LAST_STATUS_KEY = 'policy:last-status';

export interface PolicySnapshot {
  status: PolicyStatus;
  savedAt: string;
}

/** The last status written by this context, to skip writing the same one again on every resolve. */
let lastWritten: string | undefined;

export async function rememberPolicyStatus(status: PolicyStatus, now: Date): Promise<void> {
  const text = JSON.stringify(status);
  if (text === lastWritten) return;
  await writePolicyState({ [LAST_STATUS_KEY]: { status, savedAt: now.toISOString() } });
  lastWritten = text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kept status, or undefined when none was kept or what is kept is not a status with a valid policy. */
export async function readPolicySnapshot(): Promise<PolicySnapshot | undefined> {
  const stored = (await readPolicyState([LAST_STATUS_KEY]))[LAST_STATUS_KEY];
  if (!isRecord(stored) || typeof stored.savedAt !== 'string' || !isRecord(stored.status)) return undefined;
  const { status } = stored;
  if (!isRecord(status.origins) || !isRecord(status.sources) || !parsePolicy(status.policy).ok) return undefined;
  const sources = status.sources;
  if (!isRecord(sources.managed) || !isRecord(sources.remote) || !isRecord(sources.local)) return undefined;
  return { status: status as unknown as PolicyStatus, savedAt: stored.savedAt };
}

/** Tests: forget what was written, as in a new context. */
export function resetPolicySnapshot(): void {
  lastWritten = undefined;
}
