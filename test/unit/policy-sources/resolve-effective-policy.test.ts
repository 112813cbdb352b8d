import { describe, expect, it } from 'vitest';
import { describeLocalRestrictions, resolveEffectivePolicy, restrictLocalPolicy } from '../../../lib/policy-sources/resolve-effective-policy';
import type { Policy } from '../../../lib/policy/schema';

const defaults: Policy = { enforcement: 'warn', approvedIntegrations: [], blockedIntegrations: [] };
const approvedA = [{ provider: 'google' as const, clientId: 'a', scopes: ['openid'] }];
const approvedB = [{ provider: 'slack' as const, clientId: 'b', scopes: ['chat:write'] }];

describe('resolveEffectivePolicy', () => {
  it.each<[string, Partial<Record<'managed' | 'remote' | 'local', Policy>>, boolean, Policy, Record<string, string>]>([
    ['defaults alone', {}, true, defaults, { enforcement: 'default', approvedIntegrations: 'default', blockedIntegrations: 'default' }],
    [
      'local over defaults',
      { local: { enforcement: 'block' } },
      true,
      { ...defaults, enforcement: 'block' },
      { enforcement: 'local', approvedIntegrations: 'default', blockedIntegrations: 'default' },
    ],
    [
      'remote over local, key by key',
      { remote: { approvedIntegrations: approvedA }, local: { enforcement: 'acknowledge', approvedIntegrations: approvedB } },
      true,
      { enforcement: 'acknowledge', approvedIntegrations: approvedA, blockedIntegrations: [] },
      { enforcement: 'local', approvedIntegrations: 'remote', blockedIntegrations: 'default' },
    ],
    [
      'managed over everything; lists are replaced, never merged',
      { managed: { approvedIntegrations: approvedB, enforcement: 'acknowledge' }, remote: { approvedIntegrations: approvedA, enforcement: 'off' } },
      true,
      { enforcement: 'acknowledge', approvedIntegrations: approvedB, blockedIntegrations: [] },
      { enforcement: 'managed', approvedIntegrations: 'managed', blockedIntegrations: 'default' },
    ],
    [
      'a forbidden local policy is ignored',
      { local: { enforcement: 'off' } },
      false,
      defaults,
      { enforcement: 'default', approvedIntegrations: 'default', blockedIntegrations: 'default' },
    ],
  ])('%s', (_name, sources, localAllowed, policy, origins) => {
    const result = resolveEffectivePolicy({ ...sources, defaults, localAllowed });
    expect(result.policy).toEqual(policy);
    expect(result.origins).toEqual(origins);
  });

  it('resolves rules one rule at a time', () => {
    const result = resolveEffectivePolicy({
      managed: { rules: { 'offline-access': { action: 'block' } } },
      local: { rules: { 'offline-access': { action: 'off' }, 'admin-scopes': { action: 'block' } } },
      defaults,
      localAllowed: true,
    });
    expect(result.policy.rules).toEqual({ 'offline-access': { action: 'block' }, 'admin-scopes': { action: 'block' } });
    expect(result.origins['rules.offline-access']).toBe('managed');
    expect(result.origins['rules.admin-scopes']).toBe('local');
  });

  it('says when a local policy was ignored, and why', () => {
    const result = resolveEffectivePolicy({ local: { enforcement: 'off' }, defaults, localAllowed: false });
    expect(result.localIgnored).toMatch(/administrator/);
  });

  it('takes the config URL, key and local-policy lock from managed policy only', () => {
    const result = resolveEffectivePolicy({
      managed: { configRefreshMinutes: 30 },
      remote: { configUrl: 'https://evil.example/c.json', configPublicKey: 'AAAA', allowLocalPolicy: true },
      local: { configUrl: 'https://evil.example/c.json', enforcement: 'block' },
      defaults,
      localAllowed: true,
    });
    expect(result.policy.configUrl).toBeUndefined();
    expect(result.policy.configPublicKey).toBeUndefined();
    expect(result.policy.allowLocalPolicy).toBeUndefined();
    expect(result.policy.configRefreshMinutes).toBe(30);
    expect(result.policy.enforcement).toBe('block');
  });

  it('never copies $schema into the policy in force', () => {
    const result = resolveEffectivePolicy({ local: { $schema: './policy.schema.json' }, defaults, localAllowed: true });
    expect(result.policy.$schema).toBeUndefined();
  });
});

describe('a local policy file where managed or remote policy exists', () => {
  const reporting = { webhookUrl: 'https://hooks.attacker.example/events' };
  const reviewIntake = { webhookUrl: 'https://hooks.attacker.example/reviews' };
  const local: Policy = { enforcement: 'block', approvedIntegrations: approvedB, reporting, reviewIntake, blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] };

  it.each<[string, { managed?: Policy; remote?: Policy }, Policy, string[]]>([
    ['no managed, no remote: the file keeps every key', {}, local, []],
    [
      'managed policy without localPolicy: no approvals, no destinations; tightening stays',
      { managed: { enforcement: 'warn' } },
      { enforcement: 'block', blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] },
      ['approvedIntegrations', 'reporting', 'reviewIntake'],
    ],
    [
      'a remote config alone restricts the same way',
      { remote: { enforcement: 'warn' } },
      { enforcement: 'block', blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] },
      ['approvedIntegrations', 'reporting', 'reviewIntake'],
    ],
    [
      'managed allows approvals only',
      { managed: { localPolicy: { allowApprovals: true } } },
      { enforcement: 'block', approvedIntegrations: approvedB, blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] },
      ['reporting', 'reviewIntake'],
    ],
    ['managed allows both', { managed: { localPolicy: { allowApprovals: true, allowDestinations: true } } }, local, []],
    [
      'localPolicy in a remote config allows nothing: only managed policy may',
      { remote: { localPolicy: { allowApprovals: true, allowDestinations: true } } },
      { enforcement: 'block', blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] },
      ['approvedIntegrations', 'reporting', 'reviewIntake'],
    ],
    [
      'managed-only keys in the file are named too',
      { managed: { localPolicy: { allowApprovals: true, allowDestinations: true } } },
      local,
      ['configUrl', 'localPolicy'],
    ],
  ])('%s', (name, context, expected, restrictedKeys) => {
    const input: Policy = name.startsWith('managed-only')
      ? { ...local, configUrl: 'https://attacker.example/c.json', localPolicy: { allowApprovals: true } }
      : local;
    const result = restrictLocalPolicy(input, context);
    expect(result.policy).toEqual(expected);
    expect(result.restricted.map((entry) => entry.key)).toEqual(restrictedKeys);
  });

  it('resolves with the restricted file, and says what was ignored and why', () => {
    const result = resolveEffectivePolicy({ managed: { enforcement: 'warn' }, local, defaults, localAllowed: true });
    expect(result.policy.approvedIntegrations).toEqual([]);
    expect(result.policy.reporting).toBeUndefined();
    expect(result.origins.approvedIntegrations).toBe('default');
    expect(result.policy.blockedIntegrations).toEqual(local.blockedIntegrations);
    expect(describeLocalRestrictions(result.localRestricted ?? [])).toMatch(
      /^Your administrator manages Consent Gate, so these keys of the local policy file are ignored: approvedIntegrations \(only managed policy may let a local file approve apps/,
    );
  });

  it.each<[string, Policy, Policy, string[]]>([
    ['enforcement off', { enforcement: 'off' }, {}, ['enforcement']],
    ['enforcement monitor', { enforcement: 'monitor' }, {}, ['enforcement']],
    ['enforcement inform', { enforcement: 'inform' }, {}, ['enforcement']],
    ['enforcement warn, as strict as the default', { enforcement: 'warn' }, { enforcement: 'warn' }, []],
    ['a rule switched off', { rules: { 'hidden-scopes': { action: 'off' } } }, {}, ['rules.hidden-scopes']],
    ['a rule softened to inform', { rules: { 'offline-access': { action: 'inform' } } }, {}, ['rules.offline-access']],
    ['a rule made stricter', { rules: { 'offline-access': { action: 'block' } } }, { rules: { 'offline-access': { action: 'block' } } }, []],
    ['a rule limit raised', { rules: { 'narrow-scopes': { action: 'block', maxDataClasses: 9 } } }, {}, ['rules.narrow-scopes']],
  ])('a local file cannot loosen what the administrator left at its default: %s', (_name, file, kept, restrictedKeys) => {
    const result = restrictLocalPolicy(file, { managed: { configUrl: 'https://config.acme.example/p.json' }, defaults });
    expect(result.policy).toEqual(kept);
    expect(result.restricted.map((entry) => entry.key)).toEqual(restrictedKeys);
    const resolved = resolveEffectivePolicy({ managed: {}, local: file, defaults, localAllowed: true });
    expect(['warn', 'acknowledge', 'block']).toContain(resolved.policy.enforcement);
  });

  it('without managed or remote policy the file is the admin\'s own and may loosen', () => {
    expect(restrictLocalPolicy({ enforcement: 'off' }, { defaults }).policy).toEqual({ enforcement: 'off' });
  });

  it('an empty approval list in the file is nothing to report', () => {
    expect(restrictLocalPolicy({ approvedIntegrations: [] }, { managed: {} }).restricted).toEqual([]);
  });
});
