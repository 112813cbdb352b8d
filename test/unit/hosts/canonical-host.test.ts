import { describe, expect, it } from 'vitest';
import { canonicalHost, canonicalHostname, canonicalHostOfUrl } from '../../../lib/hosts/canonical-host';

describe('canonicalHost', () => {
  it.each([
    ['accounts.google.com', 'accounts.google.com'],
    ['ACCOUNTS.Google.COM', 'accounts.google.com'],
    ['accounts.google.com.', 'accounts.google.com'],
    ['accounts.google.com:443', 'accounts.google.com'],
    ['Acme.Okta.com.:443', 'acme.okta.com'],
    ['  acme.okta.com  ', 'acme.okta.com'],
    // Not the default port for https: a different server, so the port stays.
    ['idp.acme.test:8443', 'idp.acme.test:8443'],
    ['idp.acme.test:80', 'idp.acme.test:80'],
    // IDN as the browser sends it (UTS #46 mapping, then punycode).
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example.', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    // Full-width letters fold to ASCII in the URL parser, as they do in the address bar.
    ['ｌｏｇｉｎ.microsoftonline.com', 'login.microsoftonline.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['[::1]:443', '[::1]'],
  ])('%j is %j', (input, expected) => {
    expect(canonicalHost(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['the DNS root', '.'],
    ['a URL with a path', 'https://acme.okta.com/'],
    ['a path', 'acme.okta.com/oauth2'],
    ['a user name', 'user@acme.okta.com'],
    ['a query', 'acme.okta.com?x=1'],
    ['a space inside', 'acme okta.com'],
    ['a bad port', 'acme.okta.com:99999'],
    ['a forbidden host character', 'acme<okta>.com'],
    ['far too long', `${'a'.repeat(400)}.com`],
  ])('is undefined for %s', (_name, input) => {
    expect(canonicalHost(input)).toBeUndefined();
  });
});

describe('canonicalHostname', () => {
  it.each([
    ['accounts.google.com', 'accounts.google.com'],
    ['accounts.google.com.', 'accounts.google.com'],
    ['ACCOUNTS.GOOGLE.COM', 'accounts.google.com'],
  ])('%j is %j', (input, expected) => {
    expect(canonicalHostname(input)).toBe(expected);
  });
});

describe('canonicalHostOfUrl', () => {
  it.each([
    ['https://ACCOUNTS.google.com.:443/o/oauth2/v2/auth', 'accounts.google.com'],
    ['http://localhost:80/cb', 'localhost'],
    ['http://localhost:8080/cb', 'localhost:8080'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
  ])('%s is on %s', (url, expected) => {
    expect(canonicalHostOfUrl(new URL(url))).toBe(expected);
  });
});
