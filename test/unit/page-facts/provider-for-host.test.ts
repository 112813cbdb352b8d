import { describe, expect, it } from 'vitest';
import { isConsentHostUrl } from '../../../lib/background/consent-host-match';
import { CONSENT_HOST_PATTERNS } from '../../../lib/consent-hosts';
import { hostMatchesPattern, matchPatternHost } from '../../../lib/hosts/match-pattern-host';
import { providerForHost } from '../../../lib/page-facts/provider-for-host';
import { PROVIDERS } from '../../../lib/providers';
import { CONSENT_HOSTS_BY_PROVIDER } from '../../../lib/providers/consent-hosts-by-provider';

/** Every declared pattern with the provider that declares it and a host it matches. */
const DECLARED = PROVIDERS.flatMap((provider) =>
  provider.consentHostPatterns.map((pattern) => {
    const host = matchPatternHost(pattern);
    if (host === undefined) throw new Error(`${provider.id} declares a pattern without a host: ${pattern}`);
    return { provider: provider.id, pattern, host: host.host, subdomains: host.subdomains };
  }),
);

describe('providerForHost follows the provider modules', () => {
  it('reads the same lists the provider modules declare, in the registry order', () => {
    expect(Object.keys(CONSENT_HOSTS_BY_PROVIDER)).toEqual(PROVIDERS.map((provider) => provider.id));
    for (const provider of PROVIDERS) expect(provider.consentHostPatterns).toBe(CONSENT_HOSTS_BY_PROVIDER[provider.id]);
  });

  it('every provider with consent hosts is covered', () => {
    const withHosts = PROVIDERS.filter((provider) => provider.consentHostPatterns.length > 0).map((provider) => provider.id);
    expect(new Set(DECLARED.map((entry) => entry.provider))).toEqual(new Set(withHosts));
    expect(withHosts.length).toBeGreaterThan(10);
  });

  it.each(DECLARED)('$pattern -> $provider', ({ provider, host, subdomains }) => {
    expect(providerForHost(host)).toBe(provider);
    // The browser may hand over the host in capitals or with the root's trailing dot.
    expect(providerForHost(`${host.toUpperCase()}.`)).toBe(provider);
    if (subdomains) expect(providerForHost(`tenant-a.${host}`)).toBe(provider);
  });

  it.each(DECLARED)('$pattern: look-alikes of the host are not $provider', ({ provider, host }) => {
    for (const lookalike of [`${host}.evil.example`, `not${host}`, `${host}-login.example`, host.replace(/\.[^.]+$/, '.example')]) {
      expect(providerForHost(lookalike), lookalike).not.toBe(provider);
    }
  });

  it('the manifest hosts are exactly the declared ones', () => {
    expect(new Set(CONSENT_HOST_PATTERNS)).toEqual(new Set(DECLARED.map((entry) => entry.pattern)));
  });
});

describe('providerForHost on the hosts that used to fall back to generic', () => {
  it.each([
    ['login.windows.net', 'microsoft'],
    ['contoso.b2clogin.com', 'microsoft'],
    ['contoso.ciamlogin.com', 'microsoft'],
    ['login.microsoftonline.us', 'microsoft'],
    ['login.partner.microsoftonline.cn', 'microsoft'],
    ['account.live.com', 'microsoft'],
    ['acme.okta.com', 'okta'],
    ['dev-1234.us.auth0.com', 'auth0'],
    ['acme.my.salesforce.com', 'salesforce'],
    // Still nobody's: a subdomain of an exact host, and a host nobody declares.
    ['evil.login.microsoftonline.com', 'generic'],
    ['live.com', 'generic'],
    ['b2clogin.com.evil.example', 'generic'],
    ['idp.example', 'generic'],
    ['', 'generic'],
  ])('%s -> %s', (host, provider) => {
    expect(providerForHost(host)).toBe(provider);
  });
});

describe('account.live.com: only the consent pages are consent hosts', () => {
  it.each([
    ['https://account.live.com/Consent/Update?ru=https://login.live.com/oauth20_authorize.srf&mkt=EN-US', true],
    ['https://account.live.com/Consent/Edit?client_id=00000000402b5328', true],
    ['https://account.live.com/proofs/Manage', false],
    ['https://account.live.com/password/change', false],
  ])('%s: %s', (url, expected) => {
    expect(isConsentHostUrl(url)).toBe(expected);
  });
});

describe('matchPatternHost', () => {
  it.each([
    ['https://accounts.google.com/*', { host: 'accounts.google.com', subdomains: false }],
    ['https://*.b2clogin.com/*', { host: 'b2clogin.com', subdomains: true }],
    ['https://account.live.com/Consent/*', { host: 'account.live.com', subdomains: false }],
    ['*://Login.Example.COM./path', { host: 'login.example.com', subdomains: false }],
    ['https://*/*', undefined],
    ['<all_urls>', undefined],
    ['https://host-without-path', undefined],
  ])('%s', (pattern, expected) => {
    expect(matchPatternHost(pattern)).toEqual(expected);
  });

  it.each([
    ['b2clogin.com', true],
    ['a.b.b2clogin.com', true],
    ['notb2clogin.com', false],
    ['b2clogin.com.example', false],
  ])('*.b2clogin.com covers %s: %s', (host, expected) => {
    expect(hostMatchesPattern(host, { host: 'b2clogin.com', subdomains: true })).toBe(expected);
  });
});
