/**
 * Dropbox: `www.dropbox.com/oauth2/authorize`.
 * https://www.dropbox.com/developers/documentation/http/documentation#oauth2-authorize
 */
import { mayIssueRefreshToken, pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const dropbox: ProviderDefinition = {
  id: 'dropbox',
  displayName: 'Dropbox',
  description: 'Dropbox /oauth2/authorize on www.dropbox.com, with token_access_type=offline for refresh tokens.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.dropbox,
  knownHosts: ['www.dropbox.com', 'dropbox.com'],
  ownedDomains: ['dropbox.com', 'dropboxapi.com'],
  matchEndpoint({ host, lowerSegments }) {
    if (host !== 'www.dropbox.com' && host !== 'dropbox.com') return undefined;
    return pathIs(lowerSegments, ['oauth2', 'authorize']) || pathIs(lowerSegments, ['1', 'oauth2', 'authorize'])
      ? { endpoint: 'authorize' }
      : undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Only `token_access_type=offline` returns a refresh token. `legacy` (the default) returns a short-lived token
  // for every app created since 2021; the long-lived tokens of older apps are deprecated, so they are not assumed.
  hasOfflineAccess: (input) =>
    mayIssueRefreshToken(input.responseType) && input.values('token_access_type').includes('offline'),
};
