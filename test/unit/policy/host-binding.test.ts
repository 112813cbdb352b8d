import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { approvalHostMatches, canonicalApprovalHost, hostBindingOf } from '../../../lib/policy/host-binding';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import type { PolicyInput } from '../../../lib/policy/schema';

describe('hostBindingOf', () => {
  it.each([
    ['keycloak', 'required'],
    ['generic', 'required'],
    ['gitlab', 'default-host'],
    ['github', 'default-host'],
    ['okta', 'recommended'],
    ['auth0', 'recommended'],
    ['google', 'none'],
    ['microsoft', 'none'],
    ['slack', 'none'],
  ] as const)('%s: %s', (provider, kind) => {
    expect(hostBindingOf(provider).kind).toBe(kind);
  });
});

describe('canonicalApprovalHost', () => {
  it.each([
    ['sso.acme.example', 'sso.acme.example'],
    ['  SSO.Acme.Example  ', 'sso.acme.example'],
    ['sso.acme.example.', 'sso.acme.example'],
    ['sso.acme.example:8443', 'sso.acme.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ] as const)('%j -> %j', (input, expected) => {
    expect(canonicalApprovalHost(input)).toBe(expected);
  });
});

describe('approvalHostMatches', () => {
  it.each([
    ['keycloak', undefined, 'sso.acme.example', false],
    ['keycloak', 'sso.acme.example', 'sso.acme.example', true],
    ['keycloak', 'sso.acme.example', 'sso.attacker.example', false],
    ['generic', undefined, 'auth.acme.example', false],
    ['gitlab', undefined, 'gitlab.com', true],
    ['gitlab', undefined, 'gitlab.attacker.example', false],
    ['gitlab', 'gitlab.acme.example', 'gitlab.acme.example', true],
    ['gitlab', 'gitlab.acme.example', 'gitlab.com', false],
    // GitHub Enterprise Server (and Gitea, Forgejo) answer on GitHub's path on any host, with any client id.
    ['github', undefined, 'github.com', true],
    ['github', undefined, 'acme.ghe.com', true],
    ['github', undefined, 'git.attacker.example', false],
    ['github', undefined, 'github.com.attacker.example', false],
    ['github', 'git.acme.example', 'git.acme.example', true],
    ['github', 'git.acme.example', 'github.com', false],
    ['okta', undefined, 'anyone.okta.com', true],
    ['okta', 'acme.okta.com', 'anyone.okta.com', false],
    ['auth0', undefined, 'acme.eu.auth0.com', true],
    ['google', undefined, 'accounts.google.com', true],
  ] as const)('%s approval host %j, request host %s: %s', (provider, approvalHost, requestHost, expected) => {
    expect(approvalHostMatches(provider, approvalHost, requestHost)).toBe(expected);
  });
});

function compile(input: PolicyInput) {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return compilePolicy(parsed.policy);
}

describe('findApproval with host binding', () => {
  const policy = compile({
    approvedIntegrations: [
      { name: 'unbound', provider: 'keycloak', clientId: 'portal', scopes: ['openid'] },
      { name: 'bound', provider: 'keycloak', clientId: 'portal', host: 'SSO.Acme.Example.', scopes: ['openid'] },
      { name: 'only unbound', provider: 'generic', clientId: 'lonely', scopes: ['openid'] },
      { name: 'gitlab.com', provider: 'gitlab', clientId: 'gl', scopes: ['read_user'] },
      { name: 'okta any tenant', provider: 'okta', clientId: 'ok', scopes: ['openid'] },
      { name: 'github.com', provider: 'github', clientId: 'Iv1.approved', scopes: ['read:user'] },
    ],
  });
  const find = (provider: ProviderId, clientId: string, host: string) => policy.findApproval({ provider, clientId, host })?.entry.name;

  it.each([
    ['keycloak', 'portal', 'sso.acme.example', 'bound'],
    ['keycloak', 'portal', 'sso.attacker.example', undefined],
    ['generic', 'lonely', 'auth.acme.example', undefined],
    ['gitlab', 'gl', 'gitlab.com', 'gitlab.com'],
    ['gitlab', 'gl', 'gitlab.attacker.example', undefined],
    ['okta', 'ok', 'acme.okta.com', 'okta any tenant'],
    ['github', 'Iv1.approved', 'github.com', 'github.com'],
    ['github', 'Iv1.approved', 'git.attacker.example', undefined],
  ] as const)('%s %s on %s -> %j', (provider, clientId, host, expected) => {
    expect(find(provider, clientId, host)).toBe(expected);
  });
});
