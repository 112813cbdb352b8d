/**
 * This module's job is the browser: the local policy in the extension's IndexedDB (lib/storage/policy-state.ts,
 * out of reach of content scripts), key `policy` (an object, or the JSON text
 * imported on the options page). An invalid one never turns into "no policy": the last one that parsed stays in
 * force, remembered in storage so it survives a service-worker restart.
 */
import { readPolicyState, removePolicyState, writePolicyState } from '../storage/policy-state';
import { parsePolicy, parsePolicyText, type ParsePolicyResult, type PolicyError } from '../policy/parse-policy';
import { errorMessage } from '../error-message';
import { describePolicyErrors, samePolicy, type SourceReading } from './policy-source-reading';

export const POLICY_STORAGE_KEY = 'policy';
/** The last local policy that parsed, so a broken edit after a restart still falls back to it, not to the default. */
export const LAST_GOOD_POLICY_KEY = 'policy:last-good';
/** When the local policy was imported on the options page (ISO time). */
export const LOCAL_IMPORTED_AT_KEY = 'policy:imported-at';

let lastGood: SourceReading | undefined;

function parseStored(raw: unknown): ParsePolicyResult {
  return typeof raw === 'string' ? parsePolicyText(raw) : parsePolicy(raw);
}

function withLastGood(storedLastGood: unknown, error: string, transient = false): SourceReading {
  if (lastGood?.policy !== undefined) return { ...lastGood, error, transient };
  if (storedLastGood !== undefined) {
    const parsed = parsePolicy(storedLastGood);
    if (parsed.ok) return { policy: parsed.policy, error, transient };
  }
  return { error, transient };
}

export async function readLocalPolicy(): Promise<SourceReading> {
  let stored: Record<string, unknown>;
  try {
    stored = await readPolicyState([POLICY_STORAGE_KEY, LAST_GOOD_POLICY_KEY, LOCAL_IMPORTED_AT_KEY]);
  } catch (error) {
    return withLastGood(undefined, `Consent Gate could not read the stored policy (${errorMessage(error)}); it keeps the last valid policy.`, true);
  }

  const raw = stored[POLICY_STORAGE_KEY];
  const importedAt = typeof stored[LOCAL_IMPORTED_AT_KEY] === 'string' ? stored[LOCAL_IMPORTED_AT_KEY] : undefined;
  if (raw === undefined) {
    lastGood = undefined;
    if (stored[LAST_GOOD_POLICY_KEY] !== undefined) await removePolicyState([LAST_GOOD_POLICY_KEY]);
    return {};
  }

  const parsed = parseStored(raw);
  if (!parsed.ok) return withLastGood(stored[LAST_GOOD_POLICY_KEY], `The stored policy is invalid ${describePolicyErrors(parsed)}`);

  lastGood = { policy: parsed.policy, ...(importedAt === undefined ? {} : { updatedAt: importedAt }) };
  if (!samePolicy(stored[LAST_GOOD_POLICY_KEY], parsed.policy)) {
    await writePolicyState({ [LAST_GOOD_POLICY_KEY]: parsed.policy });
  }
  return lastGood;
}

export type ImportResult = { ok: true } | { ok: false; error: string; errors?: PolicyError[] };

/**
 * Stores an imported policy file as the text it is (comments included, so an export gives it back). Refused when
 * managed policy locks local policies, and when the text is not a valid policy: a bad file never replaces a good one.
 */
export async function importLocalPolicy(text: string, allowed: boolean, now: Date): Promise<ImportResult> {
  if (!allowed) {
    return { ok: false, error: 'Your administrator manages Consent Gate and does not allow a local policy file on this browser.' };
  }
  const parsed = parsePolicyText(text);
  if (!parsed.ok) {
    return { ok: false, error: `The policy file is invalid ${describePolicyErrors(parsed)}`, errors: parsed.errors };
  }
  await writePolicyState({
    [POLICY_STORAGE_KEY]: text,
    [LAST_GOOD_POLICY_KEY]: parsed.policy,
    [LOCAL_IMPORTED_AT_KEY]: now.toISOString(),
  });
  lastGood = { policy: parsed.policy, updatedAt: now.toISOString() };
  return { ok: true };
}

export async function clearLocalPolicy(): Promise<void> {
  await removePolicyState([POLICY_STORAGE_KEY, LAST_GOOD_POLICY_KEY, LOCAL_IMPORTED_AT_KEY]);
  lastGood = undefined;
}

/** Tests: forget what is in memory, as after a service-worker restart. */
export function resetLocalPolicySource(): void {
  lastGood = undefined;
}
