/**
 * Google accounts: `accounts.google.com/o/oauth2/v2/auth` and its older and intermediate forms.
 * https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient
 */
import {
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const google: ProviderDefinition = {
  id: 'google',
  displayName: 'Google',
  description:
    'Google accounts (Workspace and personal): /o/oauth2/auth, /o/oauth2/v2/auth and the /signin/oauth consent pages on accounts.google.com.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.google,
  knownHosts: ['accounts.google.com'],
  ownedDomains: ['google.com', 'googleapis.com'],
  matchEndpoint({ host, lowerSegments: s }) {
    if (host !== 'accounts.google.com') return undefined;
    // /o/oauth2/auth, /o/oauth2/v2/auth and the account chooser pages below them (…/auth/oauthchooseaccount).
    if (s[0] === 'o' && s[1] === 'oauth2' && (s[2] === 'auth' || (s[2] === 'v2' && s[3] === 'auth'))) {
      return { endpoint: 'authorize' };
    }
    // The consent screen itself (/signin/oauth/consent, /signin/oauth/v2/consentsummary) repeats client_id and
    // often the scopes, so it is the same request seen one redirect later.
    if (s[0] === 'signin' && s[1] === 'oauth') return { endpoint: 'authorize' };
    return undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // `access_type=offline` asks for a refresh token (documented above). Any occurrence counts: a server that reads
  // the last duplicate would honour it.
  hasOfflineAccess: (input) =>
    mayIssueRefreshToken(input.responseType) &&
    (input.values('access_type').includes('offline') || requestsOfflineAccessScope(input.scopes)),
};
