/**
 * Auth0: `/authorize` on Auth0-hosted tenant domains (`<tenant>.auth0.com`, `<tenant>.<region>.auth0.com`).
 * https://auth0.com/docs/api/authentication/authorization-code-flow/authorize-application
 * Tenants on a custom domain parse as `generic`.
 */
import {
  isSubdomainOf,
  mayIssueRefreshToken,
  pathIs,
  requestsOfflineAccessScope,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const auth0: ProviderDefinition = {
  id: 'auth0',
  displayName: 'Auth0',
  description: 'Auth0 /authorize on tenant domains under auth0.com (incl. regional us/eu/au/jp hosts).',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.auth0,
  knownHosts: [],
  ownedDomains: ['auth0.com'],
  matchEndpoint: ({ host, lowerSegments }) =>
    isSubdomainOf(host, 'auth0.com') && pathIs(lowerSegments, ['authorize'])
      ? { endpoint: 'authorize', tenant: host }
      : undefined,
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Refresh tokens only with `offline_access` (and the API allowing offline access).
  // https://auth0.com/docs/secure/tokens/refresh-tokens/get-refresh-tokens
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};
