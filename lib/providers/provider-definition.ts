/**
 * What every provider module declares: where its authorization endpoint lives, how its scopes are written, and
 * when a grant yields persistent (offline) access. Pure data and functions; `parseAuthorizationUrl` drives them.
 */
import type { EndpointKind, ProviderId } from '../authorization-request';

/** The query parameters that carry scopes (Slack adds `user_scope`, HubSpot `optional_scope`). */
export type ScopeParameter = 'scope' | 'user_scope' | 'optional_scope';

/** A URL already split into the parts the providers look at. */
export interface EndpointCandidate {
  /** Lower-case host name without port and without a trailing dot. */
  host: string;
  /** Non-empty path segments, percent-encoding kept, original case (tenants and realms are case-sensitive). */
  segments: readonly string[];
  /** The same segments lower-cased, for case-insensitive path matching. */
  lowerSegments: readonly string[];
  /**
   * The first decoded value of a query parameter (what `URLSearchParams.get` returns). A method of the candidate:
   * call it as `candidate.first(name)`, not destructured (the parser backs it with its parameter table).
   */
  first(name: string): string | undefined;
}

export interface EndpointMatch {
  endpoint: EndpointKind;
  /** Microsoft authority segment, Keycloak realm, org host, … */
  tenant?: string;
  /** Which flavour of the endpoint matched (Microsoft `v1`/`v2`, …), for the offline-access decision. */
  variant?: string;
}

/** What the offline-access decision may look at. Values are decoded; every occurrence of a parameter is kept. */
export interface OfflineAccessInput {
  scopes: readonly string[];
  /** Every value of a query parameter, in order; `[]` when absent. A method: call it as `input.values(name)`. */
  values(name: string): readonly string[];
  responseType: string | undefined;
  match: EndpointMatch;
}

export interface ProviderDefinition {
  id: ProviderId;
  displayName: string;
  /** One sentence for admins: which endpoints and hosts this module recognises. */
  description: string;
  /** Content-script match patterns for the hosts that show this provider's sign-in and consent screens. */
  consentHostPatterns: readonly string[];
  /** Host names that belong to the provider exactly (look-alikes of these are impersonation). */
  knownHosts: readonly string[];
  /** Registrable domains the provider owns; any host under them is the provider's, not an imitation. */
  ownedDomains: readonly string[];
  /** Returns how the URL hits this provider's authorization endpoint, or undefined when it does not. */
  matchEndpoint(candidate: EndpointCandidate): EndpointMatch | undefined;
  /** Parameters whose values are merged into `scopes`, in this order. */
  scopeParameters: readonly ScopeParameter[];
  /**
   * Characters that separate scopes once the value is decoded. Space always; `+` because some clients encode the
   * separator twice (`%2B`); `,` where the provider documents comma lists (Slack, GitHub).
   */
  scopeSeparators: string;
  /** The grant yields a refresh token or a token that never expires. */
  hasOfflineAccess(input: OfflineAccessInput): boolean;
  /**
   * True when the provider grants the scopes configured on the app if the request names none (Zoom, Box), so an
   * empty `scopes` list does not mean "nothing".
   */
  scopesFromAppConfiguration?: boolean;
}

/** RFC 6749 §4.2.2: the implicit grant never issues a refresh token, so only a `code` response can be offline. */
export function mayIssueRefreshToken(responseType: string | undefined): boolean {
  // `code` alone is by far the most common value; only a combined one (`code id_token`) needs splitting.
  if (responseType === undefined || responseType === 'code') return true;
  return responseType.split(' ').includes('code');
}

/** `offline_access` is the OpenID Connect scope for refresh tokens (OIDC Core §11). */
export function requestsOfflineAccessScope(scopes: readonly string[]): boolean {
  return scopes.includes('offline_access');
}

/** Matches `host` against an exact host list. */
export function isOneOf(host: string, hosts: readonly string[]): boolean {
  return hosts.includes(host);
}

// Provider modules import the subdomain tests from here, beside the other helpers they use.
export { isSubdomainOf, isSubdomainOfAny } from '../hosts/subdomain';

/** Compares the lower-cased path segments with a fixed path, e.g. `['o', 'oauth2', 'v2', 'auth']`. */
export function pathIs(lowerSegments: readonly string[], expected: readonly string[]): boolean {
  if (lowerSegments.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) {
    if (lowerSegments[i] !== expected[i]) return false;
  }
  return true;
}
