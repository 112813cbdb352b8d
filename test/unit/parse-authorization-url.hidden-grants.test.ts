/**
 * What the parser records for grants the scopes in the URL do not show (request objects, Microsoft v1, Slack user
 * tokens), and how the real catalog and engine judge the real URLs.
 */
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../../lib/authorization-request';
import type { RiskLevel, Verdict } from '../../lib/evaluation';
import { evaluateRequest } from '../../lib/engine/evaluate-request';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { compilePolicy } from '../../lib/engine/compile-policy';
import { parsePolicy } from '../../lib/policy/parse-policy';
import type { PolicyInput } from '../../lib/policy/schema';

function parseRequest(input: string): AuthorizationRequest {
  const result = parseAuthorizationUrl(input);
  if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
  return result.request;
}

const MS_V1 = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize';
const MS_V2 = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';
const MS_APP = '6731de76-14a6-49ae-97bc-6eba6914391e';
const SLACK = 'https://slack.com/oauth/v2/authorize?client_id=1.2';
const OKTA = 'https://acme.okta.com/oauth2/v1/authorize?client_id=0oa1&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb';

describe('fields the parser records', () => {
  it.each([
    ['PAR', `${OKTA}&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Abwc4JK`, { requestObjects: ['request_uri'] }],
    ['JAR', `${OKTA}&scope=openid&request=eyJhbGciOiJSUzI1NiJ9.e30.c2ln`, { requestObjects: ['request'] }],
    ['both', `${OKTA}&request=a.b.c&request_uri=urn:x`, { requestObjects: ['request_uri', 'request'] }],
    ['neither', `${OKTA}&scope=openid`, { requestObjects: undefined }],
    ['Microsoft v1', `${MS_V1}?client_id=${MS_APP}&response_type=code&resource=https%3A%2F%2Fgraph.microsoft.com`, { endpointVariant: 'v1', resource: 'https://graph.microsoft.com' }],
    ['Microsoft v2', `${MS_V2}?client_id=${MS_APP}&response_type=code&scope=openid`, { endpointVariant: 'v2' }],
    ['Microsoft personal accounts', `https://login.live.com/oauth20_authorize.srf?client_id=${MS_APP}&response_type=code&scope=wl.basic`, { endpointVariant: 'live' }],
    ['Slack, a scope in both parameters', `${SLACK}&scope=chat:write,channels:read&user_scope=chat:write,search:read`, { alsoUserScopes: ['chat:write'], scopeSources: { 'search:read': 'user_scope' } }],
    ['Slack, a user scope repeated', `${SLACK}&user_scope=search:read,search:read`, { alsoUserScopes: undefined, scopeSources: { 'search:read': 'user_scope' } }],
    ['Slack, no overlap', `${SLACK}&scope=chat:write&user_scope=search:read`, { alsoUserScopes: undefined }],
    ['a second client id', `${SLACK}&scope=chat:write&client_id=9.9`, { clientId: '1.2', conflictingParameters: ['client_id'] }],
    ['a second redirect URI', `${OKTA}&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2Fcb`, { conflictingParameters: ['redirect_uri'] }],
    ['a blank client id, then another (generic)', 'https://auth.example.org/authorize?client_id=&client_id=x&response_type=code&scope=openid', { clientId: 'x', conflictingParameters: ['client_id'] }],
    ['the same client id twice', `${SLACK}&scope=chat:write&client_id=1.2`, { conflictingParameters: undefined }],
    ['a second state is no conflict that matters', `${OKTA}&scope=openid&state=a&state=b`, { conflictingParameters: undefined }],
  ] as const)('%s', (_name, url, expected) => {
    const request = parseRequest(url);
    for (const [field, value] of Object.entries(expected)) {
      const actual = request[field as keyof AuthorizationRequest];
      expect(actual === undefined ? undefined : JSON.parse(JSON.stringify(actual)), field).toEqual(value);
    }
  });

  // Its time is measured by `npm run bench` (hostile inputs); tests never fail on timing.
  it('reads user_scope repeating every bot scope many times once per scope', () => {
    const scopes = Array.from({ length: 1000 }, (_, index) => `s${index}`).join(',');
    const repeated = Array.from({ length: 20 }, () => scopes).join(',');
    const request = parseRequest(`${SLACK}&scope=${scopes}&user_scope=${repeated}`);
    expect(request.alsoUserScopes).toHaveLength(1000);
  });
});

function judge(url: string, policy: PolicyInput = {}): { verdict: Verdict; risk: RiskLevel; rules: string[] } {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  const evaluation = evaluateRequest(parseRequest(url), compilePolicy(parsed.policy), { now: new Date(2026, 2, 15, 12) });
  return { verdict: evaluation.verdict, risk: evaluation.risk, rules: [...new Set(evaluation.findings.map((finding) => finding.rule))] };
}

const approveMs = (extra: Record<string, unknown>): PolicyInput => ({
  approvedIntegrations: [{ name: 'Reports', provider: 'microsoft', clientId: MS_APP, scopes: ['openid', 'profile', 'email'], ...extra }],
});

describe('real URLs, real catalog', () => {
  it.each([
    ['PAR with sign-in scopes in the URL, unknown app', `${OKTA}&scope=openid&request_uri=urn:x`, {}, 'needs-review', 'high'],
    [
      'PAR, approved app that may use it',
      `${OKTA}&scope=openid&request_uri=urn:x`,
      { approvedIntegrations: [{ provider: 'okta', clientId: '0oa1', host: 'acme.okta.com', scopes: ['openid'], allowRequestObjects: true }] },
      'approved',
      'high',
    ],
    [
      'PAR, approved app not allowed to use it',
      `${OKTA}&scope=openid&request_uri=urn:x`,
      { approvedIntegrations: [{ provider: 'okta', clientId: '0oa1', host: 'acme.okta.com', scopes: ['openid'] }] },
      'needs-review',
      'high',
    ],
    ['v1 with sign-in scopes, unknown app', `${MS_V1}?client_id=${MS_APP}&response_type=id_token&scope=openid&resource=https://graph.microsoft.com`, {}, 'needs-review', 'high'],
    ['v1, approval names the resource', `${MS_V1}?client_id=${MS_APP}&response_type=id_token&resource=https://graph.microsoft.com`, approveMs({ resources: ['https://graph.microsoft.com/'] }), 'approved', 'high'],
    ['v1, approval of the same scopes without the resource', `${MS_V1}?client_id=${MS_APP}&response_type=id_token&scope=openid&resource=https://graph.microsoft.com`, approveMs({}), 'needs-review', 'high'],
    ['v1 sign-in without a resource, unknown app: never sign-in only', `${MS_V1}?client_id=${MS_APP}&response_type=id_token&scope=openid`, {}, 'needs-review', 'high'],
    ['v1 sign-in without a resource, approved app', `${MS_V1}?client_id=${MS_APP}&response_type=id_token&scope=openid`, approveMs({}), 'approved', 'high'],
    ['v2 sign-in, approved app', `${MS_V2}?client_id=${MS_APP}&response_type=code&scope=openid%20profile`, approveMs({}), 'approved', 'low'],
    ['v2 sign-in with prompt=admin_consent', `${MS_V2}?client_id=${MS_APP}&response_type=code&scope=openid&prompt=admin_consent`, {}, 'needs-review', 'high'],
    ['/adminconsent', `https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=${MS_APP}&redirect_uri=https://app.example/cb`, {}, 'needs-review', 'critical'],
    ['.default with a narrower approval', `${MS_V2}?client_id=${MS_APP}&response_type=code&scope=https://graph.microsoft.com/.default`, approveMs({ scopes: ['User.Read', 'Mail.Read'] }), 'needs-review', 'high'],
    [
      'Slack user scope approved only for the bot',
      `${SLACK}&user_scope=chat:write`,
      { approvedIntegrations: [{ provider: 'slack', clientId: '1.2', scopes: ['chat:write'] }] },
      'needs-review',
      'high',
    ],
    [
      'Slack user scope approved as such',
      `${SLACK}&user_scope=chat:write`,
      { approvedIntegrations: [{ provider: 'slack', clientId: '1.2', scopes: [], userScopes: ['chat:write'] }] },
      'approved',
      'high',
    ],
    // Servers differ on which of two values wins (PHP and Rails take the last): an approval of the first proves nothing.
    [
      'Slack, the approved client id then another',
      `${SLACK}&scope=chat:write&client_id=9.9`,
      { approvedIntegrations: [{ provider: 'slack', clientId: '1.2', scopes: ['chat:write'] }] },
      'needs-review',
      'high',
    ],
    [
      'GitHub, the approved client id then another',
      'https://github.com/login/oauth/authorize?client_id=Iv1.good&scope=read:user&client_id=Iv1.evil',
      { approvedIntegrations: [{ provider: 'github', clientId: 'Iv1.good', scopes: ['read:user'] }] },
      'needs-review',
      'high',
    ],
    [
      'Microsoft, an approved sign-in with a second redirect URI',
      `${MS_V2}?client_id=${MS_APP}&response_type=code&scope=openid%20profile&redirect_uri=https://app.example/cb&redirect_uri=https://evil.example/cb`,
      approveMs({}),
      'needs-review',
      'high',
    ],
    [
      'Keycloak approval without host',
      'https://sso.acme.example/realms/staff/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid%20documents.read',
      { approvedIntegrations: [{ provider: 'keycloak', clientId: 'portal', scopes: ['openid', 'documents.read'] }] },
      'needs-review',
      'high',
    ],
    [
      'Keycloak approval with host',
      'https://sso.acme.example/realms/staff/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid%20documents.read',
      { approvedIntegrations: [{ provider: 'keycloak', clientId: 'portal', host: 'sso.acme.example', scopes: ['openid', 'documents.read'] }] },
      'approved',
      'high',
    ],
  ] as const)('%s', (_name, url, policy, verdict, risk) => {
    const result = judge(url, policy as PolicyInput);
    expect(result.verdict).toBe(verdict);
    expect(result.risk).toBe(risk);
  });
});
