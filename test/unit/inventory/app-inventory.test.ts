import { describe, expect, it } from 'vitest';
import { AppInventory, MAX_SCOPES_PER_APP, type AppSummary } from '../../../lib/inventory/app-inventory';
import type { InventoryEvent } from '../../../lib/inventory/inventory-event';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import type { Policy } from '../../../lib/policy/schema';

const base: InventoryEvent = {
  installationId: 'inst-1',
  at: '2026-06-01T10:00:00.000Z',
  provider: 'google',
  clientId: 'crm.apps.googleusercontent.com',
  host: 'accounts.google.com',
  scopes: ['openid'],
  verdict: 'needs-review',
  risk: 'medium',
  action: 'continued',
};
const event = (change: Partial<InventoryEvent>): InventoryEvent => ({ ...base, ...change });

function summarize(events: readonly InventoryEvent[], policy?: Policy, since?: string): AppSummary[] {
  const inventory = new AppInventory(since);
  for (const item of events) inventory.add(item);
  return inventory.summarize(policy === undefined ? undefined : compilePolicy(policy));
}

describe('AppInventory', () => {
  it('folds one app\'s events: distinct people, first and last seen, verdicts, actions, the union of scopes, the latest name', () => {
    const [app, ...others] = summarize([
      event({ at: '2026-06-03T10:00:00.000Z', appName: 'Old name', action: 'cancelled' }),
      event({ installationId: 'inst-2', at: '2026-06-05T10:00:00.000Z', appName: 'Acme CRM', scopes: ['https://www.googleapis.com/auth/gmail.readonly'] }),
      event({ at: '2026-06-01T10:00:00.000Z', verdict: 'approved', action: 'review-started' }),
      event({ installationId: 'inst-3', at: '2026-06-04T10:00:00.000Z', action: 'review-requested' }),
    ]);
    expect(others).toEqual([]);
    expect(app).toMatchObject({
      provider: 'google',
      appName: 'Acme CRM',
      people: 3,
      events: 4,
      firstSeen: '2026-06-01T10:00:00.000Z',
      lastSeen: '2026-06-05T10:00:00.000Z',
      verdicts: { approved: 1, allowed: 0, 'needs-review': 3, blocked: 0 },
      actions: { continued: 1, cancelled: 1, 'review-started': 1, 'review-requested': 1, shown: 0, blocked: 0, logged: 0 },
      approval: 'no-policy',
    });
    // Reading mail is sensitive: high; sign-in alone is low. Riskiest first.
    expect(app?.scopes.map((scope) => [scope.scope, scope.risk])).toEqual([
      ['https://www.googleapis.com/auth/gmail.readonly', 'high'],
      ['openid', 'low'],
    ]);
    expect(app?.risk).toBe('high');
  });

  it.each<[string, InventoryEvent, InventoryEvent, number]>([
    ['another client id', base, event({ clientId: 'other' }), 2],
    ['another host', event({ provider: 'okta', host: 'a.okta.com' }), event({ provider: 'okta', host: 'b.okta.com' }), 2],
    ['another provider', base, event({ provider: 'github', host: 'github.com' }), 2],
    ['a Microsoft client id in another case (Microsoft compares them case-insensitively)', event({ provider: 'microsoft', clientId: 'ABC', host: 'login.microsoftonline.com' }), event({ provider: 'microsoft', clientId: 'abc', host: 'login.microsoftonline.com' }), 1],
  ])('%s makes a separate app or not', (_name, first, second, apps) => {
    expect(summarize([first, second])).toHaveLength(apps);
  });

  it('sorts by risk, then people, then events, then provider and client id', () => {
    const apps = summarize([
      event({ clientId: 'low-many', scopes: ['openid'], risk: 'low', installationId: 'a' }),
      event({ clientId: 'low-many', scopes: ['openid'], risk: 'low', installationId: 'b' }),
      event({ clientId: 'critical-one', scopes: [], risk: 'critical' }),
      event({ clientId: 'high-b', scopes: [], risk: 'high', installationId: 'a' }),
      event({ clientId: 'high-b', scopes: [], risk: 'high', installationId: 'b' }),
      event({ clientId: 'high-a', scopes: [], risk: 'high', installationId: 'c' }),
      event({ clientId: 'high-a', scopes: [], risk: 'high', installationId: 'c' }),
      event({ clientId: 'high-0', scopes: [], risk: 'high', installationId: 'd' }),
      event({ clientId: 'high-c', scopes: [], risk: 'high', installationId: 'e' }),
    ]);
    expect(apps.map((app) => app.clientId)).toEqual(['critical-one', 'high-b', 'high-a', 'high-0', 'high-c', 'low-many']);
  });

  it('takes the scope catalog\'s risk when it is above what the events reported', () => {
    const [app] = summarize([event({ provider: 'github', host: 'github.com', clientId: 'gh', scopes: ['admin:org'], risk: 'low' })]);
    expect(app?.risk).toBe('critical');
  });

  it('counts only events from --since on, and says how many it left out', () => {
    const inventory = new AppInventory('2026-06-02');
    for (const at of ['2026-06-01T23:59:59.999Z', '2026-06-02T00:00:00.000Z', '2026-06-09T00:00:00.000Z']) inventory.add(event({ at }));
    expect(inventory.totals()).toEqual({ events: 2, beforeSince: 1, apps: 1, people: 1 });
    expect(inventory.summarize(undefined)[0]?.firstSeen).toBe('2026-06-02T00:00:00.000Z');
  });

  it('is empty for no events', () => {
    const inventory = new AppInventory();
    expect(inventory.summarize(undefined)).toEqual([]);
    expect(inventory.totals()).toEqual({ events: 0, beforeSince: 0, apps: 0, people: 0 });
  });

  it('lists at most MAX_SCOPES_PER_APP scopes and counts the rest', () => {
    const scopes = Array.from({ length: MAX_SCOPES_PER_APP + 7 }, (_, index) => `custom.scope.${index}`);
    const [app] = summarize([event({ scopes }), event({ scopes })]);
    expect(app?.scopes).toHaveLength(MAX_SCOPES_PER_APP);
    expect(app?.scopesNotListed).toBe(7);
  });

  describe('against a policy', () => {
    const policy: Policy = {
      approvedIntegrations: [
        { provider: 'google', clientId: 'crm.apps.googleusercontent.com', scopes: ['openid', 'https://www.googleapis.com/auth/drive'] },
        { provider: 'okta', clientId: 'okta-app', host: 'acme.okta.com', scopes: ['openid'] },
      ],
      blockedIntegrations: [{ provider: 'dropbox', clientId: 'bad' }],
    };

    it.each<[string, InventoryEvent, AppSummary['approval'], string[]]>([
      ['approved, scopes within the approval', event({ scopes: ['openid'] }), 'approved', []],
      ['approved, a narrower scope the approved one includes', event({ scopes: ['https://www.googleapis.com/auth/drive.readonly'] }), 'approved', []],
      ['more than approved', event({ scopes: ['openid', 'https://mail.google.com/'] }), 'beyond-approval', ['https://mail.google.com/']],
      ['not approved', event({ clientId: 'unknown' }), 'not-approved', ['openid']],
      ['blocked', event({ provider: 'dropbox', clientId: 'bad', host: 'www.dropbox.com' }), 'blocked', ['openid']],
      ['host-bound approval, same host', event({ provider: 'okta', clientId: 'okta-app', host: 'acme.okta.com' }), 'approved', []],
      ['host-bound approval, another host', event({ provider: 'okta', clientId: 'okta-app', host: 'evil.okta.com' }), 'not-approved', ['openid']],
      // Fail closed: without the host the app cannot be told from one on another server.
      ['host-bound approval, host not reported', event({ provider: 'okta', clientId: 'okta-app', host: undefined }), 'not-approved', ['openid']],
    ])('%s', (_name, item, approval, unapproved) => {
      const [app] = summarize([item], policy);
      expect(app?.approval).toBe(approval);
      expect(app?.scopes.filter((scope) => !scope.approved).map((scope) => scope.scope)).toEqual(unapproved);
    });
  });
});
