/**
 * Reads any string and tells whether it is an OAuth 2.0 / OpenID Connect authorization request, and if so what it
 * asks for. Never throws; linear in the input; the URL is read with the WHATWG URL parser, exactly as the browser
 * reads it, so what we judge is what the browser will send.
 */
import type { AuthorizationRequest, Impersonation, ParseResult, Pkce, RequestObjectParameter } from './authorization-request';
import { MAX_NESTED_PROBE_LENGTH, QueryParameters } from './authorization-url/query-parameters';
import { readScopes } from './authorization-url/read-scopes';
import { canonicalHostname } from './hosts/canonical-host';
import { detectImpersonation, detectUserinfoImpersonation } from './hosts/detect-impersonation';
import { PROVIDERS } from './providers';
import {
  explainGenericMismatch,
  generic,
  hasRegisteredResponseType,
  isAuthorizeLikeSegment,
  readGenericClientId,
} from './providers/generic';
import type {
  EndpointCandidate,
  EndpointMatch,
  OfflineAccessInput,
  ProviderDefinition,
} from './providers/provider-definition';

/** Chromium refuses URLs longer than 2 MiB (`url::kMaxURLChars`); nothing longer can be navigated to. */
export const MAX_INPUT_LENGTH = 2 * 1024 * 1024;
/** Longest value kept for a single field; longer values are cut and the cut is recorded as an anomaly. */
export const MAX_FIELD_LENGTH = 4096;
export { MAX_SCOPE_LENGTH, MAX_SCOPE_VALUE_LENGTH, MAX_SCOPES } from './authorization-url/read-scopes';

/** Endpoints of an identity provider that are not consent requests, by their last path segment. */
const NON_AUTHORIZATION_SEGMENTS: ReadonlyMap<string, string> = new Map([
  ['token', 'a token endpoint (the app exchanges codes for tokens there; no consent is shown)'],
  ['access_token', 'a token endpoint (the app exchanges codes for tokens there; no consent is shown)'],
  ['oauth.v2.access', 'a token endpoint (the app exchanges codes for tokens there; no consent is shown)'],
  ['oauth.access', 'a token endpoint (the app exchanges codes for tokens there; no consent is shown)'],
  ['revoke', 'a token revocation endpoint'],
  ['revocation', 'a token revocation endpoint'],
  ['logout', 'a logout endpoint'],
  ['end_session', 'a logout endpoint'],
  ['endsession', 'a logout endpoint'],
  ['signout', 'a logout endpoint'],
  ['devicecode', 'a device-authorization endpoint (RFC 8628); the consent happens on the verification page'],
  ['device_authorization', 'a device-authorization endpoint (RFC 8628); the consent happens on the verification page'],
  ['deviceauth', 'a device-authorization endpoint (RFC 8628); the consent happens on the verification page'],
  ['device', 'a device-authorization or device-verification page (RFC 8628), not an authorization request'],
  ['devicelogin', 'a device-verification page (RFC 8628), not an authorization request'],
  ['userinfo', 'an identity-provider API endpoint (userinfo), not a consent request'],
  ['introspect', 'an identity-provider API endpoint (introspection), not a consent request'],
  ['jwks', 'a key-set endpoint, not a consent request'],
  ['certs', 'a key-set endpoint, not a consent request'],
  ['keys', 'a key-set endpoint, not a consent request'],
  ['par', 'a pushed-authorization-request endpoint (RFC 9126), which the app calls directly, not the browser'],
]);

/** Parameters RFC 8707 allows to repeat. */
const REPEATABLE = new Set(['resource']);

/**
 * Parameters that name the app, where its answer goes, or what kind of grant it gets. Given twice with different
 * values, the request judged (the first value) may not be the one the server acts on: servers differ on which
 * value wins (see reportRepeatedParameters), so such a request is never approved on its URL.
 */
const DECISIVE_PARAMETERS: ReadonlySet<string> = new Set([
  'client_id',
  'client_key',
  'redirect_uri',
  'response_type',
  'response_mode',
  'prompt',
  'audience',
  'access_type',
  'request',
  'request_uri',
]);

export function parseAuthorizationUrl(input: string): ParseResult {
  return parse(input, true);
}

function parse(input: unknown, probeNested: boolean): ParseResult {
  if (typeof input !== 'string') return fail('the input is not text');
  if (input.length > MAX_INPUT_LENGTH) {
    return fail(`the input is ${input.length} characters long, more than any browser accepts as a URL`);
  }
  const anomalies: string[] = [];
  let text = input;
  if (hasTabOrNewline(text)) {
    // WHATWG URL §4.4 (basic URL parser) strips ASCII tab and newline everywhere, as the browser does.
    anomalies.push('the URL contains tabs or line breaks, which the browser removes before sending it');
  }
  if (looksLikeSchemelessHost(text)) {
    anomalies.push('the URL has no scheme; it was read as https');
    text = `https://${text.trimStart()}`;
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('it is not a valid absolute URL');
  }
  // Each URL getter serialises its part anew, so every part is read once.
  const protocol = url.protocol;
  if (protocol !== 'https:' && protocol !== 'http:') {
    return fail(`its scheme is ${protocol.slice(0, 40)}, and authorization requests use https`);
  }

  // Providers are looked up by the canonical host (lib/hosts/canonical-host.ts): the URL parser has already folded
  // case, IDN and a default port, and the trailing dot goes here.
  const rawHostname = url.hostname;
  const host = canonicalHostname(rawHostname);
  if (host.length < rawHostname.length) {
    anomalies.push('the host ends with a dot, which names the same host but escapes host-based checks');
  }
  const values = new QueryParameters(url.search, anomalies);

  const pathname = url.pathname;
  const segments = splitPath(pathname, anomalies);
  const lowerSegments = segments.map((segment) => segment.toLowerCase());
  const nonAuthorization = explainNonAuthorizationEndpoint(lowerSegments);
  if (nonAuthorization !== undefined) return fail(`it is ${nonAuthorization}`);

  const candidate = new UrlCandidate(host, segments, lowerSegments, values);
  // Only the start of the user name can pose as a host name; a host name is at most 253 characters.
  const username = url.username;
  const password = url.password;
  const userinfo = username.length > 0 || password.length > 0 ? `${username}:${password}`.slice(0, 1024) : '';
  if (userinfo.length > 0) {
    anomalies.push('the URL carries a user name or password before the host, a trick to disguise the real host');
  }
  const impersonation = detectUserinfoImpersonation(decodeLeniently(userinfo), host) ?? detectImpersonation(host);

  let provider: ProviderDefinition | undefined;
  let match: EndpointMatch | undefined;
  if (impersonation === undefined) {
    for (const definition of PROVIDERS) {
      if (definition === generic) continue;
      match = definition.matchEndpoint(candidate);
      if (match !== undefined) {
        provider = definition;
        break;
      }
    }
  }

  // RFC 6749 §3.1: an authorization endpoint ignores parameters it does not know, and the fragment never reaches
  // the server. So on a provider's own authorization endpoint (or a look-alike of one) a `code`, `error` or token
  // is a decoy, there to make this look like the app's callback; it is recorded and the request is read. Whether
  // the tab reached the app's callback is decided from the redirect URI (lib/background/flow-lifecycle.ts).
  const endpointOwner = provider ?? (impersonation === undefined ? undefined : imitatedEndpointOwner(impersonation, candidate));
  if (endpointOwner !== undefined) {
    reportDecoys(values, url.hash, endpointOwner, anomalies);
  } else if (looksLikeUnnamedAuthorizeRequest(lowerSegments, values)) {
    // The same holds for an unnamed provider's endpoint: an app's callback never names the client and where to
    // send the answer, so a URL on an authorization-like path that does is a request, whatever else it carries.
    reportDecoys(values, url.hash, generic, anomalies);
  } else {
    const callback = explainCallback(values, url.hash);
    if (callback !== undefined) return fail(callback);
  }

  if (provider === undefined || match === undefined) {
    const mismatch = explainGenericMismatch(candidate);
    if (mismatch !== undefined) {
      const nested = probeNested ? findNestedAuthorizationUrl(values, url) : undefined;
      return fail(
        nested === undefined
          ? `it is not an authorization request: ${mismatch}`
          : `the URL only carries an authorization request inside its "${nested}" parameter; the outer URL is not one`,
      );
    }
    match = { endpoint: 'authorize' };
    // An unlisted page on a provider's own consent host that carries a full request (Google's
    // /v3/signin/identifier repeats client_id, scope and response_type) is still that provider's request.
    const owner = impersonation === undefined ? PROVIDERS.find((definition) => definition.knownHosts.includes(host)) : undefined;
    if (owner !== undefined) {
      provider = owner;
      anomalies.push(`${pathname.slice(0, 200)} is not ${owner.displayName}'s documented authorization endpoint`);
    } else {
      provider = generic;
    }
  }

  // Only the generic detector accepts another name for the client (TikTok's client_key); named providers use client_id.
  const clientId = provider === generic ? readGenericClientId(candidate) : candidate.first('client_id');
  if (clientId === undefined || clientId.length === 0) {
    return fail(`it reaches ${provider.displayName}'s authorization endpoint without a client_id, so it names no app`);
  }

  const scopeResult = readScopes(provider, values, anomalies);
  const responseType = values.first('response_type');
  const conflicting = reportRepeatedParameters(values, provider, anomalies);
  if (protocol === 'http:' && !isLoopback(host)) {
    anomalies.push('the authorization endpoint is plain http, so the request and the login can be read in transit');
  }
  if (scopeResult.scopes.length === 0 && provider.scopesFromAppConfiguration) {
    anomalies.push(`no scopes in the URL: ${provider.displayName} grants the scopes configured on the app`);
  }
  const requestObjects: RequestObjectParameter[] = [];
  if (values.has('request_uri')) {
    requestObjects.push('request_uri');
    anomalies.push('the request was pushed ahead (request_uri, RFC 9126): its real scopes are not in the URL');
  }
  if (values.has('request')) {
    requestObjects.push('request');
    anomalies.push('the request carries a request object (RFC 9101) whose parameters override those in the URL');
  }

  const offlineAccess = provider.hasOfflineAccess(new OfflineAccessView(scopeResult.scopes, values, responseType, match));

  const request: AuthorizationRequest = {
    provider: impersonation === undefined ? provider.id : 'generic',
    endpoint: match.endpoint,
    url: url.href,
    host,
    clientId: capField('client_id', clientId, anomalies),
    scopes: scopeResult.scopes,
    scopeSources: scopeResult.sources,
    pkce: readPkce(values, anomalies),
    offlineAccess,
    anomalies,
  };
  assignOptional(request, 'responseType', 'response_type', responseType, anomalies);
  assignOptional(request, 'redirectUri', 'redirect_uri', values.first('redirect_uri'), anomalies);
  assignOptional(request, 'prompt', 'prompt', values.first('prompt'), anomalies);
  assignOptional(request, 'tenant', 'tenant', match.tenant, anomalies);
  assignOptional(request, 'loginHint', 'login_hint', values.first('login_hint'), anomalies);
  assignOptional(request, 'audience', 'audience', values.first('audience'), anomalies);
  // RFC 8707 §2: `resource` may repeat to name several APIs; all are kept, space-separated (URIs hold no spaces).
  const resources = values.all('resource');
  if (resources.length > 0) assignOptional(request, 'resource', 'resource', resources.join(' '), anomalies);
  if (scopeResult.alsoUserScopes !== undefined) request.alsoUserScopes = scopeResult.alsoUserScopes;
  if (requestObjects.length > 0) request.requestObjects = requestObjects;
  if (match.variant !== undefined) request.endpointVariant = match.variant;
  if (impersonation !== undefined) request.impersonation = impersonation;
  if (values.limitReached) request.parameterLimitReached = true;
  if (conflicting.length > 0) request.conflictingParameters = conflicting;
  return { ok: true, request };
}

function fail(reason: string): ParseResult {
  return { ok: false, reason };
}

function hasTabOrNewline(text: string): boolean {
  return text.includes('\n') || text.includes('\r') || text.includes('\t');
}

/** `accounts.google.com/o/oauth2/auth?...` pasted without `https://`: a dotted host, optional port, then / or ?. */
const SCHEMELESS_HOST = /^\s*[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?[/?]/i;

function looksLikeSchemelessHost(text: string): boolean {
  // Nearly every input starts with a scheme, and `https:` can never match (a host needs a dot before any colon).
  if (text.startsWith('https://') || text.startsWith('http://')) return false;
  // Bounded prefix: a host is short, and no regex should walk a 2 MiB string.
  return SCHEMELESS_HOST.test(text.slice(0, 300));
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.') || host.endsWith('.localhost');
}

/** Longest path examined; endpoint paths are short, so only the end of a longer one is read. */
const MAX_PATH_LENGTH = 2048;

function splitPath(pathname: string, anomalies: string[]): string[] {
  let path = pathname;
  if (path.length > MAX_PATH_LENGTH) {
    anomalies.push(`the path is ${path.length} characters long; only its last ${MAX_PATH_LENGTH} were read`);
    const cut = path.indexOf('/', path.length - MAX_PATH_LENGTH);
    path = path.slice(cut >= 0 ? cut : path.length - MAX_PATH_LENGTH);
  }
  const segments: string[] = [];
  let start = 0;
  while (start < path.length) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (end > start) segments.push(path.slice(start, end));
    start = end + 1;
  }
  return segments;
}

/** The parameters that name the app (TikTok's `client_key` is the generic detector's other name for `client_id`). */
const APP_NAME_PARAMETERS: ReadonlySet<string> = new Set(['client_id', 'client_key']);

/**
 * What the provider modules see of a URL. A class with a `first` method rather than an object literal with a
 * closure: one allocation per URL, and no per-call function object.
 */
class UrlCandidate implements EndpointCandidate {
  constructor(
    readonly host: string,
    readonly segments: readonly string[],
    readonly lowerSegments: readonly string[],
    private readonly parameters: QueryParameters,
  ) {}

  /**
   * The first value, except for the names of the app: a blank `client_id` before the real one (`client_id=&client_id=x`)
   * would make the URL name no app at all, while a server that takes the last value (PHP, Rails) shows consent for
   * `x`. So the first non-blank value names the app, and the repeat is reported as a conflict.
   */
  first(name: string): string | undefined {
    const value = this.parameters.first(name);
    if (value === undefined || value.trim().length > 0 || !APP_NAME_PARAMETERS.has(name)) return value;
    return this.parameters.all(name).find((candidate) => candidate.trim().length > 0) ?? value;
  }

  /** The same URL on another host (to ask whether a look-alike host copies a real endpoint). */
  onHost(host: string): UrlCandidate {
    return new UrlCandidate(host, this.segments, this.lowerSegments, this.parameters);
  }
}

/** The offline-access decision's input, backed by the parameter table (see UrlCandidate for why a class). */
class OfflineAccessView implements OfflineAccessInput {
  constructor(
    readonly scopes: readonly string[],
    private readonly parameters: QueryParameters,
    readonly responseType: string | undefined,
    readonly match: EndpointMatch,
  ) {}

  values(name: string): readonly string[] {
    return this.parameters.all(name);
  }
}

/**
 * Redirect callbacks carry the answer (`code`, `error`, tokens), not the question (RFC 6749 §4.1.2, §4.2.2). Used
 * only off the named providers' authorization endpoints, where a URL may really be an app's callback.
 */
function explainCallback(values: QueryParameters, hash: string): string | undefined {
  const responseType = values.first('response_type');
  if (responseType === undefined) {
    if (values.has('code')) return 'it is a redirect callback carrying an authorization code, not a request for consent';
    if (values.has('error')) return 'it is a redirect callback carrying an error, not a request for consent';
  } else if (values.has('client_id') && hasRegisteredResponseType(responseType)) {
    // An answer never names the app and the response type it asked for; the query, which is all the server
    // reads, asks for consent, and a fragment cannot change that.
    return undefined;
  }
  if (hash.length > 1 && hash.length <= MAX_NESTED_PROBE_LENGTH) {
    const fragment = new QueryParameters(hash, undefined);
    if (fragment.has('access_token') || fragment.has('id_token')) {
      return 'it is a redirect callback carrying tokens in the fragment, not a request for consent';
    }
    if (fragment.has('code') || fragment.has('error')) {
      return 'it is a redirect callback carrying a code or error in the fragment, not a request for consent';
    }
  }
  return undefined;
}

/**
 * True when a URL off the named providers asks like a request: an authorization-like last path segment
 * (`/authorize`, `/oauth2/authorize`, `/as/authorization.oauth2`) with `client_id` and a `redirect_uri`, `scope` or
 * `response_type`. An app's callback answers; it never names the client and what it asks for.
 */
function looksLikeUnnamedAuthorizeRequest(lowerSegments: readonly string[], values: QueryParameters): boolean {
  const last = lowerSegments[lowerSegments.length - 1];
  if (last === undefined || !isAuthorizeLikeSegment(last) || !values.has('client_id')) return false;
  return values.has('redirect_uri') || values.has('scope') || values.has('response_type');
}

/** What an authorization response carries in the query (RFC 6749 §4.1.2, §4.1.2.1). */
const RESPONSE_QUERY_PARAMETERS = ['code', 'error'] as const;
/** What an authorization response carries in the fragment (RFC 6749 §4.2.2, OpenID Connect Core §3.2.2.5). */
const RESPONSE_FRAGMENT_PARAMETERS = ['access_token', 'id_token', 'code', 'error'] as const;

function providerPossessive(owner: ProviderDefinition): string {
  return owner === generic ? "the provider's" : `${owner.displayName}'s`;
}

/** Records, in plain words, each part of an authorization response found on an authorization endpoint. */
function reportDecoys(values: QueryParameters, hash: string, owner: ProviderDefinition, anomalies: string[]): void {
  for (const name of RESPONSE_QUERY_PARAMETERS) {
    if (values.has(name)) {
      anomalies.push(
        `the address carries "${name}=", which only belongs in the answer sent back to the app; ${providerPossessive(owner)} sign-in ignores it, so this is still a request for consent`,
      );
    }
  }
  if (hash.length <= 1) return;
  const fragment = new QueryParameters(hash.slice(0, MAX_NESTED_PROBE_LENGTH), undefined);
  const found = RESPONSE_FRAGMENT_PARAMETERS.filter((name) => fragment.has(name));
  if (found.length > 0) {
    anomalies.push(
      `the part after "#" carries ${found.map((name) => `"${name}="`).join(', ')}, as an app's callback would; the browser never sends that part to ${owner === generic ? 'the provider' : owner.displayName}, so this is still a request for consent`,
    );
  }
}

/** The provider whose authorization endpoint a look-alike host copies, path and all, if it copies one. */
function imitatedEndpointOwner(impersonation: Impersonation, candidate: UrlCandidate): ProviderDefinition | undefined {
  const owner = PROVIDERS.find((definition) => definition.id === impersonation.provider);
  if (owner === undefined) return undefined;
  return owner.matchEndpoint(candidate.onHost(impersonation.imitates)) === undefined ? undefined : owner;
}

function explainNonAuthorizationEndpoint(lowerSegments: readonly string[]): string | undefined {
  // OpenID Connect Discovery 1.0 §4 and RFC 8414 §3 put metadata under /.well-known/.
  if (lowerSegments.includes('.well-known')) return 'a discovery document (/.well-known/), not a consent request';
  const n = lowerSegments.length;
  const last = lowerSegments[n - 1];
  if (last === undefined) return undefined;
  // Google's and GitHub's device endpoints: /device/code.
  if (last === 'code' && lowerSegments[n - 2] === 'device') {
    return 'a device-authorization endpoint (RFC 8628); the consent happens on the verification page';
  }
  return NON_AUTHORIZATION_SEGMENTS.get(last);
}

/** Finds a parameter whose value is itself an authorization URL (a login page's `continue`, `return_to`, …). */
function findNestedAuthorizationUrl(values: QueryParameters, base: URL): string | undefined {
  let probed = 0;
  for (const key of values.namesWhoseValueMentions('client_id')) {
    const value = values.first(key) ?? '';
    probed += 1;
    if (probed > 8) return undefined;
    let nested: string;
    try {
      nested = new URL(value, base).href;
    } catch {
      continue; // Not a URL at all, so not a nested authorization URL; keep looking at the other parameters.
    }
    if (parse(nested, false).ok) return key;
  }
  return undefined;
}

/**
 * RFC 6749 §3.1: parameters "MUST NOT be included more than once". A conforming server rejects such a request,
 * but servers that accept it disagree on which value wins (first: Java servlets, URLSearchParams.get; last: PHP;
 * joined: ASP.NET). We use the first value, as `URLSearchParams.get` does, and record the conflict so a reviewer
 * (and the rules) can see that the server may act on another value. Scope parameters are merged instead (above).
 */
function reportRepeatedParameters(values: QueryParameters, provider: ProviderDefinition, anomalies: string[]): string[] {
  const conflicting: string[] = [];
  for (const key of values.repeatedNames()) {
    if (REPEATABLE.has(key)) continue;
    const name = key.slice(0, 64);
    const list = values.all(key);
    if ((provider.scopeParameters as readonly string[]).includes(key)) {
      anomalies.push(`repeated parameter ${name}: all ${list.length} values were read as scopes`);
    } else if (list.every((value) => value === list[0])) {
      anomalies.push(`repeated parameter ${name}: the same value ${list.length} times`);
    } else {
      if (DECISIVE_PARAMETERS.has(key)) conflicting.push(key);
      anomalies.push(
        `conflicting parameter ${name}: ${list.length} different values; the first is used, but the server may use another`,
      );
    }
    if (anomalies.length > 64) break;
  }
  return conflicting;
}

/** RFC 7636 §4.3: `code_challenge_method` defaults to `plain` when a challenge is sent without one. */
function readPkce(values: QueryParameters, anomalies: string[]): Pkce | null {
  const challenge = values.first('code_challenge');
  const method = values.first('code_challenge_method');
  if (challenge === undefined || challenge.length === 0) {
    if (method !== undefined) anomalies.push('code_challenge_method without a code_challenge: no PKCE in effect');
    return null;
  }
  return { method: (method ?? 'plain').slice(0, 64) };
}

function capField(name: string, value: string, anomalies: string[]): string {
  if (value.length <= MAX_FIELD_LENGTH) return value;
  anomalies.push(`${name} is ${value.length} characters long; only the first ${MAX_FIELD_LENGTH} were kept`);
  return value.slice(0, MAX_FIELD_LENGTH);
}

type OptionalField = 'responseType' | 'redirectUri' | 'prompt' | 'tenant' | 'loginHint' | 'audience' | 'resource';

function assignOptional(
  request: AuthorizationRequest,
  field: OptionalField,
  parameter: string,
  value: string | undefined,
  anomalies: string[],
): void {
  if (value !== undefined) request[field] = capField(parameter, value, anomalies);
}

function decodeLeniently(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Broken percent-encoding in a user name: compare it as written.
    return text;
  }
}
