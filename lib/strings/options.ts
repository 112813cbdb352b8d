/**
 * Every string the options page shows, in one place so it can be translated as a unit. Verdict, risk and
 * provider labels are shared with the questionnaire (lib/strings/review.ts).
 */
import type { EnforcementMode, RuleAction } from '../policy/schema';
import type { PolicySourceId } from '../policy-sources/resolve-effective-policy';
import type { ConsentAction } from '../storage/records';
import type { DueState } from '../policy/due-status';
import type { SortKey } from '../options/integration-rows';

export const SOURCE_LABELS: Record<PolicySourceId, string> = {
  managed: 'Managed',
  remote: 'Remote config',
  local: 'Local file',
  default: 'Built-in default',
};

export const SOURCE_DESCRIPTIONS: Record<PolicySourceId, string> = {
  managed: 'Set by your organization through enterprise policy',
  remote: 'From the signed remote config',
  local: 'From the policy file imported on this page',
  default: 'Consent Gate\u2019s built-in default',
};

export const ENFORCEMENT_LABELS: Record<EnforcementMode, string> = {
  off: 'Off',
  monitor: 'Monitor (log only)',
  inform: 'Inform',
  warn: 'Warn',
  acknowledge: 'Acknowledge (continuing needs a reason)',
  block: 'Block',
};

export const RULE_ACTION_LABELS: Record<RuleAction, string> = {
  off: 'off',
  inform: 'inform',
  review: 'needs review',
  block: 'block',
};

export const CONSENT_ACTION_LABELS: Record<ConsentAction, string> = {
  shown: 'Shown',
  continued: 'Continued',
  cancelled: 'Cancelled',
  'review-started': 'Review started',
  'review-requested': 'Review requested',
  blocked: 'Blocked',
  logged: 'Logged',
};

export const POLICY_KEY_LABELS: Record<string, string> = {
  schemaVersion: 'Format version',
  organization: 'Organization',
  enforcement: 'Enforcement',
  approvedIntegrations: 'Approved integrations',
  blockedIntegrations: 'Blocked integrations',
  configUrl: 'Remote config URL',
  configPublicKey: 'Remote config key',
  configRefreshMinutes: 'Remote config schedule',
  allowLocalPolicy: 'Local policy files',
  localPolicy: 'Local policy limits',
  reporting: 'Reporting',
  reviewIntake: 'Review intake',
  reminders: 'Reminders',
};

export const SORT_KEY_LABELS: Record<SortKey, string> = {
  name: 'Name',
  provider: 'Provider',
  risk: 'Risk',
  owner: 'Owner',
  reviewBy: 'Review by',
  expiresOn: 'Expires',
};

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** The text beside a review date or expiry; empty when nothing is due. */
export function dueText(state: DueState, days: number | undefined, kind: 'review' | 'expiry'): string {
  if (days === undefined) return '';
  if (state === 'overdue') return kind === 'review' ? `review overdue by ${dayCount(-days)}` : `expired ${dayCount(-days)} ago`;
  if (state === 'due-soon') {
    if (days === 0) return kind === 'review' ? 'review due today' : 'last valid day';
    return kind === 'review' ? `review due in ${dayCount(days)}` : `expires in ${dayCount(days)}`;
  }
  return '';
}

export const OPTIONS_TEXT = {
  documentTitle: 'Consent Gate settings',
  heading: 'Consent Gate settings',

  statusHeading: 'Policy in force',
  statusLoading: 'Loading the policy\u2026',
  statusFailed: (reason: string) => `Could not read the policy in force: ${reason}`,
  retry: 'Try again',
  summaryCaption: 'Each part of the policy and where it came from',
  summarySetting: 'Setting',
  summaryValue: 'Value',
  summarySource: 'Source',
  sourcesHeading: 'Sources',
  sourceError: (source: string, error: string) => `${source}: ${error}`,
  sourceErrorsTitle: 'A policy source has a problem. The last good policy stays in force.',
  policyWarningsTitle: 'Some approvals do not work as written',
  policyWarningIneffective: 'Matches nothing',
  policyWarningAdvice: 'Check',
  policyWarningFix: (fix: string) => `Fix: ${fix}`,
  sourceActive: 'in use',
  sourceInactive: 'not in use',
  sourceUpdated: (when: string) => `updated ${when}`,
  remoteNotConfigured: 'No remote config is configured.',
  remoteUrl: 'Address',
  remoteSerial: 'Serial',
  remoteCheckedAt: 'Last checked',
  remoteNeverChecked: 'not yet',
  remoteNoSerial: 'none in force',
  checkNow: 'Check now',
  checking: 'Checking\u2026',
  refreshOutcome: {
    updated: 'A newer remote config was verified and is now in force.',
    'not-modified': 'The remote config has not changed.',
    failed: 'The check failed; the last good policy stays in force. The error is shown above.',
    'not-configured': 'No remote config is configured.',
  } as const,
  refreshFailed: (reason: string) => `Could not check the remote config: ${reason}`,
  localNotAllowed: 'Your administrator manages Consent Gate: local policy files are turned off.',

  integrationsHeading: 'Approved integrations',
  integrationsCaption: 'Approved integrations, widest access and soonest due first unless sorted otherwise',
  filterText: 'Filter',
  filterTextHint: 'Name, client id, owner or host',
  filterProvider: 'Provider',
  filterAllProviders: 'All providers',
  filterDueOnly: 'Due or overdue only',
  shownCount: (shown: number, total: number) => (shown === total ? `${total} approved` : `${shown} of ${total} approved shown`),
  noIntegrations: 'The policy in force approves no integrations.',
  noMatches: 'No approved integration matches the filter.',
  sortBy: (column: string) => `Sort by ${column}`,
  columnClientId: 'Client id',
  columnScopes: 'Approved scopes',
  noOwner: 'no owner',
  noDate: '\u2014',
  kindLabels: { production: 'production', pilot: 'pilot', exception: 'exception' } as const,
  riskBecause: (scopes: string) => `Riskiest: ${scopes}`,
  blockedHeading: 'Blocked integrations',
  noBlocked: 'The policy in force blocks no integration.',
  anyClient: 'every client that is not approved',
  anyClientName: (provider: string) => `Every ${provider} app not approved`,
  blockedReason: 'Reason',

  eventsHeading: 'Consent events',
  eventsIntro: 'What people on this browser met on consent screens, newest first. Kept on this device only.',
  /** The app column of a device-code page visit, which has no app or client id to show. */
  deviceCodePageEvent: 'Device sign-in page (possible device-code phishing)',
  eventsLoading: 'Loading the events\u2026',
  eventsFailed: (reason: string) => `Could not read the consent events: ${reason}`,
  noEvents: 'No consent events yet.',
  eventsShown: (shown: number, total: number) =>
    shown === total ? `${total} events` : `Showing the newest ${shown} of ${total} events; the exports hold all of them.`,
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exportFailed: (reason: string) => `The export failed: ${reason}`,
  columnTime: 'Time',
  columnApp: 'App / client',
  columnProvider: 'Provider',
  columnVerdict: 'Verdict',
  columnRisk: 'Risk',
  columnAction: 'Action',
  columnReason: 'Reason',

  localHeading: 'Local policy',
  localIntro:
    'For teams without device management: import a policy file (JSON, comments allowed). Managed policy and a signed remote config take precedence over it.',
  localActive: (when: string | undefined) => (when ? `A local policy is in use (imported ${when}).` : 'A local policy is in use.'),
  localNone: 'No local policy is imported.',
  fileLabel: 'Policy file',
  editorLabel: 'Policy (JSON)',
  editorHint: 'Paste or edit the policy here; it is checked as you type.',
  fileReadFailed: (name: string, reason: string) => `Could not read ${name}: ${reason}`,
  fileTooLarge: (name: string) => `${name} is larger than 16 MB; a policy file is far smaller.`,
  fileLoaded: (name: string) => `Loaded ${name} into the editor. Check it, then apply.`,
  restoreText: 'Put back what the editor held before',
  validEmpty: 'Type or load a policy to check it.',
  validOk: 'The policy is valid.',
  validErrors: (count: number) => (count === 1 ? 'The policy has 1 problem' : `The policy has ${count} problems`),
  errorAt: (path: string) => `At ${path}`,
  errorLine: (line: number, column: number) => `line ${line}, column ${column}`,
  fixLabel: 'Fix:',
  apply: 'Apply',
  applying: 'Applying\u2026',
  applied: 'The local policy is applied.',
  applyBlockedInvalid: 'Fix the problems listed before applying; nothing was changed.',
  applyEmpty: 'The editor is empty; nothing to apply.',
  applyRefused: (reason: string) => `The policy was not applied: ${reason}`,
  remove: 'Remove local policy',
  removing: 'Removing\u2026',
  removed: 'The local policy is removed.',
  removeFailed: (reason: string) => `Could not remove the local policy: ${reason}`,
  exportPolicy: 'Export policy in force',
} as const;
