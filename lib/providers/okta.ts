/**
 * Okta: the org authorization server (`/oauth2/v1/authorize`) and custom authorization servers
 * (`/oauth2/<authServerId>/v1/authorize`, incl. `default`) on Okta-hosted org domains.
 * https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/tag/OrgAS/#tag/OrgAS/operation/authorize
 * Orgs on a custom domain are indistinguishable from any OIDC server and parse as `generic`.
 */
import {
  isSubdomainOfAny,
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER, OKTA_ORG_DOMAINS } from './consent-hosts-by-provider';

const ORG_DOMAINS = OKTA_ORG_DOMAINS;

export const okta: ProviderDefinition = {
  id: 'okta',
  displayName: 'Okta',
  description:
    'Okta org and custom authorization servers (/oauth2/v1/authorize, /oauth2/<authServerId>/v1/authorize) on *.okta.com, *.oktapreview.com, *.okta-emea.com and Okta government domains.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.okta,
  knownHosts: [],
  ownedDomains: ORG_DOMAINS,
  matchEndpoint({ host, lowerSegments: s, segments }) {
    if (!isSubdomainOfAny(host, ORG_DOMAINS)) return undefined;
    if (s.length === 3 && s[0] === 'oauth2' && s[1] === 'v1' && s[2] === 'authorize') {
      return { endpoint: 'authorize', tenant: host, variant: 'org' };
    }
    if (s.length === 4 && s[0] === 'oauth2' && s[2] === 'v1' && s[3] === 'authorize') {
      return { endpoint: 'authorize', tenant: host, variant: `custom:${segments[1] ?? ''}` };
    }
    return undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};
