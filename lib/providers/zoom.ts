/**
 * Zoom: `zoom.us/oauth/authorize` (and ZoomGov). Scopes usually come from the app's configuration, not the URL.
 * https://developers.zoom.us/docs/integrations/oauth/#step-1-request-user-authorization
 */
import { isSubdomainOf, pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

export const zoom: ProviderDefinition = {
  id: 'zoom',
  displayName: 'Zoom',
  description: 'Zoom /oauth/authorize on zoom.us, regional *.zoom.us hosts and zoomgov.com (scopes set in the app).',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.zoom,
  knownHosts: ['zoom.us', 'zoomgov.com'],
  ownedDomains: ['zoom.us', 'zoom.com', 'zoomgov.com'],
  matchEndpoint({ host, lowerSegments }) {
    const onZoom = host === 'zoom.us' || host === 'zoomgov.com' || isSubdomainOf(host, 'zoom.us');
    return onZoom && pathIs(lowerSegments, ['oauth', 'authorize']) ? { endpoint: 'authorize' } : undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // Zoom's authorization-code grant always returns a refresh token (valid 90 days, renewed on use).
  // https://developers.zoom.us/docs/integrations/oauth/#refreshing-an-access-token
  hasOfflineAccess: () => true,
  scopesFromAppConfiguration: true,
};
