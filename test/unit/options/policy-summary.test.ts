import { describe, expect, it } from 'vitest';
import { summarizePolicy } from '../../../lib/options/policy-summary';
import { DEFAULT_POLICY } from '../../../lib/engine/default-policy';
import type { Policy } from '../../../lib/policy/schema';
import { resolveEffectivePolicy } from '../../../lib/policy-sources/resolve-effective-policy';
import { POLICY, policyStatus } from './options-fixtures';

describe('summarizePolicy', () => {
  const { policy, origins } = policyStatus();
  const lines = summarizePolicy(policy, origins);

  it('lists every key with an origin, in the schema order, each rule on its own line after the lists', () => {
    expect(lines.map((line) => [line.key, line.origin])).toEqual([
      ['schemaVersion', 'managed'],
      ['organization', 'managed'],
      ['enforcement', 'remote'],
      ['approvedIntegrations', 'remote'],
      ['blockedIntegrations', 'local'],
      ['rules.narrow-scopes', 'default'],
      ['rules.scope-creep', 'managed'],
      ['reminders', 'default'],
    ]);
  });

  it.each([
    ['organization', 'Organization', 'Acme (support: it@acme.example)'],
    ['enforcement', 'Enforcement', 'Acknowledge (continuing needs a reason)'],
    ['approvedIntegrations', 'Approved integrations', '5 approved'],
    ['blockedIntegrations', 'Blocked integrations', '2 blocked'],
    ['rules.scope-creep', 'Rule: Scope creep', 'block'],
    ['rules.narrow-scopes', 'Rule: Narrow scopes: one system, one purpose', 'needs review; maxDataClasses: 2'],
    ['reminders', 'Reminders', 'expiry warning 14 days ahead'],
  ])('%s reads "%s: %s"', (key, label, value) => {
    const line = lines.find((candidate) => candidate.key === key);
    expect(line?.label.toLowerCase()).toBe(label.toLowerCase());
    expect(line?.value).toBe(value);
  });

  it.each<[Partial<Policy>, string, string]>([
    [{ configUrl: 'https://config.acme.example/p.json' }, 'configUrl', 'https://config.acme.example/p.json'],
    [{ configPublicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEabcdefghijkl' }, 'configPublicKey', 'pinned, ends \u2026abcdefghijkl'],
    [{ configRefreshMinutes: 30 }, 'configRefreshMinutes', 'every 30 minutes'],
    [{ allowLocalPolicy: false }, 'allowLocalPolicy', 'not allowed'],
    [{ allowLocalPolicy: true }, 'allowLocalPolicy', 'allowed'],
    [{ reporting: { webhookUrl: 'https://hooks.acme.example/e', include: ['scopes', 'host'] } }, 'reporting', 'https://hooks.acme.example/e (also scopes, host)'],
    [{ reviewIntake: { email: 'sec@acme.example', slackWebhookUrl: 'https://hooks.slack.com/x' } }, 'reviewIntake', 'Slack; email sec@acme.example'],
    [{ reviewIntake: {} }, 'reviewIntake', 'kept in this browser only'],
    [{ reminders: { draftReminderDays: 1 } }, 'reminders', 'drafts after 1 day'],
  ])('%j', (part, key, value) => {
    expect(summarizePolicy(part as Policy, { [key]: 'managed' })).toEqual([expect.objectContaining({ key, value, origin: 'managed' })]);
  });

  it('ignores origins that name no known source or key', () => {
    expect(summarizePolicy(POLICY, { enforcement: 'elsewhere', madeUp: 'managed' })).toEqual([]);
  });

  it('covers every line of the effective policy that the resolver builds from the defaults', () => {
    const effective = resolveEffectivePolicy({ defaults: DEFAULT_POLICY, managed: { enforcement: 'block' }, localAllowed: true });
    const summary = summarizePolicy(effective.policy, effective.origins);
    expect(summary.map((line) => line.key).sort()).toEqual(Object.keys(effective.origins).sort());
    expect(summary.find((line) => line.key === 'enforcement')).toMatchObject({ value: 'Block', origin: 'managed' });
    expect(summary.every((line) => line.value !== '')).toBe(true);
  });
});
