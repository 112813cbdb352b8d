/**
 * What a reviewer sees of an authorization request, and the only form of it that leaves the browser (review
 * prefills, exports, webhooks, the outbox). Pure.
 *
 * An allowlist, not a denylist: the host, the path and the parameters below are kept, everything else is dropped,
 * including parameters nobody has named yet. The URL of a real flow carries values that belong to the person or
 * to the app's session, not to the decision: `state` (often a session or CSRF token of the app), `nonce`,
 * `login_hint` and `id_token_hint` (the person's account), `code_challenge`, codes and tokens in the query or the
 * fragment, and `request` / `request_uri` objects (RFC 9101, RFC 9126) that can hold any of these.
 */
import type { ReviewPrefill } from '../storage/records';

/**
 * The parameters a reviewer needs, in the order they are shown. `user_scope` (Slack) and `optional_scope`
 * (HubSpot) are scopes under another name; `resource` (RFC 8707, Microsoft's v1 endpoint) and `audience` (Auth0)
 * name the API whose permissions are granted, so they are part of "what is asked for".
 */
export const REVIEWER_PARAMETERS = [
  'client_id',
  'response_type',
  'scope',
  'user_scope',
  'optional_scope',
  'resource',
  'audience',
  'redirect_uri',
  'prompt',
] as const;
export type ReviewerParameter = (typeof REVIEWER_PARAMETERS)[number];

/** Parameters whose value is an address: only its scheme, host and path are kept (see `reduceUri`). */
const URI_PARAMETERS: ReadonlySet<ReviewerParameter> = new Set(['redirect_uri', 'resource', 'audience']);

export interface ReviewerRequest {
  /** `scheme://host[:port]` of the authorization endpoint; never user info. */
  origin: string;
  /** Lower-case host name, with a port only when it is not the default one. */
  host: string;
  path: string;
  /** The allowlisted parameters present, first occurrence of each, in REVIEWER_PARAMETERS order. */
  parameters: { name: ReviewerParameter; value: string }[];
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * An address reduced to scheme, host and path: the query and fragment are where apps put session ids, one-time
 * tokens and return addresses, and user info is a password. A value that is not a URL is cut before its first `?`
 * or `#`, so a broken address cannot smuggle a query past the reduction.
 */
export function reduceUri(value: string): string {
  const url = parseUrl(value);
  if (url === undefined) return value.split(/[?#]/, 1)[0] ?? '';
  // Private-use schemes of native apps (`com.example.app:/callback`, RFC 8252 section 7.1) have no host.
  return `${url.protocol}${url.host === '' ? '' : `//${url.host}`}${url.pathname}`;
}

/** The page a flow started from, reduced to its origin; undefined for pages without one (`file:`, `data:`, junk). */
export function pageOrigin(pageUrl: string | undefined): string | undefined {
  if (pageUrl === undefined) return undefined;
  const url = parseUrl(pageUrl);
  if (url === undefined || url.origin === 'null') return undefined;
  return url.origin;
}

/** The reviewer's view of an authorization URL; undefined when it is not an http(s) URL. */
export function toReviewerRequest(authorizationUrl: string): ReviewerRequest | undefined {
  const url = parseUrl(authorizationUrl);
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const parameters: ReviewerRequest['parameters'] = [];
  // URLSearchParams.get returns the first occurrence, the same value the parser judged (lib/parse-authorization-url.ts).
  const query = url.searchParams;
  for (const name of REVIEWER_PARAMETERS) {
    const value = query.get(name);
    if (value === null) continue;
    parameters.push({ name, value: URI_PARAMETERS.has(name) ? reduceUri(value) : value });
  }
  return { origin: url.origin, host: url.host, path: url.pathname, parameters };
}

/** The reviewer's view written back as a URL a person can read and open. */
export function formatReviewerRequest(request: ReviewerRequest): string {
  const query = new URLSearchParams(request.parameters.map(({ name, value }) => [name, value]));
  const search = query.toString();
  return `${request.origin}${request.path}${search === '' ? '' : `?${search}`}`;
}

/**
 * An authorization URL reduced to what a reviewer needs. An unreadable one becomes the empty string: what cannot
 * be parsed cannot be shown to hold no secret, so nothing of it is kept.
 */
export function reviewerRequestUrl(authorizationUrl: string): string {
  const request = toReviewerRequest(authorizationUrl);
  return request === undefined ? '' : formatReviewerRequest(request);
}

/**
 * A review's prefill with every address reduced, built field by field so that a field a stored record picked up
 * elsewhere is not carried along. Idempotent: a reduced prefill stays as it is.
 */
export function reduceReviewPrefill(prefill: ReviewPrefill): ReviewPrefill {
  const sourceOrigin = pageOrigin(prefill.sourceUrl);
  return {
    provider: prefill.provider,
    clientId: prefill.clientId,
    ...(prefill.appName === undefined ? {} : { appName: prefill.appName }),
    ...(prefill.publisher === undefined ? {} : { publisher: prefill.publisher }),
    scopes: prefill.scopes.map((scope) => ({
      scope: scope.scope,
      description: scope.description,
      access: [...scope.access],
      dataClasses: [...scope.dataClasses],
    })),
    offlineAccess: prefill.offlineAccess,
    verdict: prefill.verdict,
    risk: prefill.risk,
    findings: prefill.findings.map((finding) => ({ ...finding })),
    requestUrl: reviewerRequestUrl(prefill.requestUrl),
    ...(prefill.redirectUri === undefined ? {} : { redirectUri: reduceUri(prefill.redirectUri) }),
    ...(sourceOrigin === undefined ? {} : { sourceUrl: sourceOrigin }),
  };
}
