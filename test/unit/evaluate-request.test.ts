import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../../lib/authorization-request';
import type { PageFacts, RiskLevel, Verdict } from '../../lib/evaluation';
import { evaluateRequest } from '../../lib/evaluate-request';
import { compilePolicy } from '../../lib/policy/compile-policy';
import { defaultCompiledPolicy } from '../../lib/policy/default-policy';
import { parsePolicy } from '../../lib/policy/parse-policy';
import { RULE_IDS, type PolicyInput } from '../../lib/policy/schema';
import { classify, NOW, request } from './rules/request-fixtures';

const CLIENT = 'aaaaaaaa-0000-0000-0000-000000000001';

function compile(input: PolicyInput) {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return compilePolicy(parsed.policy);
}

const APPROVED = compile({
  approvedIntegrations: [
    { name: 'Acme Mail', provider: 'microsoft', clientId: CLIENT, scopes: ['openid', 'offline_access', 'Mail.Read'], reviewBy: '2026-01-01' },
    { name: 'Old Tool', provider: 'microsoft', clientId: 'cccccccc-0000-0000-0000-000000000003', scopes: ['openid', 'Mail.Read'], expiresOn: '2026-03-01' },
    { name: 'Okta Portal', provider: 'okta', clientId: 'okta-client', host: 'acme.okta.com', scopes: ['openid', 'Tasks.Read'] },
  ],
  blockedIntegrations: [{ provider: 'microsoft', clientId: 'dddddddd-0000-0000-0000-000000000004', reason: 'Sold our data.' }],
});

interface VerdictCase {
  name: string;
  request: AuthorizationRequest;
  policy?: ReturnType<typeof compile>;
  page?: PageFacts;
  verdict: Verdict;
  rules: string[];
}

const VERDICTS: VerdictCase[] = [
  { name: 'approved client within its scopes', request: request({ scopes: ['openid', 'Mail.Read'] }), policy: APPROVED, verdict: 'approved', rules: ['review-date-passed'] },
  { name: 'approved, with Graph prefix and other case', request: request({ scopes: ['openid', 'https://graph.microsoft.com/Mail.Read'] }), policy: APPROVED, verdict: 'approved', rules: ['review-date-passed'] },
  { name: 'approved client, id in upper case', request: request({ clientId: CLIENT.toUpperCase(), scopes: ['Mail.Read'] }), policy: APPROVED, verdict: 'approved', rules: ['review-date-passed'] },
  { name: 'approved, host-bound approval on its host', request: request({ provider: 'okta', host: 'acme.okta.com', clientId: 'okta-client', scopes: ['Tasks.Read'] }), policy: APPROVED, verdict: 'approved', rules: [] },
  { name: 'host-bound approval on another host', request: request({ provider: 'okta', host: 'evil.okta.com', clientId: 'okta-client', scopes: ['Tasks.Read'] }), policy: APPROVED, verdict: 'needs-review', rules: ['not-approved'] },
  { name: 'unknown app, sign-in only', request: request({ scopes: ['openid', 'email', 'profile'] }), verdict: 'allowed', rules: [] },
  { name: 'unknown app, sign-in with offline_access', request: request({ scopes: ['openid', 'offline_access', 'User.Read'], offlineAccess: true }), verdict: 'allowed', rules: [] },
  { name: 'GitHub user:email', request: request({ provider: 'github', scopes: ['user:email'] }), verdict: 'allowed', rules: [] },
  { name: 'GitHub without scopes (public read)', request: request({ provider: 'github', scopes: [] }), verdict: 'allowed', rules: [] },
  { name: 'Slack identity scope', request: request({ provider: 'slack', scopes: ['identity.basic'] }), verdict: 'allowed', rules: [] },
  { name: 'unknown app without scopes elsewhere', request: request({ provider: 'generic', scopes: [] }), verdict: 'needs-review', rules: ['not-approved'] },
  { name: 'unknown app reading calendars', request: request({ scopes: ['openid', 'Calendars.Read'] }), verdict: 'needs-review', rules: ['not-approved'] },
  { name: 'unknown app reading mail', request: request({ scopes: ['Mail.Read'] }), verdict: 'needs-review', rules: ['not-approved', 'sensitive-data'] },
  { name: 'scope creep', request: request({ scopes: ['openid', 'Mail.Read', 'Mail.Send'] }), policy: APPROVED, verdict: 'needs-review', rules: ['scope-creep', 'read-only-unless-justified', 'sensitive-data', 'review-date-passed'] },
  { name: 'expired approval', request: request({ clientId: 'cccccccc-0000-0000-0000-000000000003', scopes: ['Mail.Read'] }), policy: APPROVED, verdict: 'needs-review', rules: ['approval-expired'] },
  { name: 'expired approval, sign-in only', request: request({ clientId: 'cccccccc-0000-0000-0000-000000000003', scopes: ['openid'] }), policy: APPROVED, verdict: 'needs-review', rules: ['approval-expired'] },
  { name: 'blocked client', request: request({ clientId: 'dddddddd-0000-0000-0000-000000000004', scopes: ['openid'] }), policy: APPROVED, verdict: 'blocked', rules: ['blocked-client'] },
  { name: 'look-alike host', request: request({ provider: 'generic', host: 'l0gin.microsoftonline.com', impersonation: { provider: 'microsoft', imitates: 'login.microsoftonline.com', reason: 'a digit replaces a letter' } }), verdict: 'blocked', rules: ['look-alike-host'] },
  { name: 'look-alike app', request: request({ clientId: 'eeeeeeee-0000-0000-0000-000000000005' }), policy: APPROVED, page: { appName: 'Acme Mail' }, verdict: 'needs-review', rules: ['look-alike-app'] },
  { name: 'insecure redirect on an approved app', request: request({ scopes: ['Mail.Read'], redirectUri: 'http://acme.example.com/cb' }), policy: APPROVED, verdict: 'needs-review', rules: ['insecure-redirect-uri', 'review-date-passed'] },
  { name: 'ConsentFix pattern', request: request({ clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', redirectUri: 'http://localhost:8400', scopes: ['openid'] }), verdict: 'needs-review', rules: ['consentfix'] },
  { name: 'admin consent endpoint', request: request({ endpoint: 'admin-consent', scopes: [] }), verdict: 'needs-review', rules: ['not-approved', 'admin-scopes'] },
  { name: 'a rule the admin set to block', request: request({ scopes: ['Calendars.Read'] }), policy: compile({ rules: { 'not-approved': { action: 'block' } } }), verdict: 'blocked', rules: ['not-approved'] },
  { name: 'every rule off: unknown data app still needs review', request: request({ scopes: ['Mail.Read'] }), policy: compile({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, { action: 'off' }])) }), verdict: 'needs-review', rules: [] },
];

describe('evaluateRequest verdicts', () => {
  it.each(VERDICTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const evaluation = evaluateRequest(c.request, c.policy ?? defaultCompiledPolicy(), { now: NOW, page: c.page, classify });
    expect(evaluation.verdict).toBe(c.verdict);
    expect([...new Set(evaluation.findings.map((finding) => finding.rule))].sort()).toEqual([...c.rules].sort());
  });

  it('reports the matched approval by index and name, even when it is not honoured', () => {
    const expired = evaluateRequest(request({ clientId: 'cccccccc-0000-0000-0000-000000000003', scopes: ['Mail.Read'] }), APPROVED, { now: NOW, classify });
    expect(expired.approval).toEqual({ index: 1, name: 'Old Tool' });
    expect(evaluateRequest(request(), defaultCompiledPolicy(), { now: NOW, classify }).approval).toBeUndefined();
  });

  it('returns every scope classified, in request order', () => {
    const evaluation = evaluateRequest(request({ scopes: ['Mail.Read', 'openid'] }), defaultCompiledPolicy(), { now: NOW, classify });
    expect(evaluation.scopes.map((info) => info.scope)).toEqual(['Mail.Read', 'openid']);
  });

  it('judges expiry on the local calendar day of `now`', () => {
    const policy = compile({ approvedIntegrations: [{ provider: 'microsoft', clientId: CLIENT, scopes: ['Mail.Read'], expiresOn: '2026-03-15' }] });
    const req = request({ scopes: ['Mail.Read'] });
    expect(evaluateRequest(req, policy, { now: new Date(2026, 2, 15, 23, 59), classify }).verdict).toBe('approved');
    expect(evaluateRequest(req, policy, { now: new Date(2026, 2, 16, 0, 1), classify }).verdict).toBe('needs-review');
  });
});

const RISKS: [string, AuthorizationRequest, RiskLevel][] = [
  ['sign-in only', request({ scopes: ['openid', 'email', 'profile'] }), 'low'],
  ['sign-in with offline_access', request({ scopes: ['openid', 'offline_access'], offlineAccess: true }), 'low'],
  ['read own calendar', request({ scopes: ['openid', 'Calendars.Read'] }), 'medium'],
  ['read shared Jira work', request({ provider: 'atlassian', scopes: ['read:jira-work'] }), 'medium'],
  ['read mail (sensitive)', request({ scopes: ['Mail.Read'] }), 'high'],
  ['read all files', request({ scopes: ['Files.Read.All'] }), 'high'],
  ['read contacts', request({ scopes: ['Contacts.Read'] }), 'high'],
  ['any write', request({ scopes: ['Mail.Send'] }), 'high'],
  ['source code', request({ provider: 'github', scopes: ['repo'] }), 'high'],
  ['non-sensitive read that persists offline', request({ scopes: ['Calendars.Read', 'offline_access'], offlineAccess: true }), 'high'],
  ['.default: breadth unknown', request({ scopes: ['https://graph.microsoft.com/.default'] }), 'high'],
  ['directory admin', request({ scopes: ['Directory.ReadWrite.All'] }), 'critical'],
  ['organisation-wide user write', request({ scopes: ['User.ReadWrite.All'] }), 'critical'],
  ['Salesforce full', request({ provider: 'salesforce', scopes: ['full'] }), 'critical'],
  ['GitHub admin:org', request({ provider: 'github', scopes: ['admin:org'] }), 'critical'],
  ['GitHub delete_repo', request({ provider: 'github', scopes: ['delete_repo'] }), 'critical'],
  ['admin consent for the tenant', request({ endpoint: 'admin-consent', scopes: [] }), 'critical'],
  ['look-alike host, sign-in only', request({ provider: 'generic', impersonation: { provider: 'microsoft', imitates: 'login.microsoftonline.com', reason: 'userinfo trick' } }), 'critical'],
];

describe('evaluateRequest risk', () => {
  it.each(RISKS)('%s is %s', (_name, req, risk) => {
    expect(evaluateRequest(req, defaultCompiledPolicy(), { now: NOW, classify }).risk).toBe(risk);
  });

  it('rates a look-alike app critical even when it asks only to sign in', () => {
    const evaluation = evaluateRequest(request({ clientId: 'eeeeeeee-0000-0000-0000-000000000005' }), APPROVED, { now: NOW, page: { appName: 'acme mail' }, classify });
    expect(evaluation.risk).toBe('critical');
  });
});

describe('evaluateRequest findings', () => {
  it('name the scopes in plain language and carry the admin action', () => {
    const evaluation = evaluateRequest(request({ scopes: ['Mail.ReadWrite'] }), defaultCompiledPolicy(), { now: NOW, classify });
    const readOnly = evaluation.findings.find((finding) => finding.rule === 'read-only-unless-justified');
    expect(readOnly).toMatchObject({ severity: 'high', requiresReview: true, scopes: ['Mail.ReadWrite'] });
    expect(readOnly?.message).toContain('"Mail.ReadWrite"');
  });

  it('uses the built-in defaults when no policy is given', () => {
    expect(evaluateRequest(request({ scopes: ['Mail.Read'] }), undefined, { now: NOW, classify }).verdict).toBe('needs-review');
  });
});
