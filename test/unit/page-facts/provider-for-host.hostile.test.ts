import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { providerForHost } from '../../../lib/page-facts/provider-for-host';

// Hosts a page's address can carry, written the ways an attacker or a browser writes them. A look-alike must never
// get a named provider's extractor (whose facts the overlay would present with that provider's words), and a real
// consent host must never fall back to generic.
describe('providerForHost against look-alike and odd spellings', () => {
  it.each<[string, ProviderId]>([
    ['LOGIN.MICROSOFTONLINE.COM', 'microsoft'],
    ['login.microsoftonline.com.', 'microsoft'],
    ['GITHUB.COM.', 'github'],
    ['acme.slack.com', 'slack'],
    ['tenant.b2clogin.com', 'microsoft'],
    ['acme.okta.com', 'okta'],
    // Look-alikes
    ['login.microsoftonline.com.attacker.test', 'generic'],
    ['accounts.google.com.evil.test', 'generic'],
    ['evilaccounts.google.com', 'generic'],
    ['b2clogin.com.evil.test', 'generic'],
    ['notb2clogin.com', 'generic'],
    ['evil-slack.com', 'generic'],
    ['slack.com.evil.test', 'generic'],
    ['api.github.com', 'generic'],
    // IDN: the browser hands over punycode; a raw Cyrillic "о" or a full-width letter is no match either.
    ['xn--lgin-microsoftonline-xyz.com', 'generic'],
    ['l\u043Egin.microsoftonline.com', 'generic'],
    ['\uFF47ithub.com', 'generic'],
    // Not host names at all
    ['login.microsoftonline.com:443', 'generic'],
    ['login.microsoftonline.com..', 'generic'],
    [' github.com', 'generic'],
    ['', 'generic'],
    ['127.0.0.1', 'generic'],
  ])('%s -> %s', (host, provider) => {
    expect(providerForHost(host)).toBe(provider);
  });
});
