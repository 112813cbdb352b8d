/**
 * Atlassian Cloud (Jira, Confluence, Bitbucket through auth.atlassian.com): OAuth 2.0 (3LO).
 * https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#1--direct-the-user-to-the-authorization-url-to-get-an-authorization-code
 */
import {
  mayIssueRefreshToken,
  pathIs,
  requestsOfflineAccessScope,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const atlassian: ProviderDefinition = {
  id: 'atlassian',
  displayName: 'Atlassian',
  description: 'Atlassian Cloud OAuth 2.0 (3LO) at auth.atlassian.com/authorize (Jira, Confluence, Bitbucket apps).',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.atlassian,
  knownHosts: ['auth.atlassian.com'],
  ownedDomains: ['atlassian.com', 'atlassian.net'],
  matchEndpoint: ({ host, lowerSegments }) =>
    host === 'auth.atlassian.com' && pathIs(lowerSegments, ['authorize']) ? { endpoint: 'authorize' } : undefined,
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Refresh tokens only with the `offline_access` scope (rotating refresh tokens).
  // https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#use-a-refresh-token-to-get-another-access-token-and-refresh-token-pair
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};
