/**
 * Any other OAuth 2.0 / OpenID Connect authorization endpoint, recognised by its parameters alone.
 *
 * The heuristic, in order (RFC 6749 §4.1.1 and §4.2.1 make `client_id` and `response_type` REQUIRED):
 * 1. `client_id` must be present and non-empty. Without it no server can tell which app asks, so a URL without it
 *    (a documentation page with `scope=`, a search for "scope") is never an authorization request.
 * 2. A `response_type` made only of the registered values (`code`, `token`, `id_token`, `none`; RFC 6749 §3.1.1,
 *    OAuth 2.0 Multiple Response Types) is enough.
 * 3. Otherwise `redirect_uri` together with `scope`: the shape of providers that default `response_type`
 *    (GitHub, Slack and their clones).
 * 4. Otherwise an authorization-like last path segment (`authorize`, `auth`, `oauth2`, …) with any one of
 *    `response_type`, `redirect_uri`, `scope`, `request_uri` (RFC 9126 pushed request) or `request` (RFC 9101).
 * A `client_id` with only unrelated parameters (a search page, an analytics beacon) is not enough.
 */
import {
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type EndpointCandidate,
  type ProviderDefinition,
} from './provider-definition';

const REGISTERED_RESPONSE_TYPES = new Set(['code', 'token', 'id_token', 'none']);
const AUTHORIZE_LIKE_SEGMENTS = new Set([
  'authorize',
  'authorization',
  'auth',
  'oauth',
  'oauth2',
  'consent',
  'authorize.srf',
  'oauth20_authorize.srf',
]);

export function hasRegisteredResponseType(responseType: string): boolean {
  const parts = responseType.split(' ').filter((part) => part.length > 0);
  return parts.length > 0 && parts.every((part) => REGISTERED_RESPONSE_TYPES.has(part));
}

/** Why a URL with these parameters is, or is not, an authorization request; undefined when it is one. */
export function explainGenericMismatch(candidate: EndpointCandidate): string | undefined {
  const { lowerSegments } = candidate;
  const clientId = candidate.first('client_id');
  if (clientId === undefined || clientId.trim().length === 0) {
    return candidate.first('scope') === undefined
      ? 'no client_id parameter, which every OAuth authorization request carries (RFC 6749 §4.1.1)'
      : 'it has a scope parameter but no client_id, so it names no app (a documentation or search page, not a consent request)';
  }
  const responseType = candidate.first('response_type');
  if (responseType !== undefined && hasRegisteredResponseType(responseType)) return undefined;
  const hasRedirect = candidate.first('redirect_uri') !== undefined;
  const hasScope = candidate.first('scope') !== undefined;
  if (hasRedirect && hasScope) return undefined;
  const last = lowerSegments[lowerSegments.length - 1];
  const authorizeLikePath = last !== undefined && AUTHORIZE_LIKE_SEGMENTS.has(last);
  if (
    authorizeLikePath &&
    (responseType !== undefined ||
      hasRedirect ||
      hasScope ||
      candidate.first('request_uri') !== undefined ||
      candidate.first('request') !== undefined)
  ) {
    return undefined;
  }
  return 'it has a client_id but neither a response_type, nor scope with redirect_uri, nor an authorization endpoint path';
}

export const generic: ProviderDefinition = {
  id: 'generic',
  displayName: 'Other OAuth 2.0 / OpenID Connect',
  description:
    'Any other OAuth 2.0 or OpenID Connect authorization endpoint on any host, recognised by client_id with response_type, or scope with redirect_uri, or an /authorize-like path.',
  // The generic case is known only after reading the URL (the background sees it); no host to match up front.
  consentHostPatterns: [],
  knownHosts: [],
  ownedDomains: [],
  matchEndpoint: (candidate) => (explainGenericMismatch(candidate) === undefined ? { endpoint: 'authorize' } : undefined),
  scopeParameters: ['scope'],
  // Commas too: Facebook-style and many home-grown servers write comma lists; no registered scope contains one.
  scopeSeparators: ' ,+',
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};
