/**
 * Microsoft identity platform: Entra ID v1 and v2 endpoints, personal accounts (login.live.com), Azure AD B2C,
 * Entra External ID and the admin-consent endpoints.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent
 */
import {
  isOneOf,
  isSubdomainOfAny,
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type EndpointMatch,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

/** Authorities of the public, US government and China clouds. */
const AUTHORITY_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
];
const PERSONAL_ACCOUNT_HOST = 'login.live.com';
/**
 * Personal accounts sign in on login.live.com, then grant on account.live.com (`/Consent/Update?...`, "Let this app
 * access your info?"). No authorization request is made there, so it is a consent host, not an endpoint.
 */
const PERSONAL_CONSENT_HOST = 'account.live.com';
/** Azure AD B2C (`<tenant>.b2clogin.com`) and Entra External ID (`<tenant>.ciamlogin.com`). */
const TENANT_HOST_DOMAINS = ['b2clogin.com', 'ciamlogin.com'];

/** `common`, `organizations`, `consumers`, a GUID or a domain; anything else is not an authority segment. */
function isTenantSegment(segment: string | undefined): segment is string {
  if (segment === undefined || segment.length === 0 || segment.length > 256) return false;
  for (let i = 0; i < segment.length; i += 1) {
    const c = segment.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
    if (!ok) return false;
  }
  return true;
}

function matchAuthorityPath(segments: readonly string[], lower: readonly string[]): EndpointMatch | undefined {
  const tenant = segments[0];
  if (!isTenantSegment(tenant)) return undefined;
  const rest = lower.slice(1).join('/');
  switch (rest) {
    case 'oauth2/authorize':
      return { endpoint: 'authorize', tenant, variant: 'v1' };
    case 'oauth2/v2.0/authorize':
      return { endpoint: 'authorize', tenant, variant: 'v2' };
    case 'adminconsent':
      return { endpoint: 'admin-consent', tenant, variant: 'v1' };
    case 'v2.0/adminconsent':
      return { endpoint: 'admin-consent', tenant, variant: 'v2' };
    default:
      return undefined;
  }
}

/** B2C: `/<tenant>/<policy>/oauth2/v2.0/authorize`, `/tfp/<tenant>/<policy>/…`, or `/<tenant>/oauth2/v2.0/authorize?p=<policy>`. */
function matchB2cPath(segments: readonly string[], lower: readonly string[]): EndpointMatch | undefined {
  const offset = lower[0] === 'tfp' ? 1 : 0;
  const tenant = segments[offset];
  if (!isTenantSegment(tenant)) return undefined;
  const tail = lower.slice(offset + 1).join('/');
  if (tail === 'oauth2/v2.0/authorize' || (lower.length === offset + 5 && lower.slice(offset + 2).join('/') === 'oauth2/v2.0/authorize')) {
    return { endpoint: 'authorize', tenant, variant: 'v2' };
  }
  return undefined;
}

export const microsoft: ProviderDefinition = {
  id: 'microsoft',
  displayName: 'Microsoft',
  description:
    'Microsoft Entra ID (v1 /oauth2/authorize and v2 /oauth2/v2.0/authorize, /adminconsent), personal Microsoft accounts on login.live.com (consent on account.live.com), Azure AD B2C and Entra External ID.',
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.microsoft,
  knownHosts: [...AUTHORITY_HOSTS, PERSONAL_ACCOUNT_HOST, PERSONAL_CONSENT_HOST],
  ownedDomains: [
    'microsoftonline.com',
    'microsoft.com',
    'windows.net',
    'live.com',
    'microsoftonline.us',
    'microsoftonline.cn',
    'chinacloudapi.cn',
    'b2clogin.com',
    'ciamlogin.com',
  ],
  matchEndpoint({ host, segments, lowerSegments }) {
    if (host === PERSONAL_ACCOUNT_HOST) {
      // Personal accounts: the consumers tenant, with its own legacy path.
      // https://learn.microsoft.com/en-us/onedrive/developer/rest-api/getting-started/msa-oauth
      return lowerSegments.length === 1 && lowerSegments[0] === 'oauth20_authorize.srf'
        ? { endpoint: 'authorize', tenant: 'consumers', variant: 'live' }
        : undefined;
    }
    if (isOneOf(host, AUTHORITY_HOSTS)) return matchAuthorityPath(segments, lowerSegments);
    if (isSubdomainOfAny(host, TENANT_HOST_DOMAINS)) return matchB2cPath(segments, lowerSegments);
    return undefined;
  },
  scopeParameters: ['scope'],
  scopeSeparators: ' +',
  hasOfflineAccess({ scopes, responseType, match }) {
    if (!mayIssueRefreshToken(responseType)) return false;
    // The v1 endpoint returns a refresh token with every authorization-code redemption, without any scope asking
    // for it. https://learn.microsoft.com/en-us/entra/identity-platform/v1-protocols-oauth-code (refresh_token)
    if (match.variant === 'v1' && match.endpoint === 'authorize' && responseType?.split(' ').includes('code')) {
      return true;
    }
    // login.live.com's legacy scope `wl.offline_access` is the same ask in the Live SDK vocabulary.
    return requestsOfflineAccessScope(scopes) || scopes.includes('wl.offline_access');
  },
};
