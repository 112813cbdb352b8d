import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../../../lib/authorization-request';
import type { PageFacts, RiskLevel, Verdict } from '../../../lib/evaluation';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { RULE_IDS, type PolicyInput } from '../../../lib/policy/schema';
import { classify, NOW, request } from '../rules/request-fixtures';

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

const PILOT = 'ffffffff-0000-0000-0000-000000000006';
const V1_APP = '99999999-0000-0000-0000-000000000009';
const SLACK_APP = '1234567890.0987654321';

const HIDDEN = compile({
  approvedIntegrations: [
    { name: 'Legacy Reports', provider: 'microsoft', clientId: V1_APP, scopes: ['openid'], resources: ['https://graph.microsoft.com'], allowRequestObjects: true },
    { name: 'Planner Pilot', provider: 'microsoft', clientId: PILOT, kind: 'pilot', scopes: ['Calendars.Read'] },
    { name: 'Standup Bot', provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'] },
    { name: 'Portal', provider: 'keycloak', clientId: 'portal', scopes: ['Tasks.Read'] },
    { name: 'Bound Portal', provider: 'keycloak', clientId: 'bound', host: 'SSO.Acme.Example.', scopes: ['Tasks.Read'] },
    { name: 'GitLab Tool', provider: 'gitlab', clientId: 'gl', scopes: ['Tasks.Read'] },
    { name: 'Auth0 Tool', provider: 'auth0', clientId: 'a0', scopes: ['Tasks.Read'] },
  ],
});

// Approvals for broad scopes, to check that the narrower scopes they include are covered and nothing broader is.
const BROAD_MAIL = 'bbbbbbbb-0000-0000-0000-0000000000b1';
const BROAD = compile({
  approvedIntegrations: [
    { name: 'Mail Archiver', provider: 'microsoft', clientId: BROAD_MAIL, scopes: ['openid', 'Mail.ReadWrite', 'Files.ReadWrite.All'] },
  ],
});

const ALL_OFF_APPROVED = compile({
  approvedIntegrations: [{ name: 'Acme Mail', provider: 'microsoft', clientId: CLIENT, scopes: ['openid', 'Mail.Read'] }],
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, { action: 'off' }])),
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
  // An approved app that only signs someone in fares no worse than an unknown app asking the same.
  { name: 'expired approval, sign-in only', request: request({ clientId: 'cccccccc-0000-0000-0000-000000000003', scopes: ['openid'] }), policy: APPROVED, verdict: 'allowed', rules: [] },
  { name: 'review date passed, sign-in only', request: request({ scopes: ['openid', 'email'] }), policy: APPROVED, verdict: 'approved', rules: [] },
  { name: 'approved app signing in with identity scopes it does not list', request: request({ scopes: ['openid', 'email', 'profile'] }), policy: APPROVED, verdict: 'approved', rules: [] },
  { name: 'pilot with no expiry, sign-in only', request: request({ clientId: PILOT, scopes: ['openid', 'profile'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  { name: 'pilot with no expiry, data', request: request({ clientId: PILOT, scopes: ['Calendars.Read'] }), policy: HIDDEN, verdict: 'approved', rules: ['pilot-without-expiry'] },
  // An approval covers the narrower scopes its approved scopes include, never a broader one.
  { name: 'broad approval covers narrower Microsoft scopes', request: request({ clientId: BROAD_MAIL, scopes: ['openid', 'https://graph.microsoft.com/Mail.Read', 'Files.Read.All'] }), policy: BROAD, verdict: 'approved', rules: [] },
  { name: 'broad approval does not cover a sibling scope', request: request({ clientId: BROAD_MAIL, scopes: ['Mail.Read', 'Mail.Send'] }), policy: BROAD, verdict: 'needs-review', rules: ['scope-creep', 'read-only-unless-justified', 'sensitive-data'] },
  { name: 'narrow approval does not cover the broader scope', request: request({ scopes: ['openid', 'Mail.ReadWrite'] }), policy: APPROVED, verdict: 'needs-review', rules: ['scope-creep', 'read-only-unless-justified', 'sensitive-data', 'review-date-passed'] },
  // Grants the address does not show.
  { name: 'PAR, unknown app', request: request({ scopes: ['openid'], requestObjects: ['request_uri'] }), verdict: 'needs-review', rules: ['not-approved', 'hidden-scopes'] },
  { name: 'PAR, approved app within its scopes', request: request({ scopes: ['openid', 'Mail.Read'], requestObjects: ['request_uri'] }), policy: APPROVED, verdict: 'needs-review', rules: ['hidden-scopes', 'review-date-passed'] },
  { name: 'JAR, approval allows request objects', request: request({ clientId: V1_APP, scopes: ['openid'], requestObjects: ['request'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  { name: 'PAR with every rule off still needs a review', request: request({ scopes: ['openid', 'Mail.Read'], requestObjects: ['request_uri'] }), policy: ALL_OFF_APPROVED, verdict: 'needs-review', rules: [] },
  { name: 'Microsoft v1 with resource, unknown app', request: request({ endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: ['openid'] }), verdict: 'needs-review', rules: ['not-approved', 'hidden-scopes'] },
  { name: 'Microsoft v1, approval names the resource', request: request({ clientId: V1_APP, endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: [] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  { name: 'Microsoft v1, approval names another resource', request: request({ clientId: V1_APP, endpointVariant: 'v1', resource: 'https://management.azure.com', scopes: [] }), policy: HIDDEN, verdict: 'needs-review', rules: ['hidden-scopes'] },
  { name: 'Microsoft v1, approval without resources', request: request({ endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: ['openid', 'Mail.Read'] }), policy: APPROVED, verdict: 'needs-review', rules: ['hidden-scopes', 'review-date-passed'] },
  { name: 'Microsoft v1, every rule off', request: request({ endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: ['openid', 'Mail.Read'] }), policy: ALL_OFF_APPROVED, verdict: 'needs-review', rules: [] },
  { name: '.default against a narrower approval', request: request({ scopes: ['https://graph.microsoft.com/.default'] }), policy: APPROVED, verdict: 'needs-review', rules: ['hidden-scopes', 'scope-creep', 'read-only-unless-justified', 'review-date-passed'] },
  { name: 'prompt=admin_consent, unknown app', request: request({ scopes: ['openid'], prompt: 'admin_consent' }), verdict: 'needs-review', rules: ['not-approved', 'hidden-scopes'] },
  // Slack: bot and user tokens are different grants.
  { name: 'Slack user scope approved only as a bot scope', request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'], scopeSources: { 'chat:write': 'user_scope' } }), policy: HIDDEN, verdict: 'needs-review', rules: ['scope-creep', 'read-only-unless-justified', 'sensitive-data'] },
  { name: 'Slack bot scope approved as a bot scope', request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  // Self-hostable providers: an approval without host matches nothing.
  { name: 'Keycloak approval without host', request: request({ provider: 'keycloak', host: 'sso.acme.example', clientId: 'portal', scopes: ['Tasks.Read'] }), policy: HIDDEN, verdict: 'needs-review', rules: ['not-approved'] },
  { name: 'Keycloak approval with its host', request: request({ provider: 'keycloak', host: 'sso.acme.example', clientId: 'bound', scopes: ['Tasks.Read'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  { name: 'GitLab approval without host on gitlab.com', request: request({ provider: 'gitlab', host: 'gitlab.com', clientId: 'gl', scopes: ['Tasks.Read'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
  { name: 'GitLab approval without host on a self-managed host', request: request({ provider: 'gitlab', host: 'gitlab.attacker.example', clientId: 'gl', scopes: ['Tasks.Read'] }), policy: HIDDEN, verdict: 'needs-review', rules: ['not-approved'] },
  { name: 'Auth0 approval without host still matches', request: request({ provider: 'auth0', host: 'acme.eu.auth0.com', clientId: 'a0', scopes: ['Tasks.Read'] }), policy: HIDDEN, verdict: 'approved', rules: [] },
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
  ['prompt=admin_consent, sign-in scopes', request({ scopes: ['openid'], prompt: 'admin_consent' }), 'high'],
  ['pushed request (PAR), sign-in scopes in the URL', request({ scopes: ['openid'], requestObjects: ['request_uri'] }), 'high'],
  ['signed request object (JAR), sign-in scopes in the URL', request({ scopes: ['openid', 'email'], requestObjects: ['request'] }), 'high'],
  ['Microsoft v1 with a resource, sign-in scopes in the URL', request({ endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: ['openid'] }), 'high'],
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
