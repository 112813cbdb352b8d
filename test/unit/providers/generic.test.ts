import { describe, expect, it } from 'vitest';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import { isAuthorizeLikeSegment, readGenericClientId } from '../../../lib/providers/generic';

/** One row per clause of the generic rule (lib/providers/generic.ts), each on a host no named provider owns. */
const REQUESTS: readonly (readonly [rule: string, url: string, clientId: string])[] = [
  ['registered response_type on any path', 'https://id.example.org/ap/oa?client_id=amzn1.app&response_type=code', 'amzn1.app'],
  ['combined registered response_type', 'https://id.example.org/login?client_id=c1&response_type=code%20id_token', 'c1'],
  ['redirect_uri on any path (ClickUp /api)', 'https://app.example.org/api?client_id=c2&redirect_uri=https://app.test/cb', 'c2'],
  ['redirect_uri with an unregistered response_type', 'https://sso.example.org/x?client_id=c3&response_type=TYPE&redirect_uri=URI', 'c3'],
  ['scope on an /authorize path (Discord bot invite)', 'https://chat.example.org/api/oauth2/authorize?client_id=9&permissions=8&scope=bot', '9'],
  ['scope on a trailing-slash /oauth/ path', 'https://api.example.org/oauth/?client_id=c4&scope=read_public', 'c4'],
  ['response_mode=pi.flow on /as/authorize', 'https://auth.example.org/env/as/authorize?client_id=c5&response_mode=pi.flow', 'c5'],
  ['upper-case response_type on an authorize path', 'https://pool.example.org/oauth2/authorize?client_id=c6&response_type=CODE', 'c6'],
  ['versioned segment authorize2 with scope', 'https://account.example.org/oauth2_user/authorize2?client_id=c7&scope=user.metrics', 'c7'],
  ['PingFederate authorization.oauth2 with scope', 'https://sso.example.org/as/authorization.oauth2?client_id=c8&scope=openid', 'c8'],
  ['prefixed oauth_authorize with scope', 'https://app.example.org/-/oauth_authorize?client_id=c9&scope=default', 'c9'],
  ['pushed request on an authorize path', 'https://id.example.org/authorize?client_id=c10&request_uri=urn%3Aexample%3A1', 'c10'],
  ['TikTok client_key', 'https://video.example.org/v2/auth/authorize/?client_key=k1&response_type=code&scope=user.info.basic', 'k1'],
  ['client_id preferred over client_key', 'https://video.example.org/v2/auth/authorize/?client_key=k2&client_id=c11&response_type=code', 'c11'],
];

const NOT_REQUESTS: readonly (readonly [what: string, url: string, reasonFragment: string])[] = [
  ['no client_id at all', 'https://id.example.org/oauth2/authorize?response_type=code&scope=openid', 'no client_id'],
  ['blank client_id and client_key', 'https://id.example.org/authorize?client_id=%20&client_key=&response_type=code', 'no client_id'],
  ['client_id alone on an authorize path', 'https://id.example.org/oauth2/authorize?client_id=test', 'client_id alone'],
  ['client_id with only state on an authorize path', 'https://id.example.org/identity/connect/authorize?client_id=t&state=s', 'client_id alone'],
  ['an /api call with a scope filter', 'https://crm.example.org/api/v1/clients?client_id=8812&scope=active', 'neither a response_type'],
  ['an analytics beacon', 'https://stats.example.org/collect?client_id=555.1&event=page_view', 'neither a response_type'],
  ['response_mode off an authorization path', 'https://app.example.org/settings?client_id=4&response_mode=query', 'neither a response_type'],
];

describe('generic detector rules', () => {
  it.each(REQUESTS)('catches %s', (_rule, url, clientId) => {
    const result = parseAuthorizationUrl(url);
    if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
    expect(result.request.provider).toBe('generic');
    expect(result.request.clientId).toBe(clientId);
  });

  it.each(NOT_REQUESTS)('refuses %s', (_what, url, reasonFragment) => {
    const result = parseAuthorizationUrl(url);
    if (result.ok) throw new Error(`taken for a request from ${result.request.clientId}`);
    expect(result.reason).toContain(reasonFragment);
  });

  it.each([
    ['authorize', true],
    ['authorization', true],
    ['auth', true],
    ['oauth', true],
    ['oauth2', true],
    ['consent', true],
    ['authorize2', true],
    ['authorization.oauth2', true],
    ['authorize.srf', true],
    ['oauth20_authorize.srf', true],
    ['oauth_authorize', true],
    ['request_auth', true],
    ['oauth_token', false],
    ['oauth-callback', false],
    ['callback', false],
    ['api', false],
    ['new', false],
    ['authors', false],
    ['oauth2.0-guide-for-beginners', false],
    [`${'a'.repeat(60)}_authorize`, false],
  ] as const)('reads the path segment %s as authorization-like: %s', (segment, expected) => {
    expect(isAuthorizeLikeSegment(segment)).toBe(expected);
  });

  it('reads the client from client_id before client_key, and neither when both are blank', () => {
    const params = (query: string) => ({ first: (name: string) => new URLSearchParams(query).get(name) ?? undefined });
    expect(readGenericClientId(params('client_key=k&client_id=c'))).toBe('c');
    expect(readGenericClientId(params('client_id=%20&client_key=k'))).toBe('k');
    expect(readGenericClientId(params('client_id=&client_key=%09'))).toBeUndefined();
  });
});
