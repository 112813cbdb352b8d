/**
 * HubSpot: `app.hubspot.com/oauth/authorize` (and the EU data centre's app-eu1 host), required `scope` plus
 * `optional_scope`. https://developers.hubspot.com/docs/api/working-with-oauth#initiating-oauth-access
 */
import { isSubdomainOf, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const hubspot: ProviderDefinition = {
  id: 'hubspot',
  displayName: 'HubSpot',
  description:
    'HubSpot /oauth/authorize and /oauth/<portalId>/authorize on app.hubspot.com and regional app-*.hubspot.com hosts, with scope and optional_scope.',
  // Only the OAuth pages (app.hubspot.com, app-eu1.hubspot.com, …): the CRM itself is never scripted.
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.hubspot,
  knownHosts: ['app.hubspot.com', 'app-eu1.hubspot.com'],
  ownedDomains: ['hubspot.com'],
  matchEndpoint({ host, segments, lowerSegments: s }) {
    if (!isSubdomainOf(host, 'hubspot.com') || !(host.startsWith('app.') || host.startsWith('app-'))) return undefined;
    if (s.length === 2 && s[0] === 'oauth' && s[1] === 'authorize') return { endpoint: 'authorize' };
    // `/oauth/<portalId>/authorize` pins the HubSpot account (portal) being connected.
    const portal = segments[1];
    if (s.length === 3 && s[0] === 'oauth' && s[2] === 'authorize' && portal !== undefined && /^\d{1,20}$/.test(portal)) {
      return { endpoint: 'authorize', tenant: portal };
    }
    return undefined;
  },
  scopeParameters: ['scope', 'optional_scope'],
  scopeSeparators: ' +',
  // HubSpot's authorization-code grant always returns a refresh token (the access token lives 30 minutes).
  // https://developers.hubspot.com/docs/api/oauth/tokens
  hasOfflineAccess: () => true,
};
