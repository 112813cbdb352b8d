import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { DEFAULT_POLICY, DEFAULT_RULE_SETTINGS, defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { parsePolicy, parsePolicyText } from '../../../lib/policy/parse-policy';
import type { PolicyInput } from '../../../lib/policy/schema';
import { RULES } from '../../../lib/rules';
import { classify, NOW, request } from '../rules/request-fixtures';

const PROVIDERS: ProviderId[] = ['google', 'microsoft', 'github', 'slack', 'salesforce'];

/** A large, realistic policy: every approval fully filled in, names unique, a few hundred blocks. */
function bigPolicy(count: number): PolicyInput {
  return {
    schemaVersion: 1,
    enforcement: 'warn',
    organization: { name: 'Acme', supportContact: 'it@acme.test' },
    approvedIntegrations: Array.from({ length: count }, (_, i) => ({
      name: `Integration ${i}`,
      provider: PROVIDERS[i % PROVIDERS.length]!,
      clientId: `client-${i.toString(16).padStart(8, '0')}`,
      scopes: ['openid', 'email', `scope.${i % 50}.read`, 'Mail.Read'],
      owner: `owner${i}@acme.test`,
      backupOwner: `backup${i}@acme.test`,
      approvedBy: 'security@acme.test',
      approvedOn: '2026-01-15',
      reviewBy: '2026-07-15',
      expiresOn: '2027-01-15',
      dataClasses: ['internal', 'communications'],
      shutdown: 'Revoke the token in the admin console and ask the vendor to delete our data.',
      decisionUrl: `https://wiki.acme.test/decisions/${i}`,
      notes: 'Pilot with ten users first.',
    })),
    blockedIntegrations: Array.from({ length: 300 }, (_, i) => ({ provider: 'google' as const, clientId: `blocked-${i}`, reason: 'Not allowed.' })),
  };
}

describe('the default policy', () => {
  it('is valid, warns, and lists nothing', () => {
    expect(parsePolicy(DEFAULT_POLICY).ok).toBe(true);
    const compiled = defaultCompiledPolicy();
    expect(compiled.enforcement).toBe('warn');
    expect(compiled.approvalCount).toBe(0);
  });

  it('spells out every rule with its default action and options', () => {
    for (const rule of RULES) {
      expect(DEFAULT_RULE_SETTINGS[rule.id]).toEqual({ action: rule.defaultAction, ...rule.defaultOptions });
    }
  });

  it('applies the default rules with no policy at all', () => {
    const compiled = compilePolicy({});
    expect(compiled.rules).toEqual(DEFAULT_RULE_SETTINGS);
    expect(compiled.enforcement).toBe('warn');
  });
});

describe('compilePolicy', () => {
  it('merges an admin override over the rule defaults, option by option', () => {
    const parsed = parsePolicy({ rules: { 'pilot-without-expiry': { pilotMaxDays: 7 } } });
    if (!parsed.ok) throw new Error('invalid');
    expect(compilePolicy(parsed.policy).rules['pilot-without-expiry']).toEqual({ action: 'inform', pilotMaxDays: 7, exceptionMaxDays: 90 });
  });

  it('prefers the approval bound to the request host', () => {
    const parsed = parsePolicy({
      approvedIntegrations: [
        { name: 'Any host', provider: 'okta', clientId: 'c', scopes: ['openid'] },
        { name: 'Acme host', provider: 'okta', clientId: 'c', host: 'Acme.okta.com', scopes: ['openid', 'groups'] },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const compiled = compilePolicy(parsed.policy);
    expect(compiled.findApproval({ provider: 'okta', clientId: 'c', host: 'acme.okta.com' })?.entry.name).toBe('Acme host');
    expect(compiled.findApproval({ provider: 'okta', clientId: 'c', host: 'other.okta.com' })?.entry.name).toBe('Any host');
    expect(compiled.findApproval({ provider: 'auth0', clientId: 'c', host: 'acme.okta.com' })).toBeUndefined();
  });

  it.each([
    ['its own host', 'acme.okta.com', 'Acme only'],
    ['another host', 'other.okta.com', undefined],
  ])('finds a client approved once, for one host, on %s only', (_name, host, expected) => {
    const parsed = parsePolicy({
      approvedIntegrations: [{ name: 'Acme only', provider: 'okta', clientId: 'c', host: 'Acme.okta.com', scopes: ['openid'] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(compilePolicy(parsed.policy).findApproval({ provider: 'okta', clientId: 'c', host })?.entry.name).toBe(expected);
  });

  it.each([
    ['upper case and a trailing dot', 'ACME.okta.com.', 'acme.okta.com', 'Acme only'],
    ['the default port', 'acme.okta.com:443', 'acme.okta.com', 'Acme only'],
    ['an IDN host', 'bücher.example', 'xn--bcher-kva.example', 'Acme only'],
    ['a request host written differently', 'acme.okta.com', 'Acme.Okta.com.', 'Acme only'],
    ['another port on the same host (requests carry no port)', 'acme.okta.com:8443', 'acme.okta.com', 'Acme only'],
    ['another host', 'acme.okta.com', 'acme2.okta.com', undefined],
    ['a value that is no host', 'https://acme.okta.com/', 'acme.okta.com', undefined],
  ])('compares the approval host in canonical form: %s', (_name, approvedHost, requestHost, expected) => {
    const parsed = parsePolicy({
      approvedIntegrations: [{ name: 'Acme only', provider: 'okta', clientId: 'c', host: approvedHost, scopes: ['openid'] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(compilePolicy(parsed.policy).findApproval({ provider: 'okta', clientId: 'c', host: requestHost })?.entry.name).toBe(expected);
  });

  it('compares client ids exactly except Microsoft GUIDs', () => {
    const parsed = parsePolicy({
      approvedIntegrations: [
        { provider: 'google', clientId: 'Abc.apps.googleusercontent.com', scopes: [] },
        { provider: 'microsoft', clientId: 'AAAAAAAA-0000-0000-0000-000000000001', scopes: [] },
      ],
    });
    if (!parsed.ok) throw new Error('invalid');
    const compiled = compilePolicy(parsed.policy);
    expect(compiled.findApproval({ provider: 'google', clientId: 'abc.apps.googleusercontent.com', host: '' })).toBeUndefined();
    expect(compiled.findApproval({ provider: 'microsoft', clientId: 'aaaaaaaa-0000-0000-0000-000000000001', host: '' })).toBeDefined();
  });
});

describe('a policy of 10,000 approved integrations', () => {
  const input = bigPolicy(10_000);

  it('loads (parse + compile) and is reported', () => {
    // Warm up once, as an extension does on the first policy load after start.
    parsePolicy(bigPolicy(200));
    const started = performance.now();
    const parsed = parsePolicy(input);
    const parsedAt = performance.now();
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    const compiled = compilePolicy(parsed.policy);
    const done = performance.now();
    const text = JSON.stringify(input);
    const textStarted = performance.now();
    const fromText = parsePolicyText(text);
    const textDone = performance.now();
    expect(fromText.ok).toBe(true);
    console.log(
      `policy load, 10,000 integrations: parse ${(parsedAt - started).toFixed(1)} ms + compile ${(done - parsedAt).toFixed(1)} ms; ` +
        `from ${(text.length / 1e6).toFixed(1)} MB of text: ${(textDone - textStarted).toFixed(1)} ms`,
    );
    expect(compiled.approvalCount).toBe(10_000);
  });

  it('finds the right approval for the first, middle and last integration, and none for a stranger', () => {
    const parsed = parsePolicy(input);
    if (!parsed.ok) throw new Error('invalid');
    const compiled = compilePolicy(parsed.policy);
    for (const i of [0, 4_999, 9_999]) {
      const provider = PROVIDERS[i % PROVIDERS.length]!;
      const evaluation = evaluateRequest(
        request({ provider, clientId: `client-${i.toString(16).padStart(8, '0')}`, scopes: ['openid', 'Mail.Read'] }),
        compiled,
        { now: NOW, classify },
      );
      expect(evaluation.approval).toEqual({ index: i, name: `Integration ${i}` });
      expect(evaluation.verdict).toBe('approved');
    }
    expect(evaluateRequest(request({ clientId: 'stranger', scopes: ['Mail.Read'] }), compiled, { now: NOW, classify }).verdict).toBe('needs-review');
    const lookAlike = evaluateRequest(request({ clientId: 'stranger' }), compiled, { now: NOW, classify, page: { appName: 'integration 9999' } });
    expect(lookAlike.findings.map((finding) => finding.rule)).toContain('look-alike-app');
    expect(evaluateRequest(request({ provider: 'google', clientId: 'blocked-299' }), compiled, { now: NOW, classify }).verdict).toBe('blocked');
  });

  it('evaluates at a per-request cost independent of the list size (reported)', () => {
    const parsed = parsePolicy(input);
    if (!parsed.ok) throw new Error('invalid');
    const compiled = compilePolicy(parsed.policy);
    const requests = Array.from({ length: 1_000 }, (_, i) =>
      request({ provider: PROVIDERS[i % PROVIDERS.length]!, clientId: i % 2 === 0 ? `client-${i.toString(16).padStart(8, '0')}` : `x-${i}`, scopes: ['openid', 'Mail.Read'] }),
    );
    let verdicts = 0;
    const started = performance.now();
    for (let round = 0; round < 20; round++) {
      for (const req of requests) verdicts += evaluateRequest(req, compiled, { now: NOW, classify }).findings.length >= 0 ? 1 : 0;
    }
    const elapsed = performance.now() - started;
    console.log(`evaluateRequest with 10,000 approvals: ${Math.round(verdicts / (elapsed / 1000)).toLocaleString('en')} requests/s`);
    expect(verdicts).toBe(20_000);
  });
});
