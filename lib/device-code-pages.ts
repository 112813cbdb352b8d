/**
 * The device-code verification pages of the providers Consent Gate names (RFC 8628 §3.3, "user interaction").
 * On these pages a person types a short code that signs some device in to their account. Device-code phishing
 * abuses exactly that: the attacker starts the flow, sends the victim the code and this page's address, and the
 * victim's sign-in hands the attacker's device a token. No authorization URL with a client id or scopes ever
 * passes through the victim's browser, so the request-based detection cannot see it; the page itself is the signal.
 *
 * Pure: URL in, provider out.
 */
import type { ProviderId } from './authorization-request';
import { canonicalHostname } from './hosts/canonical-host';

export const DEVICE_CODE_PROVIDERS = ['microsoft', 'google', 'github'] as const satisfies readonly ProviderId[];
export type DeviceCodeProvider = (typeof DEVICE_CODE_PROVIDERS)[number];

export interface DeviceCodePage {
  provider: DeviceCodeProvider;
  /** The page's host in canonical form (lower case, no trailing dot). */
  host: string;
}

/**
 * Where the content script runs. Browser match patterns are coarser than `deviceCodePageFor` (they compare paths
 * as prefixes and case-sensitively), so the script checks the exact page again with `deviceCodePageFor`.
 */
export const DEVICE_CODE_PAGE_PATTERNS: readonly string[] = [
  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code: "go to https://microsoft.com/devicelogin";
  // aka.ms/devicelogin redirects there, and both land on login.microsoftonline.com/<tenant>/oauth2/deviceauth.
  'https://microsoft.com/devicelogin*',
  'https://www.microsoft.com/devicelogin*',
  // The whole host, not `/*/oauth2/deviceauth*`: Microsoft's sign-in server reads paths without regard to case, and
  // a match pattern compares them case-sensitively, so a phishing link to `/common/OAuth2/DeviceAuth` would escape a
  // narrower pattern. The host is a consent host already (no new permission); the script checks the page itself.
  'https://login.microsoftonline.com/*',
  // https://developers.google.com/identity/protocols/oauth2/limited-input-device: "verification_url ... google.com/device".
  'https://www.google.com/device*',
  'https://google.com/device*',
  // https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow
  'https://github.com/login/device*',
];

interface PageRule {
  provider: DeviceCodeProvider;
  hosts: readonly string[];
  /** Tested against the lower-cased path without trailing slashes. */
  path: RegExp;
}

const RULES: readonly PageRule[] = [
  { provider: 'microsoft', hosts: ['microsoft.com', 'www.microsoft.com'], path: /^\/devicelogin$/ },
  // One tenant segment: `common`, `organizations`, a domain name or a tenant id.
  { provider: 'microsoft', hosts: ['login.microsoftonline.com'], path: /^\/[^/]+\/oauth2\/deviceauth$/ },
  { provider: 'google', hosts: ['google.com', 'www.google.com'], path: /^\/device$/ },
  // After the code, GitHub asks for the account and the confirmation on pages below the same path.
  { provider: 'github', hosts: ['github.com'], path: /^\/login\/device(?:\/[^/]+)*$/ },
];

/** Longer than any real address; a longer string is not read at all. */
const MAX_URL_LENGTH = 8192;

/**
 * The provider whose device-code verification page `url` is, or `undefined`. Only `https:` on the default port
 * counts; the host is compared in canonical form (URL parsing lower-cases it and turns IDN into punycode, and a
 * trailing dot is dropped), so a look-alike host never matches.
 */
export function deviceCodePageFor(url: string): DeviceCodePage | undefined {
  if (url.length > MAX_URL_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '') return undefined;
  const host = canonicalHostname(parsed.hostname);
  const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
  const rule = RULES.find((candidate) => candidate.hosts.includes(host) && candidate.path.test(path));
  return rule === undefined ? undefined : { provider: rule.provider, host };
}
