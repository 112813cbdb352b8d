/**
 * What a valid policy may still get wrong: approvals that can never match, or that match more widely than their
 * author likely meant. The policy loads either way (a partly mistaken policy is never dropped); these tell the
 * admin, on `consent-gate validate` and on the options page, why and how to fix it. Pure.
 */
import { canonicalApprovalHost, hostBindingOf } from './host-binding';
import type { Policy } from './schema';

export interface PolicyWarning {
  /** JSON path of the entry or key, as policy errors give it (`$.approvedIntegrations[3]`). */
  path: string;
  /**
   * `ineffective`: the entry can never do what it says (an approval that matches nothing);
   * `advice`: it works, but more widely or differently than its author may think.
   */
  level: 'ineffective' | 'advice';
  message: string;
  fix: string;
}

const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  keycloak: 'Keycloak',
  generic: 'OpenID Connect',
  gitlab: 'GitLab',
  okta: 'Okta',
  auth0: 'Auth0',
};

export function policyWarnings(policy: Policy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  const approved = policy.approvedIntegrations ?? [];
  for (let index = 0; index < approved.length; index++) {
    const entry = approved[index]!;
    const path = `$.approvedIntegrations[${index}]`;
    const app = entry.name === undefined ? `client "${entry.clientId}"` : `"${entry.name}" (client "${entry.clientId}")`;
    if (canonicalApprovalHost(entry.host) === undefined) {
      const binding = hostBindingOf(entry.provider);
      const server = PROVIDER_NAMES[entry.provider] ?? entry.provider;
      if (binding.kind === 'required') {
        warnings.push({
          path,
          level: 'ineffective',
          message: `The ${entry.provider} approval of ${app} names no host, so it matches nothing: anyone can run a ${server} server and register the same client id on it, so a client id alone proves nothing.`,
          fix: `Add "host" with the host name of your own ${server} server, as it appears in the sign-in address (for example "sso.example.com").`,
        });
      } else if (binding.kind === 'default-host' && binding.advise) {
        warnings.push({
          path,
          level: 'advice',
          message: `The ${entry.provider} approval of ${app} names no host, so it matches ${binding.host} only, not a self-managed ${server}.`,
          fix: `If the app signs in on your own ${server}, add "host" with its host name (for example "gitlab.example.com").`,
        });
      } else if (binding.kind === 'recommended') {
        warnings.push({
          path,
          level: 'advice',
          message: `The ${entry.provider} approval of ${app} names no host, so it matches that client id on every ${server} tenant, not only yours.`,
          fix: `Add "host" with your ${server} tenant's host name (for example "acme.${entry.provider === 'okta' ? 'okta' : 'eu.auth0'}.com").`,
        });
      }
    }
    if (entry.userScopes !== undefined && entry.provider !== 'slack') {
      warnings.push({
        path: `${path}.userScopes`,
        level: 'advice',
        message: `"userScopes" only means something for Slack (its user_scope parameter); this ${entry.provider} approval never uses it.`,
        fix: 'Move these scopes into "scopes", or remove "userScopes".',
      });
    }
    if (entry.resources !== undefined && entry.provider !== 'microsoft') {
      warnings.push({
        path: `${path}.resources`,
        level: 'advice',
        message: `"resources" only means something for Microsoft's v1 endpoint; this ${entry.provider} approval never uses it.`,
        fix: 'Remove "resources".',
      });
    }
  }
  return warnings;
}
