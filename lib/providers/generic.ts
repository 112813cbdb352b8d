/**
 * Any other OAuth 2.0 / OpenID Connect authorization endpoint, recognised by its parameters alone.
 *
 * The rule was fitted to a corpus of real authorization URLs from unnamed providers and ordinary pages that must not
 * be taken for requests (test/fixtures/authorization-corpus/). A URL is a request when it names an app and has the
 * shape of a request for a grant:
 * 1. It names an app: a non-empty `client_id` (RFC 6749 §4.1.1), or TikTok's `client_key` (Login Kit v2 uses that
 *    name for the same thing). Without it no server can tell which app asks, so a documentation page with `scope=`,
 *    a search for "scope" or a test double of an endpoint is never an authorization request.
 * 2. And one of:
 *    a. a `response_type` made only of the registered values (`code`, `token`, `id_token`, `none`; RFC 6749 §3.1.1,
 *       OAuth 2.0 Multiple Response Types), on any path (Amazon's `/ap/oa`, Yahoo's `/oauth2/request_auth`);
 *    b. a `redirect_uri`, on any path. It says where to deliver the grant, and a browser only carries it to an
 *       authorization endpoint: the token endpoint, the only other place it travels, is refused before this point.
 *       This is the shape of providers that default `response_type` (Facebook, Pipedrive, DigitalOcean) and of
 *       ClickUp, whose endpoint is `/api?client_id=…&redirect_uri=…`;
 *    c. an authorization-like last path segment (`authorize`, `oauth_authorize`, `authorization.oauth2`, `auth`,
 *       `oauth`, `authorize2`, …) with any one of `response_type`, `scope`, `response_mode` (PingOne's
 *       `response_mode=pi.flow`), `request_uri` (RFC 9126 pushed request) or `request` (RFC 9101). Discord's and
 *       Shopify's install links carry only `client_id` and `scope`.
 * A `client_id` with only unrelated parameters (a search page, an analytics beacon, an API call with a `scope`
 * filter) is not enough, and neither is a bare `client_id` on an authorize path, which the server refuses.
 */
import {
  mayIssueRefreshToken,
  requestsOfflineAccessScope,
  type EndpointCandidate,
  type ProviderDefinition,
} from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

const REGISTERED_RESPONSE_TYPES = new Set(['code', 'token', 'id_token', 'none']);

/**
 * The words an authorization endpoint's last path segment is built from, once an optional prefix (`oauth_`,
 * `request_`, `oauth20_`), a version digit (`authorize2`) and a file extension (`.oauth2` of PingFederate's
 * `/as/authorization.oauth2`, `.srf` of Microsoft's consumer endpoint, `.php`) are set aside.
 */
const AUTHORIZE_LIKE_WORDS = new Set(['authorize', 'authorization', 'auth', 'oauth', 'oauth2', 'consent']);
const AUTHORIZE_LIKE_SEGMENT = /^(?:[a-z0-9]+[_-])?([a-z]+?)\d*(?:\.[a-z0-9]+)?$/;

/** Parameters that, on an authorization-like path, show the URL is a request rather than a bare endpoint link. */
const REQUEST_SHAPE_PARAMETERS = ['response_type', 'scope', 'response_mode', 'request_uri', 'request'] as const;

export function hasRegisteredResponseType(responseType: string): boolean {
  const parts = responseType.split(' ').filter((part) => part.length > 0);
  return parts.length > 0 && parts.every((part) => REGISTERED_RESPONSE_TYPES.has(part));
}

/** True for a lower-cased last path segment that names an authorization endpoint (see AUTHORIZE_LIKE_WORDS). */
export function isAuthorizeLikeSegment(lowerSegment: string): boolean {
  // Real endpoint segments are short; a long one is a slug or an id, not an endpoint name.
  if (lowerSegment.length > 64) return false;
  const word = AUTHORIZE_LIKE_SEGMENT.exec(lowerSegment)?.[1];
  return word !== undefined && AUTHORIZE_LIKE_WORDS.has(word);
}

/**
 * The app a generic request names: `client_id`, or TikTok's `client_key` when there is no `client_id`
 * (https://developers.tiktok.com/doc/login-kit-web). Undefined when neither is present and non-blank.
 */
export function readGenericClientId(candidate: Pick<EndpointCandidate, 'first'>): string | undefined {
  for (const name of ['client_id', 'client_key']) {
    const value = candidate.first(name);
    if (value !== undefined && value.trim().length > 0) return value;
  }
  return undefined;
}

/** Why a URL with these parameters is, or is not, an authorization request; undefined when it is one. */
export function explainGenericMismatch(candidate: EndpointCandidate): string | undefined {
  if (readGenericClientId(candidate) === undefined) {
    return candidate.first('scope') === undefined
      ? 'no client_id parameter, which every OAuth authorization request carries (RFC 6749 §4.1.1)'
      : 'it has a scope parameter but no client_id, so it names no app (a documentation or search page, not a consent request)';
  }
  const responseType = candidate.first('response_type');
  if (responseType !== undefined && hasRegisteredResponseType(responseType)) return undefined;
  if (candidate.first('redirect_uri') !== undefined) return undefined;
  const { lowerSegments } = candidate;
  const last = lowerSegments[lowerSegments.length - 1];
  if (last !== undefined && isAuthorizeLikeSegment(last)) {
    for (const name of REQUEST_SHAPE_PARAMETERS) if (candidate.first(name) !== undefined) return undefined;
    return 'it reaches an authorization-like path with a client_id alone: no response_type, redirect_uri or scope, so the server has no request to act on';
  }
  return 'it has a client_id but neither a response_type, nor a redirect_uri, nor an authorization endpoint path';
}

export const generic: ProviderDefinition = {
  id: 'generic',
  displayName: 'Other OAuth 2.0 / OpenID Connect',
  description:
    'Any other OAuth 2.0 or OpenID Connect authorization endpoint on any host, recognised by client_id (or TikTok client_key) with a response_type or redirect_uri, or with scope, response_type or response_mode on an /authorize-like path.',
  // The generic case is known only after reading the URL (the background sees it); no host to match up front.
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.generic,
  knownHosts: [],
  ownedDomains: [],
  matchEndpoint: (candidate) => (explainGenericMismatch(candidate) === undefined ? { endpoint: 'authorize' } : undefined),
  scopeParameters: ['scope'],
  // Commas too: Facebook-style and many home-grown servers write comma lists; no registered scope contains one.
  scopeSeparators: ' ,+',
  hasOfflineAccess: ({ scopes, responseType }) => mayIssueRefreshToken(responseType) && requestsOfflineAccessScope(scopes),
};
