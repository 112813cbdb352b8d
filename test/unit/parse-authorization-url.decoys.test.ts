/**
 * Decoys on a named provider's authorization endpoint: the parts of an authorization response (`code`, `error`,
 * tokens in the fragment), padding past the parameter cap, and other spellings of the host. None of them may make
 * the parser call the URL a callback or nothing, or read another app or other scopes (RFC 6749 §3.1: the server
 * ignores parameters it does not know, and never sees the fragment).
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, type AuthorizationRequest, type ProviderId } from '../../lib/authorization-request';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { loadClientLibraryFixtures } from '../fixtures/authorization-urls/load-fixtures';

interface Base {
  provider: ProviderId;
  url: string;
  clientId: string;
}

const NAMED = PROVIDER_IDS.filter((id) => id !== 'generic');

/** The first URL a real client library built for each named provider, plus GovSlack, which no library fixture has. */
const BASES: Base[] = [
  ...NAMED.map((provider) => {
    const fixture = loadClientLibraryFixtures().find((candidate) => candidate.expected.provider === provider);
    if (fixture === undefined) throw new Error(`no client-library fixture for ${provider}`);
    return { provider, url: fixture.url, clientId: fixture.expected.clientId };
  }),
  {
    provider: 'slack',
    url: 'https://slack-gov.com/oauth/v2/authorize?client_id=1234567890.0987654321&scope=chat%3Awrite%2Cchannels%3Aread&user_scope=search%3Aread&redirect_uri=https%3A%2F%2Fapp.example.test%2Fslack',
    clientId: '1234567890.0987654321',
  },
];

function parseOk(url: string): AuthorizationRequest {
  const result = parseAuthorizationUrl(url);
  if (!result.ok) throw new Error(`not read as a request: ${result.reason} (${url.slice(0, 160)})`);
  return result.request;
}

/** Appends query parameters before any fragment. */
function withQuery(url: string, extra: string): string {
  const [head, hash] = splitHash(url);
  return `${head}${head.includes('?') ? '&' : '?'}${extra}${hash}`;
}

/** Puts parameters first in the query, before `client_id` and everything else. */
function withLeadingQuery(url: string, extra: string): string {
  const [head, hash] = splitHash(url);
  const at = head.indexOf('?');
  return at < 0 ? `${head}?${extra}${hash}` : `${head.slice(0, at + 1)}${extra}&${head.slice(at + 1)}${hash}`;
}

function withFragment(url: string, fragment: string): string {
  return `${splitHash(url)[0]}#${fragment}`;
}

function splitHash(url: string): [string, string] {
  const at = url.indexOf('#');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** The same URL with its host written another way (the path, query and fragment untouched). */
function withHost(url: string, spell: (host: string, defaultPort: string) => string): string {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol === 'http:' ? '80' : '443';
  const rest = url.slice(url.indexOf(parsed.host) + parsed.host.length);
  return `${parsed.protocol}//${spell(parsed.hostname, defaultPort)}${rest}`;
}

/** Full-width Latin letters: an IDN spelling that the URL parser folds to the ASCII host (UTS #46). */
function fullWidth(host: string): string {
  return [...host].map((char) => (/[a-z]/.test(char) ? String.fromCharCode(char.charCodeAt(0) - 0x61 + 0xff41) : char)).join('');
}

const junk = (count: number) => Array.from({ length: count }, (_, index) => `utm_${index}=x`).join('&');

interface Variant {
  name: string;
  make(url: string): string;
  /** Words one of the anomalies must contain. */
  anomaly?: string;
  padded?: boolean;
}

const DECOYS: Variant[] = [
  { name: 'a code parameter', make: (url) => withQuery(url, 'code=4%2F0AX4XfWh'), anomaly: '"code="' },
  { name: 'an error parameter', make: (url) => withQuery(url, 'error=access_denied&error_description=denied'), anomaly: '"error="' },
  { name: 'a code parameter first in the query', make: (url) => withLeadingQuery(url, 'code=abc&state=1'), anomaly: '"code="' },
  { name: 'a code in the fragment', make: (url) => withFragment(url, 'code=abc&state=1'), anomaly: 'part after "#"' },
  { name: 'an error in the fragment', make: (url) => withFragment(url, 'error=access_denied'), anomaly: '"error="' },
  { name: 'an access token in the fragment', make: (url) => withFragment(url, 'access_token=ya29.a0&token_type=Bearer'), anomaly: '"access_token="' },
  { name: 'an id token in the fragment', make: (url) => withFragment(url, 'id_token=eyJhbGciOi.eyJzdWIi.sig'), anomaly: '"id_token="' },
  {
    name: 'code and error in the query and a token in the fragment',
    make: (url) => withFragment(withQuery(url, 'code=a&error=b'), 'access_token=t'),
    anomaly: 'never sends that part',
  },
  // A server that takes the last value (PHP, Rails) shows consent for the real client id after the blank one.
  { name: 'a blank client_id before the real one', make: (url) => withLeadingQuery(url, 'client_id='), anomaly: 'conflicting parameter client_id' },
  { name: 'a client_id of spaces before the real one', make: (url) => withLeadingQuery(url, 'client_id=%20%20'), anomaly: 'conflicting parameter client_id' },
  { name: '1,500 junk parameters before client_id', make: (url) => withLeadingQuery(url, junk(1_500)), anomaly: 'past the first 1000', padded: true },
  {
    name: '20,000 junk parameters before client_id',
    make: (url) => withLeadingQuery(url, junk(20_000)),
    anomaly: 'past the first 1000',
    padded: true,
  },
  {
    name: '5,000 names without values before client_id',
    make: (url) => withLeadingQuery(url, Array.from({ length: 5_000 }, () => 'a').join('&')),
    padded: true,
  },
  {
    name: 'padding, a code parameter and a token fragment together',
    // `code` past the cap is not even read (it decides nothing); the fragment's token is still reported.
    make: (url) => withFragment(withQuery(withLeadingQuery(url, junk(2_000)), 'code=x'), 'access_token=t'),
    anomaly: '"access_token="',
    padded: true,
  },
];

const HOST_SPELLINGS: Variant[] = [
  { name: 'upper case', make: (url) => withHost(url, (host) => host.toUpperCase()) },
  { name: 'a trailing dot', make: (url) => withHost(url, (host) => `${host}.`), anomaly: 'ends with a dot' },
  { name: 'the default port', make: (url) => withHost(url, (host, port) => `${host}:${port}`) },
  { name: 'upper case, a trailing dot and the default port', make: (url) => withHost(url, (host, port) => `${host.toUpperCase()}.:${port}`) },
  { name: 'full-width (IDN) letters', make: (url) => withHost(url, fullWidth) },
];

const CASES = BASES.flatMap((base) =>
  [...DECOYS, ...HOST_SPELLINGS].map((variant) => ({ label: `${new URL(base.url).hostname}: ${variant.name}`, base, variant })),
);

describe('decoys on a named provider\'s authorization endpoint', () => {
  it('covers every named provider and GovSlack', () => {
    expect(new Set(BASES.map((base) => base.provider))).toEqual(new Set(NAMED));
    expect(BASES.some((base) => new URL(base.url).hostname === 'slack-gov.com')).toBe(true);
  });

  it.each(BASES.map((base) => [base.provider, new URL(base.url).hostname, base] as const))('%s (%s) is read without decoys', (_provider, _host, base) => {
    const request = parseOk(base.url);
    expect(request.provider).toBe(base.provider);
    expect(request.clientId).toBe(base.clientId);
    expect(request.parameterLimitReached).toBeUndefined();
  });

  it.each(CASES)('$label is still the same request', ({ base, variant }) => {
    const plain = parseOk(base.url);
    const url = variant.make(base.url);
    const request = parseOk(url);
    expect(request.provider).toBe(base.provider);
    expect(request.clientId).toBe(base.clientId);
    expect(request.host).toBe(plain.host);
    expect(request.scopes).toEqual(plain.scopes);
    expect(request.scopeSources).toEqual(plain.scopeSources);
    expect(request.redirectUri).toBe(plain.redirectUri);
    expect(request.responseType).toBe(plain.responseType);
    expect(request.offlineAccess).toBe(plain.offlineAccess);
    expect(request.impersonation).toBeUndefined();
    if (variant.name.includes('before the real one')) expect(request.conflictingParameters).toEqual(['client_id']);
    if (variant.padded === true) expect(request.parameterLimitReached).toBe(true);
    else expect(request.parameterLimitReached).toBeUndefined();
    if (variant.anomaly !== undefined) expect(request.anomalies.join('\n')).toContain(variant.anomaly);
  });
});

describe('past the parameter cap', () => {
  const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth';

  it.each([
    ['client_id after the padding', `${GOOGLE}?${junk(3_000)}&client_id=app-1&response_type=code&scope=openid`, 'app-1', ['openid']],
    ['a percent-encoded name after the padding', `${GOOGLE}?${junk(3_000)}&client%5Fid=app-2&response_type=code&scope=openid`, 'app-2', ['openid']],
    [
      'scopes split before and after the padding',
      `${GOOGLE}?client_id=app-3&response_type=code&scope=openid&${junk(3_000)}&scope=https://www.googleapis.com/auth/drive`,
      'app-3',
      ['openid', 'https://www.googleapis.com/auth/drive'],
    ],
    [
      'a flood of one scope hiding the next',
      `${GOOGLE}?client_id=app-4&response_type=code&${'scope=openid&'.repeat(5_000)}scope=https://www.googleapis.com/auth/gmail.readonly`,
      'app-4',
      ['openid', 'https://www.googleapis.com/auth/gmail.readonly'],
    ],
  ])('reads %s', (_name, url, clientId, scopes) => {
    const request = parseOk(url);
    expect(request.clientId).toBe(clientId);
    expect(request.scopes).toEqual(scopes);
    expect(request.parameterLimitReached).toBe(true);
  });

  it('reads offline access and the redirect URI that padding pushed back', () => {
    const request = parseOk(`${GOOGLE}?${junk(2_000)}&client_id=app&response_type=code&scope=email&access_type=offline&redirect_uri=https%3A%2F%2Fapp.test%2Fcb`);
    expect(request.offlineAccess).toBe(true);
    expect(request.redirectUri).toBe('https://app.test/cb');
  });

  it('reads Slack\'s user_scope past the cap', () => {
    const request = parseOk(`https://slack.com/oauth/v2/authorize?${junk(2_000)}&client_id=1.2&user_scope=search%3Aread`);
    expect(request.scopes).toEqual(['search:read']);
    expect(request.scopeSources).toEqual({ 'search:read': 'user_scope' });
  });

  it('does not read other parameters past the cap', () => {
    const request = parseOk(`${GOOGLE}?client_id=app&response_type=code&scope=email&${junk(2_000)}&login_hint=someone%40example.com`);
    expect(request.loginHint).toBeUndefined();
  });

  it('still names no app when no client_id is anywhere', () => {
    const result = parseAuthorizationUrl(`${GOOGLE}?${junk(2_000)}&response_type=code&scope=email`);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('without a client_id') });
  });

  it('stays linear on hostile padding (a bound far above the measured few milliseconds)', () => {
    const inputs = [
      `${GOOGLE}?${junk(20_000)}&client_id=app&scope=email`,
      `${GOOGLE}?${'a&'.repeat(100_000)}${'c'.repeat(1_000_000)}=&client_id=app&scope=email`,
      `${GOOGLE}?${'=&'.repeat(200_000)}client_id=app&scope=email`,
    ];
    for (const url of inputs) {
      // Their time is measured by `npm run bench` (hostile inputs); tests never fail on timing.
      expect(parseOk(url).clientId).toBe('app');
    }
  });
});

describe('genuine callbacks and other pages', () => {
  it.each([
    ['an app\'s callback with a code', 'https://app.example.test/oauth/callback?code=4%2F0AX4XfWh&state=xyz&scope=email'],
    ['an app\'s callback with an error', 'https://app.example.test/oauth/callback?error=access_denied&state=xyz'],
    ['an implicit callback with a token', 'https://app.example.test/callback#access_token=ya29&token_type=Bearer'],
    ['a callback that repeats client_id and scope', 'https://app.example.test/cb?code=abc&client_id=x&scope=email&redirect_uri=https%3A%2F%2Fapp.example.test%2Fcb'],
    ['a provider page that is not its authorization endpoint', 'https://github.com/login/oauth/callback?code=abc&client_id=x&scope=repo&redirect_uri=https%3A%2F%2Fa.test%2F'],
  ])('%s is still a callback', (_name, url) => {
    expect(parseAuthorizationUrl(url)).toMatchObject({ ok: false, reason: expect.stringContaining('callback') });
  });

  it('reads a request with client_id and response_type whatever its fragment says', () => {
    const request = parseOk('https://id.example.org/oauth2/authorize?client_id=c&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fa.test%2F#access_token=t');
    expect(request).toMatchObject({ provider: 'generic', clientId: 'c' });
  });

  it.each([
    ['a query code', 'https://id.example.org/oauth2/authorize?client_id=c&redirect_uri=https%3A%2F%2Fa.test%2F&scope=read&code=1', '"code="'],
    ['a query error', 'https://id.example.org/authorize?error=denied&client_id=c&redirect_uri=https%3A%2F%2Fa.test%2F', '"error="'],
    ['a fragment code', 'https://id.example.org/as/authorization.oauth2?client_id=c&redirect_uri=https%3A%2F%2Fa.test%2F#code=2', '"code="'],
    ['a query error without redirect_uri', 'https://auth.example.org/oauth/authorize?client_id=c&scope=read&error=1', '"error="'],
  ])('reads an unnamed provider\'s authorize path with client_id and what it asks for despite %s', (_name, url, mention) => {
    const request = parseOk(url);
    expect(request).toMatchObject({ provider: 'generic', clientId: 'c' });
    expect(request.anomalies.join('\n')).toContain(mention);
    expect(request.anomalies.join('\n')).toContain("the provider");
  });

  it('reads a look-alike host that copies a provider\'s endpoint, decoys and all, and flags it', () => {
    const request = parseOk('https://github.com.evil.example/login/oauth/authorize?client_id=Iv1.x&scope=repo&redirect_uri=https%3A%2F%2Fa.test%2F&code=1#code=2');
    expect(request.provider).toBe('generic');
    expect(request.impersonation).toMatchObject({ provider: 'github' });
    expect(request.anomalies.join('\n')).toContain('"code="');
  });
});
