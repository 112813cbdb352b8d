/**
 * Box: `account.box.com/api/oauth2/authorize`. Without `scope`, the scopes configured on the app apply.
 * https://developer.box.com/reference/get-authorize/
 */
import { pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const box: ProviderDefinition = {
  id: 'box',
  displayName: 'Box',
  description: 'Box /api/oauth2/authorize on account.box.com (scopes default to those configured on the app).',
  // Box shows its sign-in and consent forms on the authorization path itself; the rest of Box stays unscripted.
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.box,
  knownHosts: ['account.box.com', 'app.box.com'],
  ownedDomains: ['box.com'],
  matchEndpoint: ({ host, lowerSegments }) =>
    (host === 'account.box.com' || host === 'app.box.com') && pathIs(lowerSegments, ['api', 'oauth2', 'authorize'])
      ? { endpoint: 'authorize' }
      : undefined,
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Every Box authorization-code grant returns a refresh token (valid 60 days, single use, renewed on use).
  // https://developer.box.com/guides/authentication/tokens/refresh/
  hasOfflineAccess: () => true,
  scopesFromAppConfiguration: true,
};
