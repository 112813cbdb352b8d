/**
 * Keycloak (and Red Hat build of Keycloak / RH-SSO): `/realms/<realm>/protocol/openid-connect/auth` on any host,
 * with or without the legacy `/auth` context path. The realm is the tenant.
 * https://www.keycloak.org/securing-apps/oidc-layers#_endpoints
 */
import { mayIssueRefreshToken, requestsOfflineAccessScope, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const keycloak: ProviderDefinition = {
  id: 'keycloak',
  displayName: 'Keycloak',
  description: 'Keycloak realms on any host: /realms/<realm>/protocol/openid-connect/auth (also under /auth).',
  // Self-hosted on the company's own host names: no fixed host to match.
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.keycloak,
  knownHosts: [],
  ownedDomains: [],
  matchEndpoint({ segments, lowerSegments: s }) {
    const n = s.length;
    if (n < 5 || s[n - 5] !== 'realms' || s[n - 3] !== 'protocol' || s[n - 2] !== 'openid-connect' || s[n - 1] !== 'auth') {
      return undefined;
    }
    const realm = segments[n - 4] ?? '';
    return { endpoint: 'authorize', tenant: decodeRealm(realm) };
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Keycloak issues session-bound refresh tokens to every code grant; only `offline_access` yields an offline
  // token that survives logout and restarts. https://www.keycloak.org/docs/latest/server_admin/#_offline-access
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};

/** Realm names may contain spaces and other characters that arrive percent-encoded in the path. */
function decodeRealm(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    // Broken percent-encoding: Keycloak would not find such a realm either; show it as written.
    return segment;
  }
}
