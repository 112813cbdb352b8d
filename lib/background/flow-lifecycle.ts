/**
 * When an authorization flow in a tab starts, goes on, and ends. Pure: the background feeds it each main-frame
 * navigation and acts on the decision.
 *
 * A flow starts at an authorization request (seen before the provider redirects to its login and consent pages,
 * whose URLs often no longer carry the scopes). It goes on while the tab stays on the provider's pages: a consent
 * host, or the host of the authorization request. It ends at the redirect URI (by its host and path, never by
 * parameters anyone can add), when the person leaves for an unrelated host, or after FLOW_TTL_MS. A different
 * request in the tab (another app, other scopes) ends it too, and starts the new request's own flow.
 *
 * A redirect or form post from the provider to another host is not the person leaving: federated sign-in sends
 * them through the company's own identity provider (ADFS, Ping, ...) and back to the consent screen.
 */
import type { AuthorizationRequest, ParseResult } from '../authorization-request';
import { canonicalHostname } from '../hosts/canonical-host';
import type { TabState } from '../messages/protocol';
import { isRedirectTarget } from '../redirect-target';
import { isAdminConsent } from '../rules/shared/hidden-grants';
import { isConsentHostUrl } from './consent-host-match';

/** Long enough for a sign-in with MFA and a careful read of the consent screen; short enough not to linger. */
export const FLOW_TTL_MS = 30 * 60 * 1000;

export type FlowEndReason = 'redirect-uri' | 'left' | 'expired';

export type NavigationDecision =
  | { kind: 'start'; request: AuthorizationRequest; sameAppAsCurrent: boolean }
  | { kind: 'continue' }
  | { kind: 'end'; reason: FlowEndReason }
  | { kind: 'none' };

export function isFlowExpired(state: Pick<TabState, 'capturedAt'>, now: number): boolean {
  return now - state.capturedAt >= FLOW_TTL_MS || now < state.capturedAt - FLOW_TTL_MS;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The parser reads `host.` as `host` (the same name), so a trailing dot must not make the request's host look foreign. */
function isRequestHost(target: URL, requestHost: string): boolean {
  return canonicalHostname(target.hostname) === requestHost;
}

/** Same scheme, host, port and path: the endpoint the request itself was sent to. */
function isSameEndpoint(target: URL, requestUrl: string): boolean {
  const endpoint = parseUrl(requestUrl);
  return endpoint !== undefined && endpoint.origin === target.origin && endpoint.pathname === target.pathname;
}

/**
 * The tab reached the request's redirect URI (lib/redirect-target.ts), so the provider has answered and the flow is
 * over. The request names its own redirect URI, and an app can register one on the provider's own pages: there it
 * ends the flow only with an authorization response in the URL, so that no redirect URI can make the consent
 * screen itself count as the end. On the authorization endpoint it never does: a `code=` there is a decoy that the
 * server ignores (RFC 6749 §3.1), not an answer.
 */
export function reachesRedirectTarget(url: string, request: Pick<AuthorizationRequest, 'url' | 'host' | 'redirectUri'>): boolean {
  const target = parseUrl(url);
  if (target === undefined || request.redirectUri === undefined || !isRedirectTarget(target, request.redirectUri)) return false;
  if (isSameEndpoint(target, request.url)) return false;
  if (isConsentHostUrl(target.href) || isRequestHost(target, request.host)) return isAuthorizationResponse(target.href);
  return true;
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((scope) => set.has(scope));
}

function sameScopeSources(a: AuthorizationRequest['scopeSources'], b: AuthorizationRequest['scopeSources']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((scope) => a[scope] === b[scope]);
}

/**
 * A tab's flow is bound to one request: the overlay's view, and anything the person did about it, belong to that
 * request alone. A provider's own pages may carry the request again (Google's account chooser repeats `client_id`
 * and `scope`), and the same request is the same flow; anything that changes what would be granted (another app,
 * host, endpoint or resource, another scope, a scope moved between Slack's bot and user token) is a new request,
 * judged and shown afresh.
 */
export function isSameRequest(current: AuthorizationRequest, next: AuthorizationRequest): boolean {
  return (
    current.provider === next.provider &&
    current.host === next.host &&
    current.endpoint === next.endpoint &&
    current.clientId === next.clientId &&
    current.redirectUri === next.redirectUri &&
    current.resource === next.resource &&
    current.endpointVariant === next.endpointVariant &&
    current.audience === next.audience &&
    sameScopes(current.scopes, next.scopes) &&
    sameScopeSources(current.scopeSources ?? {}, next.scopeSources ?? {}) &&
    !addsGrantBeyondScopes(current, next)
  );
}

/**
 * What the provider grants beyond the scopes in the URL: a pushed or signed request object (whose own scopes the
 * server acts on), admin consent for the whole organisation, persistent (offline) access, parameters past the
 * parser's cap, or a decisive parameter given twice with different values. A later URL that adds one of these is a new request even with the same app and scopes; otherwise
 * an approved app's view would stay on screen over the broader grant. One that drops it continues the flow: the
 * provider's own pages may omit parameters, and the earlier, stricter view is then the safe one to keep.
 */
function addsGrantBeyondScopes(current: AuthorizationRequest, next: AuthorizationRequest): boolean {
  if (next.offlineAccess && !current.offlineAccess) return true;
  if (next.parameterLimitReached === true && current.parameterLimitReached !== true) return true;
  if (isAdminConsent(next) && !isAdminConsent(current)) return true;
  const conflictsBefore = current.conflictingParameters ?? [];
  if ((next.conflictingParameters ?? []).some((parameter) => !conflictsBefore.includes(parameter))) return true;
  const before = current.requestObjects ?? [];
  return (next.requestObjects ?? []).some((parameter) => !before.includes(parameter));
}

/** How the tab got to the URL, from the browser's transition data (webNavigation.onCommitted). */
export interface NavigationContext {
  /** A server or client redirect, or a form post: the page sent the tab on, not the person. */
  redirected?: boolean;
}

/**
 * The URL carries an authorization response: `code` or `error` in the query (RFC 6749 §4.1.2, §4.1.2.1) or
 * `access_token` / `id_token` / `error` in the fragment (RFC 6749 §4.2.2, OpenID Connect Core §3.2.2.5).
 */
export function isAuthorizationResponse(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const query = parsed.searchParams;
  if (query.has('code') || query.has('error')) return true;
  const fragment = new URLSearchParams(parsed.hash.slice(1));
  return fragment.has('access_token') || fragment.has('id_token') || fragment.has('error') || fragment.has('code');
}

/**
 * An authorization response that is not at the redirect URI ends the flow only where it can be this request's
 * answer: on the redirect URI's own origin (the app moved on from its callback), or anywhere when the request named
 * no redirect URI (GitHub and Slack fall back to the registered one). Elsewhere it is a step of federated sign-in,
 * such as a company identity provider brokering the login with its own `code`, and the consent screen is still to
 * come.
 */
function answersOnRedirectOrigin(url: string, redirectUri: string | undefined): boolean {
  if (redirectUri === undefined) return true;
  const target = parseUrl(url);
  const redirect = parseUrl(redirectUri);
  return target !== undefined && redirect !== undefined && target.origin === redirect.origin;
}

export function decideNavigation(
  current: TabState | undefined,
  url: string,
  now: number,
  parse: (url: string) => ParseResult,
  context: NavigationContext = {},
): NavigationDecision {
  const active = current !== undefined && !isFlowExpired(current, now) ? current : undefined;
  const parsed = parse(url);
  if (parsed.ok) {
    if (active !== undefined && isSameRequest(active.request, parsed.request)) return { kind: 'continue' };
    const sameAppAsCurrent =
      active !== undefined && active.request.provider === parsed.request.provider && active.request.clientId === parsed.request.clientId;
    return { kind: 'start', request: parsed.request, sameAppAsCurrent };
  }
  if (current === undefined) return { kind: 'none' };
  if (active === undefined) return { kind: 'end', reason: 'expired' };
  if (reachesRedirectTarget(url, active.request)) return { kind: 'end', reason: 'redirect-uri' };
  const target = parseUrl(url);
  if (isConsentHostUrl(url) || (target !== undefined && isRequestHost(target, active.request.host))) return { kind: 'continue' };
  if (isAuthorizationResponse(url) && answersOnRedirectOrigin(url, active.request.redirectUri)) return { kind: 'end', reason: 'redirect-uri' };
  if (context.redirected === true) return { kind: 'continue' };
  return { kind: 'end', reason: 'left' };
}
