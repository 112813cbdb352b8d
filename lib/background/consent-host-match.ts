/**
 * Whether a URL is on a consent host the content script runs on (lib/consent-hosts.ts). Where it does not, the
 * overlay cannot appear by itself, so the background tells the person by notification and the popup instead.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CONSENT_HOST_PATTERNS } from '../consent-hosts';

const PATTERNS = CONSENT_HOST_PATTERNS.map((pattern) => new MatchPattern(pattern));

export function isConsentHostUrl(url: string): boolean {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return false;
  }
  // A string, not a URL object: the matcher tests `instanceof Location`, and a service worker has no Location.
  return PATTERNS.some((pattern) => pattern.includes(href));
}
