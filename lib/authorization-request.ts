/**
 * The typed shape of an OAuth 2.0 / OpenID Connect authorization request, as every other part of Consent Gate
 * sees it. Produced by `parseAuthorizationUrl` (lib/parse-authorization-url.ts); pure data, no browser APIs.
 */

/** Providers with their own parsing and scope catalog. Anything else that looks like OAuth is `generic`. */
export const PROVIDER_IDS = [
  'google',
  'microsoft',
  'github',
  'slack',
  'salesforce',
  'hubspot',
  'atlassian',
  'dropbox',
  'zoom',
  'box',
  'okta',
  'auth0',
  'gitlab',
  'keycloak',
  'generic',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Which kind of endpoint the URL hit. Microsoft's `/adminconsent` asks an admin to grant for the whole tenant. */
export type EndpointKind = 'authorize' | 'admin-consent';

/**
 * Parameters that carry the real request somewhere other than the URL's own parameters: `request_uri` points at a
 * request pushed to the server beforehand (RFC 9126, PAR), `request` is a signed request object (RFC 9101, JAR)
 * whose parameters override the URL's. Either way the scopes in the URL prove nothing.
 */
export const REQUEST_OBJECT_PARAMETERS = ['request_uri', 'request'] as const;
export type RequestObjectParameter = (typeof REQUEST_OBJECT_PARAMETERS)[number];

export interface Pkce {
  /** `S256`, `plain`, or whatever the client sent (kept verbatim so a rule can flag it). */
  method: string;
}

/** A host that imitates a known provider (RFC 3986 userinfo tricks, suffix tricks, digit swaps, punycode). */
export interface Impersonation {
  /** The provider whose host is being imitated. */
  provider: ProviderId;
  /** The real host it imitates, e.g. `login.microsoftonline.com`. */
  imitates: string;
  /** Plain-language reason, e.g. "the host only ends with login.microsoftonline.com". */
  reason: string;
}

export interface AuthorizationRequest {
  provider: ProviderId;
  endpoint: EndpointKind;
  /** The normalised URL (WHATWG `href`). */
  url: string;
  /** Lower-case host name without port. */
  host: string;
  clientId: string;
  /**
   * Every requested scope, as requested: decoded, split on the provider's separators, duplicates removed,
   * no case folding and no prefix stripping. Includes Slack `user_scope` and HubSpot `optional_scope` entries.
   */
  scopes: string[];
  /**
   * The scopes that came from a provider's second scope parameter (Slack `user_scope`, HubSpot `optional_scope`),
   * each with that parameter. A scope not listed here came from `scope`, which is nearly always all of them, so the
   * common case writes nothing.
   */
  scopeSources: Record<string, 'user_scope' | 'optional_scope'>;
  /**
   * Scopes named in `scope` and again in Slack's `user_scope`: asked for the app's bot token and for the employee's
   * user token at once. `scopeSources` lists them under `scope` (their first parameter); this records the second.
   * Absent when there are none.
   */
  alsoUserScopes?: string[];
  /** The request-object parameters present (PAR `request_uri`, JAR `request`); absent when neither is. */
  requestObjects?: RequestObjectParameter[];
  /**
   * Which flavour of the provider's endpoint was hit, where it changes what is granted: Microsoft `v1` (which asks
   * consent for the app's configured permissions on `resource`, ignoring `scope`), `v2`, `live`.
   */
  endpointVariant?: string;
  responseType?: string;
  redirectUri?: string;
  prompt?: string;
  /** Microsoft authority segment (`common`, `organizations`, `consumers`, GUID, domain), Okta/Auth0 org host, etc. */
  tenant?: string;
  pkce: Pkce | null;
  /** The grant yields a refresh token or equivalent persistent access. */
  offlineAccess: boolean;
  loginHint?: string;
  audience?: string;
  resource?: string;
  /** Set when the host imitates a known provider; `provider` is then `generic`. */
  impersonation?: Impersonation;
  /**
   * Set when the URL carries more query parameters than the parser examines one by one (padding is a way to push
   * `client_id` or scopes past a scanner's limit). The parameters that decide the judgement were still read.
   */
  parameterLimitReached?: true;
  /**
   * Parameters that decide what is granted or to whom (see DECISIVE_PARAMETERS in lib/parse-authorization-url.ts)
   * given more than once with different values. The first value is judged; a server may act on another (PHP and
   * Rails take the last), so such a request is never approved on its URL. Absent when there are none.
   */
  conflictingParameters?: string[];
  /** Oddities worth telling a reviewer (conflicting duplicate parameters, truncated values). Never fatal. */
  anomalies: string[];
}

export type ParseResult =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; reason: string };
