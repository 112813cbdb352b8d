/**
 * Slack: OAuth v2 (`/oauth/v2/authorize`, bot `scope` plus `user_scope`), classic apps (`/oauth/authorize`) and
 * Sign in with Slack (`/openid/connect/authorize`), on commercial Slack and on GovSlack (`slack-gov.com`, Slack's
 * FedRAMP cloud, same endpoints and scopes: https://docs.slack.dev/govslack).
 * https://api.slack.com/authentication/oauth-v2#asking
 */
import { isSubdomainOf, pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

/** Commercial Slack and GovSlack; each also serves workspace hosts under it. */
const APEX_HOSTS = ['slack.com', 'slack-gov.com'];

const PATHS = [
  ['oauth', 'v2', 'authorize'],
  ['oauth', 'authorize'],
  ['openid', 'connect', 'authorize'],
];

export const slack: ProviderDefinition = {
  id: 'slack',
  displayName: 'Slack',
  description:
    'Slack /oauth/v2/authorize (bot scope and user_scope), classic /oauth/authorize and Sign in with Slack /openid/connect/authorize, on slack.com and workspace hosts.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.slack,
  knownHosts: ['slack.com', 'slack-gov.com'],
  ownedDomains: ['slack.com', 'slack-gov.com'],
  matchEndpoint(candidate) {
    const { host, lowerSegments } = candidate;
    const apex = APEX_HOSTS.find((domain) => host === domain || isSubdomainOf(host, domain));
    if (apex === undefined || !PATHS.some((path) => pathIs(lowerSegments, path))) return undefined;
    // `team` pins the workspace; a workspace host (acme.slack.com, acme.slack-gov.com) does the same.
    const team = candidate.first('team');
    if (team) return { endpoint: 'authorize', tenant: team };
    return host === apex ? { endpoint: 'authorize' } : { endpoint: 'authorize', tenant: host };
  },
  scopeParameters: ['scope', 'user_scope'],
  // Slack documents comma-separated scope lists; Sign in with Slack uses OIDC's spaces.
  scopeSeparators: ' ,+',
  // Slack tokens do not expire unless the app opted into token rotation, and then a refresh token comes with
  // them: persistent either way. https://api.slack.com/authentication/rotation
  hasOfflineAccess: () => true,
};
