/**
 * Reads any string and tells whether it is an OAuth 2.0 / OpenID Connect authorization request, and if so what it
 * asks for. Never throws; linear in the input; the URL is read with the WHATWG URL parser, exactly as the browser
 * reads it, so what we judge is what the browser will send.
 */
import type { AuthorizationRequest, Impersonation, ParseResult, Pkce, RequestObjectParameter } from './authorization-request';
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
/** Longest single scope kept (real scopes are under 200 characters; Graph resource URIs included). */
export const MAX_SCOPE_LENGTH = 1024;
/** Most scopes read from one request; the rest are counted as an anomaly. */
export const MAX_SCOPES = 1000;
/**
 * Longest scope-parameter value read. Google's and Microsoft's servers refuse URLs far shorter than this, so a longer
 * value is padding; what lies beyond it is reported, not read.
 */
export const MAX_SCOPE_VALUE_LENGTH = 64 * 1024;
/** Most query parameters examined; a real authorization request has a dozen. */
const MAX_PARAMETERS = 1000;
/** Nested URLs are probed only in parameters shorter than this, and only one level deep. */
const MAX_NESTED_PROBE_LENGTH = 16 * 1024;

const NO_VALUES: readonly string[] = [];

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

/**
 * The query parameters, every occurrence kept in order. Values are decoded on first use only: a 256 KB `state`
 * that nobody reads costs one scan for `&` and nothing more. Most parameters occur once, so the table holds each
 * name's first raw value as a plain string and only repeated names get a list: a dozen arrays fewer per URL.
 */
class QueryParameters {
  /** First raw value of each name, in order of first occurrence. */
  private readonly raw = new Map<string, string>();
  /** Every raw value of the names that occur more than once; undefined while none does. */
  private repeats: Map<string, string[]> | undefined;
  /**
   * Decoded first values that differ from their raw form, and decoded lists of repeated names. Created on first
   * need: most values are plain and most names occur once, and two maps fewer per URL is a measurable share of
   * parsing (allocation and garbage collection).
   */
  private firsts: Map<string, string> | undefined;
  private decoded: Map<string, readonly string[]> | undefined;

  /** More than MAX_PARAMETERS parameters: past them, only the names in READ_PAST_LIMIT were kept. */
  readonly limitReached: boolean = false;

  constructor(query: string, anomalies: string[] | undefined) {
    let count = 0;
    let start = query.startsWith('?') || query.startsWith('#') ? 1 : 0;
    // The next `=` at or after `start`, found once and reused until passed: searching afresh for each parameter
    // would walk the rest of the query once per parameter (`a&a&a&…=`), quadratic on hostile input.
    let equals = -1;
    while (start < query.length) {
      let end = query.indexOf('&', start);
      if (end < 0) end = query.length;
      if (end > start) {
        count += 1;
        if (count > MAX_PARAMETERS) {
          this.limitReached = true;
          const total = count - 1 + this.readPastLimit(query, start);
          anomalies?.push(
            `the URL has ${total} parameters (a real request has a dozen); past the first ${MAX_PARAMETERS} only ${READ_PAST_LIMIT_TEXT} were read`,
          );
          break;
        }
        if (equals < start) {
          equals = query.indexOf('=', start);
          if (equals < 0) equals = query.length;
        }
        const keyEnd = equals < end ? equals : end;
        const key = decodeFormComponent(query.slice(start, Math.min(keyEnd, start + MAX_KEY_LENGTH)));
        this.add(key, keyEnd < end ? query.slice(keyEnd + 1, end) : '');
      }
      start = end + 1;
    }
  }

  private add(key: string, value: string): void {
    const first = this.raw.get(key);
    if (first === undefined) {
      this.raw.set(key, value);
    } else {
      this.repeats ??= new Map();
      const list = this.repeats.get(key);
      if (list === undefined) this.repeats.set(key, [first, value]);
      else list.push(value);
    }
  }

  /**
   * Past the cap, padding must not hide the app or what it asks for: the rest of the query is walked once, and a
   * parameter is kept only when its name, read from at most a few dozen characters, is one that decides the
   * judgement. Returns how many parameters the rest holds. Linear: one `&` search and a bounded look per parameter.
   */
  private readPastLimit(query: string, from: number): number {
    let count = 0;
    // Each distinct name and value is kept once: a flood of `scope=openid` costs one entry, and the scope that
    // follows it is still read (readScopes caps how many distinct scopes it takes).
    const kept = new Set<string>();
    let start = from;
    while (start < query.length) {
      let end = query.indexOf('&', start);
      if (end < 0) end = query.length;
      if (end > start) {
        count += 1;
        const look = Math.min(end, start + MAX_READ_PAST_LIMIT_KEY);
        let keyEnd = -1;
        let encoded = false;
        for (let i = start; i < look; i += 1) {
          const code = query.charCodeAt(i);
          if (code === 61) {
            keyEnd = i;
            break;
          }
          if (code === 37 || code === 43) encoded = true;
        }
        if (keyEnd < 0 && end === look) keyEnd = end;
        if (keyEnd >= 0) {
          // Junk names are told apart by length and characters, without a copy; only an escaped name is decoded.
          const key = encoded ? decodeFormComponent(query.slice(start, keyEnd)) : plainNameAt(query, start, keyEnd);
          if (key !== undefined && READ_PAST_LIMIT.has(key)) {
            const value = keyEnd < end ? query.slice(keyEnd + 1, end) : '';
            const entry = `${key}=${value}`;
            if (!kept.has(entry)) {
              kept.add(entry);
              this.add(key, value);
            }
          }
        }
      }
      start = end + 1;
    }
    return count;
  }

  has(name: string): boolean {
    return this.raw.has(name);
  }

  first(name: string): string | undefined {
    const cached = this.firsts?.get(name);
    if (cached !== undefined) return cached;
    const raw = this.raw.get(name);
    if (raw === undefined) return undefined;
    const value = decodeFormComponent(raw);
    // A plain value decodes to itself at the cost of one scan; only a value that decoding changed is worth keeping.
    if (value !== raw) (this.firsts ??= new Map()).set(name, value);
    return value;
  }

  all(name: string): readonly string[] {
    const list = this.repeats?.get(name);
    if (list === undefined) {
      const first = this.first(name);
      return first === undefined ? NO_VALUES : [first];
    }
    const cached = this.decoded?.get(name);
    if (cached !== undefined) return cached;
    const values = list.map(decodeFormComponent);
    (this.decoded ??= new Map()).set(name, values);
    return values;
  }

  /** Names of the parameters that occur more than once, in order of first occurrence. */
  repeatedNames(): string[] {
    const repeats = this.repeats;
    if (repeats === undefined) return [];
    const names: string[] = [];
    for (const key of this.raw.keys()) if (repeats.has(key)) names.push(key);
    return names;
  }

  /** Names whose first raw value mentions `needle` (cheap pre-filter before decoding). */
  namesWhoseValueMentions(needle: string): string[] {
    const names: string[] = [];
    for (const [key, value] of this.raw) {
      if (value.length <= MAX_NESTED_PROBE_LENGTH && value.includes(needle)) names.push(key);
    }
    return names;
  }
}

/** Longest parameter name read; OAuth's are under 30 characters. */
const MAX_KEY_LENGTH = 256;

/**
 * The parameters still read past MAX_PARAMETERS: who asks (`client_id`), for what (every provider's scope
 * parameters, `resource`, pushed or signed requests), how (`response_type`, `prompt`, offline-access switches) and
 * where the answer goes (`redirect_uri`), so padding before them cannot change what the request is judged to be.
 */
const READ_PAST_LIMIT: ReadonlySet<string> = new Set([
  'client_id',
  'response_type',
  'redirect_uri',
  ...PROVIDERS.flatMap((provider) => provider.scopeParameters),
  'resource',
  'request_uri',
  'request',
  'prompt',
  'access_type',
  'token_access_type',
]);
const READ_PAST_LIMIT_NAMES = [...READ_PAST_LIMIT];
const READ_PAST_LIMIT_TEXT = READ_PAST_LIMIT_NAMES.join(', ');

/** The name in READ_PAST_LIMIT written unescaped at query[start, end), if there is one. */
function plainNameAt(query: string, start: number, end: number): string | undefined {
  const length = end - start;
  for (const name of READ_PAST_LIMIT_NAMES) if (name.length === length && query.startsWith(name, start)) return name;
  return undefined;
}

/** A name percent-encoded throughout takes three characters per letter; nothing longer can be one of the above. */
const MAX_READ_PAST_LIMIT_KEY = 3 * Math.max(...READ_PAST_LIMIT_NAMES.map((name) => name.length));

/**
 * What the provider modules see of a URL. A class with a `first` method rather than an object literal with a
 * closure: one allocation per URL, and no per-call function object.
 */
/** The parameters that name the app (TikTok's `client_key` is the generic detector's other name for `client_id`). */
const APP_NAME_PARAMETERS: ReadonlySet<string> = new Set(['client_id', 'client_key']);

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
 * application/x-www-form-urlencoded decoding as the WHATWG URL standard defines it (§5.1): `+` is a space, `%XX`
 * is a byte, a `%` not followed by two hex digits stays as written, and invalid UTF-8 becomes U+FFFD. The query of a
 * parsed URL is ASCII already (non-ASCII was percent-encoded by the URL parser).
 */
function decodeFormComponent(raw: string): string {
  // Most names and many values are plain: one look at their characters settles it (a dozen per URL).
  if (raw.length <= SHORT_TEXT && isPlain(raw)) return raw;
  const text = raw.includes('+') ? plusToSpace(raw) : raw;
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // decodeURIComponent rejects broken sequences that the browser tolerates; decode them the browser's way.
    return decodeBytesLeniently(text);
  }
}

/** Texts this short are checked character by character for `+` and `%`; longer ones with `includes`. */
const SHORT_TEXT = 64;

/** Neither `+` nor `%`: form decoding leaves the text as it is. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 43 || code === 37) return false;
  }
  return true;
}

/** Values too long for `replaceAll` to be quick: it slows down badly on 100,000 `+` in a row. */
const LONG_VALUE = 1024;
const ascii = new TextDecoder('ascii');

/** `+` to space. Long ASCII values go through a byte buffer, which stays linear however many `+` there are. */
function plusToSpace(raw: string): string {
  if (raw.length < LONG_VALUE) return raw.replaceAll('+', ' ');
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    // The 'ascii' decoder is windows-1252 (WHATWG Encoding), so only bytes below 0x80 round-trip.
    if (code >= 0x80) return raw.replaceAll('+', ' ');
    bytes[i] = code === 43 ? 32 : code;
  }
  return ascii.decode(bytes);
}

/** Value of each ASCII hex digit by character code, -1 for every other code below 128. */
const HEX_VALUES = Int8Array.from({ length: 128 }, (_, code) => {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
});

/** Value of an ASCII hex digit, or -1 (also past the end of the text, where charCodeAt gives NaN). */
function hexValue(code: number): number {
  return code < 128 ? (HEX_VALUES[code] as number) : -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

/**
 * Percent-decodes into bytes, then reads them as UTF-8 with U+FFFD for invalid sequences. An ASCII text (every
 * query of a parsed URL) is copied to bytes natively and decoded in place, a plain byte loop twice as fast as
 * reading characters one by one: this decoder meets hostile input (a 256 KB run of broken escapes).
 */
function decodeBytesLeniently(text: string): string {
  const bytes = new Uint8Array(text.length);
  const { read, written } = utf8Encoder.encodeInto(text, bytes);
  // One byte per character read means every character was ASCII.
  if (read !== text.length || written !== text.length) return decodeCodeUnitsLeniently(text);
  // The write position never passes the read position, so decoding in place is safe.
  let length = 0;
  for (let i = 0; i < written; i += 1) {
    const byte = bytes[i] as number;
    if (byte === 37 && i + 2 < written) {
      const high = HEX_VALUES[bytes[i + 1] as number] as number;
      const low = high < 0 ? -1 : (HEX_VALUES[bytes[i + 2] as number] as number);
      if (low >= 0) {
        bytes[length] = high * 16 + low;
        length += 1;
        i += 2;
        continue;
      }
    }
    bytes[length] = byte;
    length += 1;
  }
  return utf8.decode(bytes.subarray(0, length));
}

/** The general case, for text that is not all ASCII: each UTF-16 code unit is encoded on its own. */
function decodeCodeUnitsLeniently(text: string): string {
  const bytes = new Uint8Array(text.length * 3);
  const end = text.length;
  let length = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 37 && i + 2 < end) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = high < 0 ? -1 : hexValue(text.charCodeAt(i + 2));
      if (low >= 0) {
        bytes[length] = high * 16 + low;
        length += 1;
        i += 2;
        continue;
      }
    }
    if (code < 0x80) {
      bytes[length] = code;
      length += 1;
    } else {
      // Unreachable for a parsed URL's query (already ASCII); kept so the decoder is correct for any input.
      const encoded = utf8Encoder.encode(String.fromCharCode(code));
      bytes.set(encoded, length);
      length += encoded.length;
    }
  }
  return utf8.decode(bytes.subarray(0, length));
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

const separatorTables = new WeakMap<ProviderDefinition, Uint8Array>();

/** A 128-entry lookup: 1 for the provider's separators and for every ASCII control character and space. */
function separatorTable(provider: ProviderDefinition): Uint8Array {
  let table = separatorTables.get(provider);
  if (table === undefined) {
    table = new Uint8Array(128);
    for (let code = 0; code <= 32; code += 1) table[code] = 1;
    table[127] = 1;
    for (const separator of provider.scopeSeparators) table[separator.charCodeAt(0) & 127] = 1;
    separatorTables.set(provider, table);
  }
  return table;
}

/** Up to this many scopes, a duplicate is found by scanning the list (quicker than building a Set). */
const LINEAR_SCOPE_SCAN = 16;

interface ScopeReading {
  scopes: string[];
  sources: AuthorizationRequest['scopeSources'];
  alsoUserScopes: string[] | undefined;
}

/**
 * Splits every value of every scope parameter on the provider's separators. RFC 6749 §3.3 allows no control
 * character or space inside a scope token, so those always separate: a server that splits on them grants both
 * halves, and we would rather show both. Every occurrence of a repeated `scope` is read (servers differ on which
 * one they honour; reading all keeps the judgement on the safe side).
 */
function readScopes(provider: ProviderDefinition, values: QueryParameters, anomalies: string[]): ScopeReading {
  const scopes: string[] = [];
  // A prototype-less object: V8 keeps it as a hash table from the start, where a literal `{}` would grow a new
  // hidden class for every distinct scope name it sees (slow, and unbounded across requests); and a scope named
  // `__proto__` becomes an ordinary key instead of reaching for the prototype.
  const sources: AuthorizationRequest['scopeSources'] = Object.create(null) as AuthorizationRequest['scopeSources'];
  // Duplicates are found by scanning the few scopes read so far; a Set takes over once there are many, so a
  // hostile list of 10,000 scopes stays linear while a typical request of a handful builds no Set at all.
  let seen: Set<string> | undefined;
  let overflow = false;
  let truncated = false;
  let controlCharacters = false;
  let valueCut = false;
  let alsoUser: Set<string> | undefined;
  const separates = separatorTable(provider);
  reading: for (const parameter of provider.scopeParameters) {
    for (const fullValue of values.all(parameter)) {
      let value = fullValue;
      if (value.length > MAX_SCOPE_VALUE_LENGTH) {
        value = value.slice(0, MAX_SCOPE_VALUE_LENGTH);
        valueCut = true;
      }
      let start = 0;
      for (let i = 0; i <= value.length; i += 1) {
        const code = i < value.length ? value.charCodeAt(i) : 32;
        if (code >= 128 || separates[code] === 0) continue;
        if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) controlCharacters = true;
        if (i > start) {
          let scope = value.slice(start, i);
          if (scope.length > MAX_SCOPE_LENGTH) {
            scope = scope.slice(0, MAX_SCOPE_LENGTH);
            truncated = true;
          }
          if (seen === undefined ? !scopes.includes(scope) : !seen.has(scope)) {
            if (scopes.length >= MAX_SCOPES) {
              overflow = true;
              break reading;
            }
            scopes.push(scope);
            if (seen !== undefined) seen.add(scope);
            else if (scopes.length > LINEAR_SCOPE_SCAN) seen = new Set(scopes);
            // A scope named in both `scope` and `user_scope` keeps its first source; the bot and the user both
            // receive it, and the first parameter is the broader grant in Slack's model. Only the exceptions to
            // `scope` are written (see AuthorizationRequest.scopeSources).
            if (parameter !== 'scope') sources[scope] = parameter as 'user_scope' | 'optional_scope';
          } else if (parameter === 'user_scope' && sources[scope] === undefined) {
            // Slack grants it twice: to the bot and, as the employee, to the user token. An approval must cover both.
            (alsoUser ??= new Set()).add(scope);
          }
        }
        start = i + 1;
      }
    }
  }
  if (controlCharacters) anomalies.push('a scope parameter contains control characters (NUL or similar)');
  if (valueCut) {
    anomalies.push(`a scope parameter is longer than ${MAX_SCOPE_VALUE_LENGTH} characters; only its start was read`);
  }
  if (truncated) anomalies.push(`a scope longer than ${MAX_SCOPE_LENGTH} characters was cut`);
  if (overflow) anomalies.push(`more than ${MAX_SCOPES} different scopes; only the first ${MAX_SCOPES} were read`);
  return { scopes, sources, alsoUserScopes: alsoUser === undefined ? undefined : [...alsoUser] };
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
