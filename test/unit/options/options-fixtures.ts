import type { PolicyStatus } from '../../../lib/messages/protocol';
import type { Policy } from '../../../lib/policy/schema';
import type { ConsentEvent } from '../../../lib/storage/records';

/** Today in every options test: 2026-03-10. */
export const TODAY = new Date(2026, 2, 10, 12, 0, 0);

/**
 * Approvals chosen so each sort and filter gives a different order. Risks come from the real catalog:
 * Google Workspace admin directory is critical, GitHub `public_repo` high (`repo` is critical: it also manages
 * organisation teams and webhooks), Google calendar read-only medium, sign-in low.
 */
export const POLICY: Policy = {
  schemaVersion: 1,
  enforcement: 'acknowledge',
  organization: { name: 'Acme', supportContact: 'it@acme.example' },
  reminders: { expiryWarningDays: 14 },
  approvedIntegrations: [
    { name: 'Calendar Sync', provider: 'google', clientId: 'cal-1', scopes: ['https://www.googleapis.com/auth/calendar.readonly'], owner: 'Bea', reviewBy: '2026-09-01' },
    { name: 'Dir Admin', provider: 'google', clientId: 'dir-1', scopes: ['openid', 'https://www.googleapis.com/auth/admin.directory.user'], owner: 'Ana', reviewBy: '2026-03-01' },
    { name: 'Code Bot', provider: 'github', clientId: 'gh-1', scopes: ['public_repo'], kind: 'pilot', expiresOn: '2026-03-20', owner: 'Cid' },
    { name: 'Sign In', provider: 'microsoft', clientId: 'ms-1', scopes: ['openid', 'User.Read'] },
    { provider: 'github', clientId: 'gh-2', scopes: ['public_repo', 'read:user'], owner: 'Dee', backupOwner: 'Zed', expiresOn: '2026-02-01', host: 'github.com' },
  ],
  blockedIntegrations: [
    { provider: 'google', clientId: 'evil-1', name: 'Evil Exporter', reason: 'Copies mail to its own servers.' },
    { provider: 'dropbox', clientId: '*' },
  ],
  rules: { 'scope-creep': { action: 'block' }, 'narrow-scopes': { action: 'review', maxDataClasses: 2 } },
};

export function policyStatus(overrides: Partial<PolicyStatus> = {}, policy: Policy = POLICY): PolicyStatus {
  return {
    policy,
    origins: {
      schemaVersion: 'managed',
      organization: 'managed',
      enforcement: 'remote',
      approvedIntegrations: 'remote',
      blockedIntegrations: 'local',
      reminders: 'default',
      'rules.scope-creep': 'managed',
      'rules.narrow-scopes': 'default',
    },
    sources: {
      managed: { active: true, updatedAt: '2026-03-10T08:00:00.000Z' },
      remote: { active: true, url: 'https://config.acme.example/consent-gate.json', serial: 42, checkedAt: '2026-03-10T09:30:00.000Z' },
      local: { active: true, allowed: true, updatedAt: '2026-03-09T10:00:00.000Z' },
    },
    ...overrides,
  };
}

export function consentEvent(overrides: Partial<ConsentEvent> = {}): ConsentEvent {
  return {
    id: 1,
    at: '2026-03-10T09:00:00.000Z',
    provider: 'google',
    clientId: 'client-1',
    appName: 'Mail Helper',
    host: 'accounts.google.com',
    scopes: ['openid', 'https://mail.google.com/'],
    verdict: 'needs-review',
    risk: 'high',
    enforcement: 'warn',
    action: 'continued',
    rules: ['sensitive-data', 'offline-access'],
    ...overrides,
  };
}
