import { describe, expect, it } from 'vitest';
import { parseManagedPolicy, partOfPath } from '../../../lib/policy/parse-managed-policy';
import type { Policy } from '../../../lib/policy/schema';

const KEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq3Yk';
const GOOD_APP = { provider: 'google', clientId: 'good.apps.googleusercontent.com', scopes: ['openid'], approvedOn: '2026-01-12' };
const BAD_DATE_APP = { provider: 'github', clientId: 'Iv1.bad', scopes: ['read:org'], expiresOn: '2026-02-30' };
const SAFETY = { enforcement: 'block', allowLocalPolicy: false, configUrl: 'https://config.example/policy.json', configPublicKey: KEY };

describe('partOfPath', () => {
  it.each([
    ['$.approvedIntegrations[3].expiresOn', { kind: 'entry', key: 'approvedIntegrations', index: 3 }],
    ['$.blockedIntegrations[0]', { kind: 'entry', key: 'blockedIntegrations', index: 0 }],
    ["$.rules['narrow-scopes'].maxSystems", { kind: 'rule', rule: 'narrow-scopes' }],
    ['$.rules.consentfix.action', { kind: 'rule', rule: 'consentfix' }],
    ['$.enforcement', { kind: 'key', key: 'enforcement' }],
    ['$.reporting.webhookUrl', { kind: 'key', key: 'reporting' }],
    ['$.approvedIntegrations', { kind: 'key', key: 'approvedIntegrations' }],
    ['$', undefined],
  ])('%s', (path, part) => {
    expect(partOfPath(path)).toEqual(part);
  });
});

describe('parseManagedPolicy: one bad value never takes the rest down', () => {
  it.each<[string, Record<string, unknown>, Policy | undefined, Partial<Policy>, string[]]>([
    ['a valid policy is used whole', { ...SAFETY, approvedIntegrations: [GOOD_APP] }, undefined, { ...SAFETY, approvedIntegrations: [GOOD_APP] } as Partial<Policy>, []],
    [
      'an impossible date drops that approval only; the lock, enforcement and config stay',
      { ...SAFETY, approvedIntegrations: [GOOD_APP, BAD_DATE_APP] },
      undefined,
      { ...SAFETY, approvedIntegrations: [GOOD_APP] } as Partial<Policy>,
      ['$.approvedIntegrations[1].expiresOn'],
    ],
    [
      'two bad approvals among good ones: indexes stay right',
      { enforcement: 'warn', approvedIntegrations: [BAD_DATE_APP, GOOD_APP, { ...BAD_DATE_APP, clientId: 'Iv1.other', expireOn: '2026-01-01' }] },
      undefined,
      { enforcement: 'warn', approvedIntegrations: [GOOD_APP] } as Partial<Policy>,
      ['$.approvedIntegrations[0].expiresOn', '$.approvedIntegrations[2].expiresOn', '$.approvedIntegrations[2].expireOn'],
    ],
    ['an invalid enforcement without a last good value means block', { enforcement: 'strict', allowLocalPolicy: true }, undefined, { enforcement: 'block', allowLocalPolicy: true }, ['$.enforcement']],
    ['an invalid enforcement keeps the last good managed value', { enforcement: 'strict' }, { enforcement: 'acknowledge' }, { enforcement: 'acknowledge' }, ['$.enforcement']],
    // The signed remote config carries approvals, blocks and enforcement: a typo in its address or key must not drop it.
    [
      'an invalid configPublicKey keeps the last good managed key',
      { enforcement: 'warn', configUrl: 'https://config.acme.example/p.json', configPublicKey: 'not a key!' },
      { configUrl: 'https://config.acme.example/p.json', configPublicKey: 'AAAA' },
      { enforcement: 'warn', configUrl: 'https://config.acme.example/p.json', configPublicKey: 'AAAA' },
      ['$.configPublicKey'],
    ],
    [
      'an invalid configUrl keeps the last good managed address',
      { configUrl: 'http://config.acme.example/p.json', configPublicKey: 'AAAA' },
      { configUrl: 'https://config.acme.example/p.json', configPublicKey: 'AAAA' },
      { configUrl: 'https://config.acme.example/p.json', configPublicKey: 'AAAA' },
      ['$.configUrl'],
    ],
    ['an invalid configUrl without a last good value is dropped', { configUrl: 'http://config.acme.example/p.json', configPublicKey: 'AAAA' }, undefined, { configPublicKey: 'AAAA' }, ['$.configUrl']],
    ['an invalid allowLocalPolicy means false', { allowLocalPolicy: 'no', enforcement: 'inform' }, undefined, { allowLocalPolicy: false, enforcement: 'inform' }, ['$.allowLocalPolicy']],
    [
      'a bad webhook address drops reporting only',
      { ...SAFETY, reporting: { webhookUrl: 'http://plain.example/hook' } },
      undefined,
      SAFETY as Partial<Policy>,
      ['$.reporting.webhookUrl'],
    ],
    [
      'a bad rule setting drops that rule only',
      { enforcement: 'warn', rules: { 'narrow-scopes': { maxSystems: 0 }, 'admin-scopes': { action: 'block' } } },
      undefined,
      { enforcement: 'warn', rules: { 'admin-scopes': { action: 'block' } } },
      ["$.rules['narrow-scopes'].maxSystems"],
    ],
    [
      'a block that contradicts an approval drops the approval, never the block',
      { enforcement: 'warn', approvedIntegrations: [GOOD_APP], blockedIntegrations: [{ provider: 'google', clientId: GOOD_APP.clientId }] },
      undefined,
      { enforcement: 'warn', approvedIntegrations: [], blockedIntegrations: [{ provider: 'google', clientId: GOOD_APP.clientId }] },
      ['$.blockedIntegrations[0]'],
    ],
    ['an unknown top-level key is dropped', { enforcement: 'monitor', enforcment: 'off' }, undefined, { enforcement: 'monitor' }, ['$.enforcment']],
    ['a list that is not a list is dropped whole', { ...SAFETY, approvedIntegrations: 'all' }, undefined, SAFETY as Partial<Policy>, ['$.approvedIntegrations']],
  ])('%s', (_name, input, lastGood, expected, paths) => {
    const result = parseManagedPolicy(input, lastGood);
    expect(result.policy).toEqual(expected);
    expect(result.errors.map((error) => error.path)).toEqual(paths);
  });

  it('a value that is not an object keeps only the fail-closed fallbacks', () => {
    const result = parseManagedPolicy('block everything', { enforcement: 'warn' });
    expect(result.policy).toEqual({ enforcement: 'warn', allowLocalPolicy: false });
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('says what is wrong in words, with the fix', () => {
    const [error] = parseManagedPolicy({ approvedIntegrations: [BAD_DATE_APP] }).errors;
    expect(error?.message).toBe('"2026-02-30" is not a real calendar day.');
    expect(error?.fix).toMatch(/month/);
  });
});
