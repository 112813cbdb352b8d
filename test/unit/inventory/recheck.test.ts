import { describe, expect, it } from 'vitest';
import { AppInventory } from '../../../lib/inventory/app-inventory';
import { recheckApprovals, type DueReason } from '../../../lib/inventory/recheck';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import type { ApprovedIntegration, Policy } from '../../../lib/policy/schema';

const TODAY = '2026-06-15';
const approval = (change: Partial<ApprovedIntegration>): ApprovedIntegration => ({
  provider: 'google',
  clientId: 'app',
  scopes: ['openid'],
  reviewBy: '2026-12-01',
  ...change,
});
const reasons = (entry: ApprovedIntegration): DueReason[] => recheckApprovals({ approvedIntegrations: [entry] }, { today: TODAY })[0]?.due.map((due) => due.reason) ?? [];

describe('recheckApprovals', () => {
  it.each<[string, Partial<ApprovedIntegration>, DueReason[]]>([
    ['nothing due', {}, []],
    ['expired yesterday', { expiresOn: '2026-06-14' }, ['expired']],
    ['expires today: still valid, expiring', { expiresOn: '2026-06-15' }, ['expiring']],
    ['expires in 14 days', { expiresOn: '2026-06-29' }, ['expiring']],
    ['expires in 15 days: not yet', { expiresOn: '2026-06-30' }, []],
    ['review date passed', { reviewBy: '2026-06-01' }, ['review-passed']],
    ['review date within 14 days', { reviewBy: '2026-06-20' }, ['review-due']],
    ['a pilot without an expiry', { kind: 'pilot' }, ['pilot-without-expiry']],
    ['an exception without an expiry', { kind: 'exception', reviewBy: undefined }, ['exception-without-expiry']],
    ['production with no date at all', { reviewBy: undefined }, ['no-dates']],
    ['expired and review passed', { expiresOn: '2026-06-01', reviewBy: '2026-05-01' }, ['expired', 'review-passed']],
  ])('%s', (_name, change, expected) => {
    expect(reasons(approval(change))).toEqual(expected);
  });

  it('counts days to and since the dates', () => {
    const [item] = recheckApprovals({ approvedIntegrations: [approval({ expiresOn: '2026-06-10', reviewBy: '2026-06-20' })] }, { today: TODAY });
    expect(item?.due).toEqual([
      { reason: 'expired', date: '2026-06-10', days: -5 },
      { reason: 'review-due', date: '2026-06-20', days: 5 },
    ]);
  });

  it('sorts by the risk of the approved scopes, then by the soonest date, approvals without a date last', () => {
    const policy: Policy = {
      approvedIntegrations: [
        approval({ clientId: 'low-late', reviewBy: '2027-01-01' }),
        approval({ clientId: 'critical', provider: 'github', scopes: ['admin:org'] }),
        approval({ clientId: 'high-no-date', scopes: ['https://mail.google.com/'], reviewBy: undefined }),
        approval({ clientId: 'high-soon', scopes: ['https://www.googleapis.com/auth/gmail.readonly'], expiresOn: '2026-06-20', reviewBy: '2026-09-01' }),
        approval({ clientId: 'high-later', scopes: ['https://www.googleapis.com/auth/gmail.readonly'], reviewBy: '2026-08-01' }),
        approval({ clientId: 'low-early', reviewBy: '2026-07-01' }),
      ],
    };
    const items = recheckApprovals(policy, { today: TODAY });
    expect(items.map((item) => [item.clientId, item.risk])).toEqual([
      ['critical', 'critical'],
      ['high-soon', 'high'],
      ['high-later', 'high'],
      ['high-no-date', 'high'],
      ['low-early', 'low'],
      ['low-late', 'low'],
    ]);
    expect(items[0]?.index).toBe(1);
  });

  it('with events, names approvals nobody used lately or at all, and carries their usage', () => {
    const policy: Policy = { approvedIntegrations: [approval({ clientId: 'recent' }), approval({ clientId: 'stale' }), approval({ clientId: 'never' })] };
    const inventory = new AppInventory();
    const event = { provider: 'google', host: 'accounts.google.com', scopes: ['openid'], verdict: 'approved', risk: 'low', action: 'continued' } as const;
    inventory.add({ ...event, installationId: 'a', clientId: 'recent', at: '2026-06-10T10:00:00.000Z' });
    inventory.add({ ...event, installationId: 'b', clientId: 'recent', at: '2026-06-01T10:00:00.000Z' });
    inventory.add({ ...event, installationId: 'a', clientId: 'stale', at: '2026-02-01T10:00:00.000Z' });
    const apps = inventory.summarize(compilePolicy(policy));
    const items = recheckApprovals(policy, { today: TODAY, apps, unusedDays: 90 });
    const byId = new Map(items.map((item) => [item.clientId, item]));
    expect(byId.get('recent')?.due).toEqual([]);
    expect(byId.get('recent')?.usage).toEqual({ lastSeen: '2026-06-10T10:00:00.000Z', people: 2, events: 2 });
    expect(byId.get('stale')?.due).toEqual([{ reason: 'unused', date: '2026-02-01', days: -134 }]);
    expect(byId.get('never')?.due).toEqual([{ reason: 'never-used' }]);
    expect(byId.get('never')?.usage).toBeNull();
  });

  it('has nothing to recheck in a policy without approvals', () => {
    expect(recheckApprovals({}, { today: TODAY })).toEqual([]);
  });
});
