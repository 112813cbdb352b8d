/**
 * Salesforce: `/services/oauth2/authorize` on login.salesforce.com, test.salesforce.com (sandboxes), My Domain
 * hosts (`<org>.my.salesforce.com`, `<org>--<sandbox>.sandbox.my.salesforce.com`) and Experience Cloud sites.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 */
import {
  isSubdomainOf,
  isSubdomainOfAny,
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

const SHARED_LOGIN_HOSTS = ['login.salesforce.com', 'test.salesforce.com'];
/** My Domain (incl. sandbox/develop/scratch below it), Experience Cloud sites and legacy force.com hosts. */
const ORG_HOST_DOMAINS = ['my.salesforce.com', 'my.site.com', 'force.com', 'cloudforce.com'];

export const salesforce: ProviderDefinition = {
  id: 'salesforce',
  displayName: 'Salesforce',
  description:
    'Salesforce /services/oauth2/authorize on login.salesforce.com, test.salesforce.com, My Domain and sandbox hosts (*.my.salesforce.com) and Experience Cloud sites.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.salesforce,
  knownHosts: SHARED_LOGIN_HOSTS,
  ownedDomains: ['salesforce.com', 'force.com', 'my.site.com', 'cloudforce.com'],
  matchEndpoint({ host, lowerSegments: s }) {
    const n = s.length;
    // Experience Cloud sites may put a site prefix before the path (`/customers/services/oauth2/authorize`).
    if (n < 3 || s[n - 3] !== 'services' || s[n - 2] !== 'oauth2' || s[n - 1] !== 'authorize') return undefined;
    if (SHARED_LOGIN_HOSTS.includes(host)) {
      return n === 3 ? { endpoint: 'authorize', variant: host === 'test.salesforce.com' ? 'sandbox' : 'production' } : undefined;
    }
    if (isSubdomainOfAny(host, ORG_HOST_DOMAINS)) {
      const sandbox = isSubdomainOf(host, 'sandbox.my.salesforce.com') || host.includes('--');
      return { endpoint: 'authorize', tenant: host, variant: sandbox ? 'sandbox' : 'production' };
    }
    return undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  // `refresh_token` (alias `offline_access`) is the only scope that yields a refresh token; `full` does not include
  // it. https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
  hasOfflineAccess: ({ scopes, responseType }) =>
    mayIssueRefreshToken(responseType) && (scopes.includes('refresh_token') || requestsOfflineAccessScope(scopes)),
  // Without `scope`, the connected app's selected OAuth scopes are granted.
  scopesFromAppConfiguration: true,
};
