/**
 * Whether a URL is on a consent host the content script runs on (lib/consent-hosts.ts). Where it does not, the
 * overlay cannot appear by itself, so the background tells the person by notification and the popup instead.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CONSENT_HOST_PATTERNS } from '../consent-hosts';
import { canonicalHostname } from '../hosts/canonical-host';

const PATTERNS = CONSENT_HOST_PATTERNS.map((pattern) => new MatchPattern(pattern));

export function isConsentHostUrl(url: string): boolean {
  let href: string;
  try {
    const parsed = new URL(url);
    // Match patterns compare the host as written, and Chromium runs content scripts on `accounts.google.com.`
    // as on `accounts.google.com`: compare the canonical host, or a trailing dot would hide a consent page.
    const hostname = canonicalHostname(parsed.hostname);
    if (hostname !== parsed.hostname) parsed.hostname = hostname;
    href = parsed.href;
  } catch {
    return false;
  }
  // A string, not a URL object: the matcher tests `instanceof Location`, and a service worker has no Location.
  return PATTERNS.some((pattern) => pattern.includes(href));
}
