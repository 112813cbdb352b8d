/**
 * This module's job is the browser: tells the admin's webhook (`reporting.webhookUrl` of the policy in force)
 * when a policy source fails on this browser, once per distinct error, so a broken rollout is seen centrally and
 * not only on each person's options page. What was reported is remembered in the policy state (lib/storage/policy-state.ts).
 */
import { readPolicyState, writePolicyState } from '../storage/policy-state';
import { extensionVersion, getInstallationId } from './installation-id';
import { queueDelivery } from './outbox';
import type { CachedPolicy } from './policy-cache';
import { buildPolicyErrorPayload, policyErrorsToReport, type ReportedPolicySource } from '../reporting/policy-error-payload';

export const REPORTED_POLICY_ERRORS_KEY = 'reporting:policy-errors';

/** Returns how many errors were queued. Without a webhook nothing is sent and nothing remembered. */
export async function reportPolicyErrors(cached: CachedPolicy, now: Date): Promise<number> {
  const url = cached.policy.reporting?.webhookUrl;
  if (url === undefined) return 0;
  const stored = (await readPolicyState([REPORTED_POLICY_ERRORS_KEY]))[REPORTED_POLICY_ERRORS_KEY];
  const reported = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<ReportedPolicySource, string>>;
  const { report, remember } = policyErrorsToReport(cached.sourceErrors, reported);
  if (report.length > 0) {
    const installationId = await getInstallationId();
    for (const { source, error } of report) {
      const payload = buildPolicyErrorPayload(
        { source, error, policyInForce: cached.source },
        { installationId, extensionVersion: extensionVersion(), now },
      );
      await queueDelivery({ kind: 'policy-error', url, body: JSON.stringify(payload), contentType: 'application/json' });
    }
  }
  if (JSON.stringify(remember) !== JSON.stringify(reported)) await writePolicyState({ [REPORTED_POLICY_ERRORS_KEY]: remember });
  return report.length;
}
