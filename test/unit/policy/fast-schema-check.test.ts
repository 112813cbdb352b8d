import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileSchemaCheck, FAILED } from '../../../lib/policy/fast-schema-check';
import { parsePolicy, parsePolicyText } from '../../../lib/policy/parse-policy';
import { PolicySchema } from '../../../lib/policy/schema';

/** Every key in order, `undefined` values included: the quick check must return what zod returns, key for key. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, child]) => [key, shapeOf(child)]);
  return value === undefined ? '<undefined>' : value;
}

const quickCheck = compileSchemaCheck(PolicySchema);

function expectSameAsZod(input: unknown): void {
  const zod = PolicySchema.safeParse(input);
  const quick = quickCheck(input);
  if (zod.success) {
    expect(quick).not.toBe(FAILED);
    expect(shapeOf(quick)).toEqual(shapeOf(zod.data));
  } else {
    expect(quick).toBe(FAILED);
  }
}

const FULL_APPROVAL = {
  notes: 'Keys in another order than the schema.',
  name: 'Acme CRM',
  provider: 'google',
  clientId: '1-a.apps.googleusercontent.com',
  host: 'accounts.google.com',
  scopes: ['openid', 'email'],
  kind: 'pilot',
  owner: 'ana@example.com',
  backupOwner: 'bo@example.com',
  approvedBy: 'security@example.com',
  approvedOn: '2026-01-15',
  reviewBy: '2026-07-15',
  expiresOn: '2026-01-29',
  dataClasses: ['customer', 'files'],
  shutdown: 'Revoke the token.',
  decisionUrl: 'https://tickets.example.com/SEC-1',
};

const FULL_POLICY = {
  $schema: './policy.schema.json',
  schemaVersion: 1,
  organization: { name: 'Acme', supportContact: 'it@example.com', supportUrl: 'https://help.example.com', reviewUrl: 'http://forms.example.com/review' },
  enforcement: 'acknowledge',
  approvedIntegrations: [FULL_APPROVAL, { provider: 'microsoft', clientId: 'AAAA-1', scopes: [] }],
  blockedIntegrations: [{ provider: 'slack', clientId: '*', name: 'Any Slack app', reason: 'Not here.' }],
  rules: { 'narrow-scopes': { action: 'block', maxSystems: 2 }, 'sensitive-data': { dataClasses: ['health'] } },
  configUrl: 'https://config.example.com/policy.json',
  configPublicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
  configRefreshMinutes: 30,
  allowLocalPolicy: false,
  reporting: { webhookUrl: 'https://hooks.example.com/events', include: ['scopes', 'host'] },
  reviewIntake: { email: 'security@example.com', formFields: { appName: 'entry.1' } },
  reminders: { expiryWarningDays: 7 },
};

describe('the quick policy check agrees with zod', () => {
  it.each([
    ['an empty policy', {}],
    ['a policy using every key', FULL_POLICY],
    ['an optional key given as undefined', { enforcement: undefined, approvedIntegrations: [{ ...FULL_APPROVAL, notes: undefined }] }],
    ['a required key given as undefined', { approvedIntegrations: [{ ...FULL_APPROVAL, clientId: undefined }] }],
    ['an unknown key', { approvedIntegrations: [{ ...FULL_APPROVAL, expireOn: '2026-01-01' }] }],
    ['a missing required key', { approvedIntegrations: [{ provider: 'google', scopes: [] }] }],
    ['an empty text', { approvedIntegrations: [{ ...FULL_APPROVAL, owner: '' }] }],
    ['a date that does not exist', { approvedIntegrations: [{ ...FULL_APPROVAL, approvedOn: '2026-02-30' }] }],
    ['a leap day', { approvedIntegrations: [{ ...FULL_APPROVAL, approvedOn: '2024-02-29', reviewBy: '2024-03-01' }] }],
    ['a javascript: link', { approvedIntegrations: [{ ...FULL_APPROVAL, decisionUrl: 'javascript:alert(1)' }] }],
    ['an unknown provider', { approvedIntegrations: [{ ...FULL_APPROVAL, provider: 'myspace' }] }],
    ['a scope that is a number', { approvedIntegrations: [{ ...FULL_APPROVAL, scopes: ['openid', 7] }] }],
    ['an entry that is a list', { approvedIntegrations: [[]] }],
    ['an entry that is not a plain object', { approvedIntegrations: [new Date(0)] }],
    ['an entry without a prototype', { approvedIntegrations: [Object.assign(Object.create(null) as object, { provider: 'box', clientId: 'b', scopes: [] })] }],
    ['a "__proto__" key', JSON.parse('{"approvedIntegrations":[{"provider":"box","clientId":"b","scopes":[],"__proto__":{}}]}') as unknown],
    ['a rule option out of range', { rules: { 'pilot-without-expiry': { pilotMaxDays: 0 } } }],
    ['a policy that is a list', []],
    ['a policy that is null', null],
  ])('%s', (_name, input) => {
    expectSameAsZod(input);
  });

  it('on random changes to a valid policy', () => {
    const values = fc.oneof(
      fc.constantFrom<unknown>(undefined, null, '', 'x', 0, 1, 3651, true, [], {}, ['openid'], '2026-02-29', '2028-02-29', 'https://a.test/x', 'google', 'block'),
      fc.string(),
    );
    const keys = fc.constantFrom(...Object.keys(FULL_APPROVAL), 'unknown');
    fc.assert(
      fc.property(keys, values, fc.boolean(), (key, value, remove) => {
        const entry: Record<string, unknown> = { ...FULL_APPROVAL };
        if (remove) delete entry[key];
        else entry[key] = value;
        expectSameAsZod({ ...FULL_POLICY, approvedIntegrations: [entry] });
      }),
      { numRuns: 500 },
    );
  });

  it('hands schema nodes it does not know to zod', () => {
    const schema = z.strictObject({ count: z.number().min(2), when: z.string().transform((text) => text.length) });
    const check = compileSchemaCheck(schema);
    expect(check({ count: 2, when: 'abc' })).toEqual({ count: 2, when: 3 });
    expect(check({ count: 1, when: 'abc' })).toBe(FAILED);
  });
});

describe('the in-place quick check', () => {
  const inPlace = compileSchemaCheck(PolicySchema, { inPlace: true });

  it.each([
    ['a full policy', FULL_POLICY],
    ['a minimal approval', { approvedIntegrations: [{ provider: 'box', clientId: 'b', scopes: ['root_readonly'] }] }],
  ])('returns %s itself, with the values zod returns', (_name, policy) => {
    const input: unknown = JSON.parse(JSON.stringify(policy));
    const zod = PolicySchema.safeParse(input);
    expect(inPlace(input)).toBe(input);
    expect(input).toEqual(zod.data);
  });

  it.each([
    ['an unknown key', { ...FULL_POLICY, extra: 1 }],
    ['a missing client id', { approvedIntegrations: [{ provider: 'box', scopes: [] }] }],
  ])('fails where zod fails: %s', (_name, policy) => {
    expect(inPlace(JSON.parse(JSON.stringify(policy)))).toBe(FAILED);
  });
});

describe('parsePolicyText with the in-place check', () => {
  it('reads the same policy as parsePolicy', () => {
    const text = JSON.stringify(FULL_POLICY);
    const fromText = parsePolicyText(text);
    const fromValue = parsePolicy(JSON.parse(text));
    if (!fromText.ok || !fromValue.ok) throw new Error('invalid');
    expect(fromText.policy).toEqual(fromValue.policy);
  });
});

describe('parsePolicy with the quick check', () => {
  it('returns a copy, not the input', () => {
    const input = { approvedIntegrations: [{ provider: 'box', clientId: 'b', scopes: ['root_readonly'] }] };
    const parsed = parsePolicy(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.policy).toEqual(input);
    expect(parsed.policy.approvedIntegrations).not.toBe(input.approvedIntegrations);
  });
});
