import { describe, expect, it } from 'vitest';
import { AppInventory } from '../../../lib/inventory/app-inventory';
import { renderDraftApprovals } from '../../../lib/inventory/draft-approvals';
import type { InventoryEvent } from '../../../lib/inventory/inventory-event';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { parsePolicyText } from '../../../lib/policy/parse-policy';

const events: InventoryEvent[] = [
  { installationId: 'a', at: '2026-06-01T10:00:00.000Z', provider: 'google', clientId: 'approved-app', host: 'accounts.google.com', scopes: ['openid'], verdict: 'approved', risk: 'low', action: 'continued' },
  { installationId: 'a', at: '2026-06-01T10:00:00.000Z', provider: 'google', clientId: 'new-app', host: 'accounts.google.com', appName: 'Evil\n// "name" */ \u202eApp', scopes: ['https://mail.google.com/', 'openid'], verdict: 'needs-review', risk: 'high', action: 'cancelled' },
  { installationId: 'b', at: '2026-06-02T10:00:00.000Z', provider: 'okta', clientId: 'okta-app', host: 'acme.okta.com', scopes: ['openid', 'okta.users.manage'], verdict: 'needs-review', risk: 'critical', action: 'review-started' },
  { installationId: 'b', at: '2026-06-02T10:00:00.000Z', provider: 'slack', clientId: 'blocked-app', host: 'slack.com', scopes: ['chat:write'], verdict: 'blocked', risk: 'high', action: 'blocked' },
];

function draft(): string {
  const inventory = new AppInventory();
  for (const event of events) inventory.add(event);
  const policy = compilePolicy({
    approvedIntegrations: [{ provider: 'google', clientId: 'approved-app', scopes: ['openid'] }],
    blockedIntegrations: [{ provider: 'slack', clientId: 'blocked-app' }],
  });
  return renderDraftApprovals(inventory.summarize(policy), { today: '2026-06-10', sources: ['events.jsonl'] });
}

describe('renderDraftApprovals', () => {
  it('drafts the unapproved apps only, riskiest first, as a JSONC file the policy parser accepts', () => {
    const parsed = parsePolicyText(draft());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.policy.approvedIntegrations).toEqual([
      // Okta approvals must name their host: a client id alone does not identify the app there.
      { provider: 'okta', clientId: 'okta-app', host: 'acme.okta.com', scopes: ['okta.users.manage', 'openid'], kind: 'pilot' },
      { name: 'Evil\n// "name" */ \u202eApp', provider: 'google', clientId: 'new-app', scopes: ['https://mail.google.com/', 'openid'], kind: 'pilot' },
    ]);
  });

  it('says in comments that nothing is approved, and what the events showed', () => {
    const text = draft();
    expect(text).toContain('NOTHING HERE IS APPROVED');
    expect(text).toContain('// okta-app: critical risk; 1 person, 1 event, 2026-06-02 to 2026-06-02; continued 0, cancelled 0, review started 1.');
  });

  it('keeps a hostile app name on its comment line, without its line break or direction override', () => {
    const line = draft()
      .split('\n')
      .find((candidate) => candidate.includes('high risk'));
    expect(line).toBe('    // Evil // "name" */ App: high risk; 1 person, 1 event, 2026-06-01 to 2026-06-01; continued 0, cancelled 1, review started 0.');
  });

  it('is a valid, empty list when every app is approved', () => {
    const parsed = parsePolicyText(renderDraftApprovals([], { today: '2026-06-10', sources: ['-'] }));
    expect(parsed.ok && parsed.policy.approvedIntegrations).toEqual([]);
  });
});
