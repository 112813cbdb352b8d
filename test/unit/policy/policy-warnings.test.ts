import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { policyWarnings } from '../../../lib/policy/policy-warnings';
import type { PolicyInput } from '../../../lib/policy/schema';

function warningsOf(input: PolicyInput) {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return policyWarnings(parsed.policy);
}

const approval = (extra: Record<string, unknown>): PolicyInput => ({
  approvedIntegrations: [{ name: 'Portal', clientId: 'portal', scopes: ['openid'], ...(extra as { provider: 'generic' }) }],
});

describe('policyWarnings', () => {
  it.each([
    ['keycloak without host', { provider: 'keycloak' }, '$.approvedIntegrations[0]', 'ineffective', ['matches nothing', 'Keycloak server'], '"host"'],
    ['generic without host', { provider: 'generic' }, '$.approvedIntegrations[0]', 'ineffective', ['matches nothing', 'OpenID Connect server'], '"host"'],
    ['keycloak with a blank host', { provider: 'keycloak', host: '  ' }, '$.approvedIntegrations[0]', 'ineffective', ['matches nothing'], '"host"'],
    ['gitlab without host', { provider: 'gitlab' }, '$.approvedIntegrations[0]', 'advice', ['gitlab.com only', 'self-managed'], 'gitlab.example.com'],
    ['okta without host', { provider: 'okta' }, '$.approvedIntegrations[0]', 'advice', ['every Okta tenant'], 'acme.okta.com'],
    ['auth0 without host', { provider: 'auth0' }, '$.approvedIntegrations[0]', 'advice', ['every Auth0 tenant'], 'acme.eu.auth0.com'],
    ['userScopes outside Slack', { provider: 'google', userScopes: ['email'] }, '$.approvedIntegrations[0].userScopes', 'advice', ['only means something for Slack'], '"scopes"'],
    ['resources outside Microsoft', { provider: 'google', resources: ['https://x.example'] }, '$.approvedIntegrations[0].resources', 'advice', ["Microsoft's v1"], 'Remove'],
  ] as const)('%s', (_name, extra, path, level, words, fix) => {
    const warnings = warningsOf(approval(extra));
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({ path, level });
    for (const word of words) expect(warning!.message).toContain(word);
    expect(warning!.fix).toContain(fix);
  });

  it.each([
    ['keycloak with host', { provider: 'keycloak', host: 'sso.acme.example' }],
    ['gitlab with host', { provider: 'gitlab', host: 'gitlab.acme.example' }],
    ['okta with host', { provider: 'okta', host: 'acme.okta.com' }],
    ['google', { provider: 'google' }],
    // Bound to github.com and *.ghe.com without a word: that is what nearly every GitHub approval means.
    ['github without host', { provider: 'github' }],
    ['slack with userScopes', { provider: 'slack', userScopes: ['search:read'] }],
    ['microsoft with resources', { provider: 'microsoft', resources: ['https://graph.microsoft.com'] }],
  ] as const)('nothing for %s', (_name, extra) => {
    expect(warningsOf(approval(extra))).toEqual([]);
  });

  it('gives every entry its own path', () => {
    const warnings = warningsOf({
      approvedIntegrations: [
        { provider: 'google', clientId: 'g', scopes: [] },
        { provider: 'keycloak', clientId: 'k', scopes: [] },
        { provider: 'okta', clientId: 'o', scopes: [] },
      ],
    });
    expect(warnings.map((warning) => [warning.path, warning.level])).toEqual([
      ['$.approvedIntegrations[1]', 'ineffective'],
      ['$.approvedIntegrations[2]', 'advice'],
    ]);
  });
});
