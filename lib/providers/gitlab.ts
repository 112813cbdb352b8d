/**
 * GitLab: `/oauth/authorize` on gitlab.com and on self-managed hosts whose name starts with `gitlab.`.
 * https://docs.gitlab.com/api/oauth2/#authorization-code-with-proof-key-for-code-exchange-pkce
 */
import { mayIssueRefreshToken, pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const gitlab: ProviderDefinition = {
  id: 'gitlab',
  displayName: 'GitLab',
  description:
    'GitLab /oauth/authorize on gitlab.com and on self-managed instances whose host name starts with "gitlab.".',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.gitlab,
  knownHosts: ['gitlab.com'],
  ownedDomains: ['gitlab.com'],
  matchEndpoint({ host, lowerSegments }) {
    if (!pathIs(lowerSegments, ['oauth', 'authorize'])) return undefined;
    if (host === 'gitlab.com') return { endpoint: 'authorize' };
    // Self-managed GitLab runs on any host; `/oauth/authorize` alone is shared with Slack, HubSpot and Zoom, so
    // only the conventional `gitlab.` host name makes it recognisable.
    return host.startsWith('gitlab.') ? { endpoint: 'authorize', tenant: host } : undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // GitLab returns a refresh token with every authorization-code grant (access tokens expire after 2 hours).
  // https://docs.gitlab.com/api/oauth2/#access-token-expiration
  hasOfflineAccess: ({ responseType }) => mayIssueRefreshToken(responseType),
};
