import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { DEVICE_CODE_PAGE_PATTERNS, deviceCodePageFor, type DeviceCodeProvider } from '../../lib/device-code-pages';

const POSITIVES: [url: string, provider: DeviceCodeProvider, host: string][] = [
  ['https://microsoft.com/devicelogin', 'microsoft', 'microsoft.com'],
  ['https://www.microsoft.com/devicelogin', 'microsoft', 'www.microsoft.com'],
  ['https://www.microsoft.com/devicelogin/', 'microsoft', 'www.microsoft.com'],
  ['https://login.microsoftonline.com/common/oauth2/deviceauth', 'microsoft', 'login.microsoftonline.com'],
  ['https://login.microsoftonline.com/organizations/oauth2/deviceauth', 'microsoft', 'login.microsoftonline.com'],
  ['https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/deviceauth', 'microsoft', 'login.microsoftonline.com'],
  ['https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/deviceauth?otc=ABCD1234', 'microsoft', 'login.microsoftonline.com'],
  ['https://www.google.com/device', 'google', 'www.google.com'],
  ['https://google.com/device', 'google', 'google.com'],
  ['https://www.google.com/device?user_code=WDJB-MJHT', 'google', 'www.google.com'],
  ['https://github.com/login/device', 'github', 'github.com'],
  ['https://github.com/login/device/select_account', 'github', 'github.com'],
  ['https://github.com/login/device/confirmation', 'github', 'github.com'],
  // Canonical host and path: case, a trailing dot, the default port, a fragment.
  ['https://GitHub.COM/login/device', 'github', 'github.com'],
  ['https://github.com./login/device', 'github', 'github.com'],
  ['https://github.com:443/login/device', 'github', 'github.com'],
  ['https://www.microsoft.com/DeviceLogin#code', 'microsoft', 'www.microsoft.com'],
];

const NEGATIVES: [url: string, why: string][] = [
  ['https://github.com/login', 'the sign-in page, not the device page'],
  ['https://github.com/login/devices', 'a different path with the same prefix'],
  ['https://github.com/login/oauth/authorize?client_id=abc', 'an authorization request, handled by the overlay'],
  ['https://github.com/settings/devices', 'a settings page'],
  ['https://www.google.com/search?q=device', 'a search that mentions the word'],
  ['https://www.google.com/devices', 'a different path with the same prefix'],
  ['https://www.google.com/', 'the home page'],
  ['https://accounts.google.com/device', 'a host Google does not use for the device page'],
  ['https://www.microsoft.com/en-us/microsoft-365', 'an ordinary page'],
  ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x', 'an authorization request'],
  ['https://login.microsoftonline.com/oauth2/deviceauth', 'no tenant segment'],
  ['https://login.microsoftonline.com/a/b/oauth2/deviceauth', 'two segments where the tenant goes'],
  ['http://github.com/login/device', 'not https'],
  ['https://github.com:8443/login/device', 'a port the provider does not serve'],
  ['https://github.com.attacker.test/login/device', 'a look-alike host'],
  ['https://attacker.test/login/device', 'another host with the same path'],
  ['https://microsoft.com.evil.test/devicelogin', 'a look-alike host'],
  ['https://xn--gthub-n4a.com/login/device', 'an IDN look-alike (gíthub.com)'],
  ['https://github.com@attacker.test/login/device', 'user info that spells the provider'],
  ['not a url', 'not a URL'],
  ['', 'empty'],
  [`https://github.com/login/device?${'a'.repeat(9000)}`, 'longer than any real address'],
];

describe('deviceCodePageFor', () => {
  it.each(POSITIVES)('%s is the %s device-code page on %s', (url, provider, host) => {
    expect(deviceCodePageFor(url)).toEqual({ provider, host });
  });

  it.each(NEGATIVES)('%s is not a device-code page (%s)', (url) => {
    expect(deviceCodePageFor(url)).toBeUndefined();
  });
});

describe('DEVICE_CODE_PAGE_PATTERNS', () => {
  const patterns = DEVICE_CODE_PAGE_PATTERNS.map((pattern) => new MatchPattern(pattern));
  const covered = (url: string) => patterns.some((pattern) => pattern.includes(new URL(url).href));

  // Match patterns compare paths case-sensitively, so they cover the lower-case spelling each provider publishes;
  // odd spellings (a trailing dot, an upper-case path) are left to the browser's own matching.
  it.each(POSITIVES.filter(([url]) => url === url.toLowerCase() && !new URL(url).hostname.endsWith('.')))(
    'the content script runs on %s',
    (url) => {
      expect(covered(url)).toBe(true);
    },
  );

  // Microsoft's sign-in server reads paths in any case, so a phishing link can spell the page in upper case.
  it.each([
    'https://login.microsoftonline.com/common/OAuth2/DeviceAuth',
    'https://login.microsoftonline.com/organizations/OAUTH2/DEVICEAUTH',
    'https://login.microsoftonline.com/Common/oauth2/deviceauth?otc=ABCD1234',
  ])('the content script runs on %s, and the page is recognised', (url) => {
    expect(covered(url)).toBe(true);
    expect(deviceCodePageFor(url)?.provider).toBe('microsoft');
  });

  it('every pattern is https on a provider host and leads to at least one device-code page', () => {
    for (const pattern of DEVICE_CODE_PAGE_PATTERNS) {
      expect(pattern.startsWith('https://')).toBe(true);
      const matcher = new MatchPattern(pattern);
      expect(POSITIVES.some(([url]) => matcher.includes(new URL(url).href)), pattern).toBe(true);
    }
  });

  it.each([
    'https://www.google.com/search?q=device',
    'https://github.com/login',
    'https://github.com/settings/devices',
    'https://www.microsoft.com/en-us/microsoft-365',
  ])('the content script does not run on %s', (url) => {
    expect(covered(url)).toBe(false);
  });
});
