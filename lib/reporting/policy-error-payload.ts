/**
 * The webhook payload that tells the admin a policy source failed on a browser, format `consent-gate/policy-error`
 * version 1 (README.md, "Reporting"). Pure. It carries the source and the error text Consent Gate shows on the
 * options page, which names URLs and policy paths from the admin's own policy, never anything of the person's.
 */
export const POLICY_ERROR_PAYLOAD_FORMAT = 'consent-gate/policy-error';
export const POLICY_ERROR_PAYLOAD_VERSION = 1;

export type ReportedPolicySource = 'managed' | 'remote' | 'local';

export interface PolicyErrorPayload {
  format: typeof POLICY_ERROR_PAYLOAD_FORMAT;
  version: typeof POLICY_ERROR_PAYLOAD_VERSION;
  sentAt: string;
  installationId: string;
  extensionVersion: string;
  source: ReportedPolicySource;
  error: string;
  /** The highest source still in force, so the admin sees whether the browser fell back to the defaults. */
  policyInForce: 'managed' | 'remote' | 'local' | 'default';
}

export function buildPolicyErrorPayload(
  report: { source: ReportedPolicySource; error: string; policyInForce: PolicyErrorPayload['policyInForce'] },
  meta: { installationId: string; extensionVersion: string; now: Date },
): PolicyErrorPayload {
  return {
    format: POLICY_ERROR_PAYLOAD_FORMAT,
    version: POLICY_ERROR_PAYLOAD_VERSION,
    sentAt: meta.now.toISOString(),
    installationId: meta.installationId,
    extensionVersion: meta.extensionVersion,
    source: report.source,
    error: report.error,
    policyInForce: report.policyInForce,
  };
}

/**
 * Which source errors to report: those that are new or changed since the last report. An error that went away is
 * forgotten, so it is reported again if it comes back.
 */
export function policyErrorsToReport(
  current: Partial<Record<ReportedPolicySource, string>>,
  reported: Partial<Record<ReportedPolicySource, string>>,
): { report: { source: ReportedPolicySource; error: string }[]; remember: Partial<Record<ReportedPolicySource, string>> } {
  const report: { source: ReportedPolicySource; error: string }[] = [];
  const remember: Partial<Record<ReportedPolicySource, string>> = {};
  for (const source of ['managed', 'remote', 'local'] as const) {
    const error = current[source];
    if (error === undefined) continue;
    remember[source] = error;
    if (reported[source] !== error) report.push({ source, error });
  }
  return { report, remember };
}
