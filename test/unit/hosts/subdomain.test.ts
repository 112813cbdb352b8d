import { describe, expect, it } from 'vitest';
import { isSubdomainOf, isSubdomainOfAny } from '../../../lib/hosts/subdomain';

describe('isSubdomainOf', () => {
  it.each([
    ['acme.okta.com', 'okta.com', true],
    ['a.b.b2clogin.com', 'b2clogin.com', true],
    ['okta.com', 'okta.com', false],
    ['notokta.com', 'okta.com', false],
    ['.okta.com', 'okta.com', false],
    ['okta.com.evil.test', 'okta.com', false],
    ['xokta.com', 'okta.com', false],
  ])('%s under %s: %s', (host, domain, expected) => {
    expect(isSubdomainOf(host, domain)).toBe(expected);
  });

  it('any of several domains', () => {
    expect(isSubdomainOfAny('t.ciamlogin.com', ['b2clogin.com', 'ciamlogin.com'])).toBe(true);
    expect(isSubdomainOfAny('ciamlogin.com', ['b2clogin.com', 'ciamlogin.com'])).toBe(false);
    expect(isSubdomainOfAny('t.example.com', [])).toBe(false);
  });
});
