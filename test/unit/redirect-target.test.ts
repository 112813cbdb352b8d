import { describe, expect, it } from 'vitest';
import { isRedirectTarget } from '../../lib/redirect-target';

describe('isRedirectTarget', () => {
  it.each<[string, string, string, boolean]>([
    ['the redirect URI with the code appended', 'https://app.example/oauth/callback?code=4%2F0A&state=x', 'https://app.example/oauth/callback', true],
    ['the redirect URI with an error', 'https://app.example/oauth/callback?error=access_denied', 'https://app.example/oauth/callback', true],
    ['an implicit-grant answer in the fragment', 'https://app.example/oauth/callback#access_token=t', 'https://app.example/oauth/callback', true],
    ['the redirect URI with nothing appended', 'https://app.example/oauth/callback', 'https://app.example/oauth/callback', true],
    ['host in another case', 'https://APP.Example/oauth/callback?code=1', 'https://app.example/oauth/callback', true],
    ['a trailing dot on the page host', 'https://app.example./oauth/callback?code=1', 'https://app.example/oauth/callback', true],
    ['a trailing dot on the redirect host', 'https://app.example/oauth/callback?code=1', 'https://app.example./oauth/callback', true],
    ['the default port written out', 'https://app.example:443/oauth/callback?code=1', 'https://app.example/oauth/callback', true],
    ['an IDN host against its punycode', 'https://xn--mnchen-3ya.example/cb?code=1', 'https://münchen.example/cb', true],
    ['the redirect URI\'s own query kept, code appended', 'https://app.example/cb?tenant=acme&code=1', 'https://app.example/cb?tenant=acme', true],
    ['the redirect URI\'s own query missing', 'https://app.example/cb?code=1', 'https://app.example/cb?tenant=acme', false],
    ['the redirect URI\'s own query changed', 'https://app.example/cb?tenant=evil&code=1', 'https://app.example/cb?tenant=acme', false],
    ['another path on the same host', 'https://app.example/settings?code=1', 'https://app.example/oauth/callback', false],
    ['a path that only starts like it', 'https://app.example/oauth/callback/more?code=1', 'https://app.example/oauth/callback', false],
    ['a path in another case', 'https://app.example/OAuth/Callback?code=1', 'https://app.example/oauth/callback', false],
    ['another host', 'https://evil.example/oauth/callback?code=1', 'https://app.example/oauth/callback', false],
    ['a subdomain of the host', 'https://x.app.example/oauth/callback?code=1', 'https://app.example/oauth/callback', false],
    ['a host that only ends like it', 'https://app.example.evil.test/oauth/callback?code=1', 'https://app.example/oauth/callback', false],
    ['another scheme', 'http://app.example/oauth/callback?code=1', 'https://app.example/oauth/callback', false],
    ['another port on a public host', 'https://app.example:8443/oauth/callback?code=1', 'https://app.example/oauth/callback', false],
    ['RFC 8252: loopback IPv4 on any port', 'http://127.0.0.1:51004/callback?code=1', 'http://127.0.0.1/callback', true],
    ['RFC 8252: loopback IPv4, both with ports', 'http://127.0.0.1:51004/callback?code=1', 'http://127.0.0.1:8080/callback', true],
    ['RFC 8252: loopback IPv6 on any port', 'http://[::1]:6000/callback?code=1', 'http://[::1]/callback', true],
    ['localhost on any port', 'http://localhost:3000/callback?code=1', 'http://localhost/callback', true],
    ['loopback, but another path', 'http://127.0.0.1:51004/other?code=1', 'http://127.0.0.1/callback', false],
    ['loopback, but another loopback spelling', 'http://localhost:51004/callback?code=1', 'http://127.0.0.1/callback', false],
    ['a host that only starts like loopback', 'https://127.0.0.1.evil.test:8443/callback?code=1', 'https://127.0.0.1.evil.test/callback', false],
    ['a native-app custom scheme', 'com.example.app:/oauth2redirect?code=1', 'com.example.app:/oauth2redirect', false],
    ['an unparsable redirect URI', 'https://app.example/cb?code=1', 'not a url', false],
    ['an empty redirect URI', 'https://app.example/cb?code=1', '', false],
  ])('%s', (_name, page, redirectUri, expected) => {
    expect(isRedirectTarget(new URL(page), redirectUri)).toBe(expected);
  });
});
