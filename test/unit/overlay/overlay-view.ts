/** Builds the views the background sends the overlay, for the overlay's tests. */
import type { Evaluation, Finding, Verdict } from '../../../lib/evaluation';
import type { OverlayView } from '../../../lib/messages/protocol';
import type { ScopeInfo } from '../../../lib/scopes/scope-info';

export type Enforcement = OverlayView['enforcement'];

export const ENFORCEMENTS = ['off', 'monitor', 'inform', 'warn', 'acknowledge', 'block'] as const satisfies readonly Enforcement[];

const DRIVE: ScopeInfo = {
  scope: 'https://www.googleapis.com/auth/drive',
  catalog: 'google',
  access: ['read', 'write', 'delete'],
  dataClasses: ['files'],
  breadth: 'shared',
  labels: ['google-restricted'],
  description: 'See, edit, create and delete all your Google Drive files',
  grantsOfflineAccess: false,
  source: 'catalog',
};

const GMAIL: ScopeInfo = {
  ...DRIVE,
  scope: 'https://www.googleapis.com/auth/gmail.readonly',
  access: ['read'],
  dataClasses: ['communications'],
  description: 'Read all your email and its settings',
};

export const SENSITIVE_FINDING: Finding = {
  rule: 'sensitive-data',
  severity: 'high',
  message: 'It reads your email, which holds customer and employee data.',
  scopes: [GMAIL.scope],
  requiresReview: true,
};

export const INFO_FINDING: Finding = { rule: 'offline-access', severity: 'warning', message: 'It keeps access while you are away.' };

export const LOOKALIKE_APP_FINDING: Finding = {
  rule: 'look-alike-app',
  severity: 'critical',
  message: 'This app calls itself "Example CRM", like the approved Example CRM, but it is a different app.',
  requiresReview: true,
};

export const LOOKALIKE_HOST_FINDING: Finding = {
  rule: 'look-alike-host',
  severity: 'critical',
  message: 'This sign-in page only imitates accounts.google.com.',
  requiresReview: true,
};

const RISK_BY_VERDICT: Record<Verdict, Evaluation['risk']> = { approved: 'low', allowed: 'low', 'needs-review': 'high', blocked: 'critical' };

export function makeView(overrides: {
  enforcement?: Enforcement;
  verdict?: Verdict;
  findings?: Finding[];
  scopes?: ScopeInfo[];
  appName?: string;
  organization?: OverlayView['organization'];
  offlineAccess?: boolean;
  flowId?: string;
} = {}): OverlayView {
  const verdict = overrides.verdict ?? 'needs-review';
  const scopes = overrides.scopes ?? [DRIVE, GMAIL];
  return {
    flowId: overrides.flowId ?? 'flow-1',
    enforcement: overrides.enforcement ?? 'warn',
    request: {
      provider: 'google',
      clientId: '407408718192-crmsync0demo.apps.googleusercontent.com',
      scopes: scopes.map((scope) => scope.scope),
      offlineAccess: overrides.offlineAccess ?? false,
      redirectUri: 'https://app.example-crm.test/oauth/callback',
      host: 'accounts.google.com',
    },
    evaluation: {
      verdict,
      risk: RISK_BY_VERDICT[verdict],
      findings: overrides.findings ?? (verdict === 'needs-review' || verdict === 'blocked' ? [INFO_FINDING, SENSITIVE_FINDING] : []),
      scopes,
      ...(verdict === 'approved' ? { approval: { index: 0, name: 'Example CRM' } } : {}),
    },
    ...('appName' in overrides ? { appName: overrides.appName } : { appName: 'Example CRM' }),
    organization: overrides.organization ?? { name: 'Northwind', supportContact: 'security@northwind.example', supportUrl: 'https://help.northwind.example/apps' },
  };
}
