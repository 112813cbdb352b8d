/**
 * The host part of a content-script match pattern (`https://*.b2clogin.com/*`), read as Chromium reads it: `*.` in
 * front of a domain matches the domain itself and every subdomain of it, anything else matches that host only.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
import { canonicalHostname } from './canonical-host';
import { isSubdomainOf } from './subdomain';

export interface MatchPatternHost {
  /** The host, lower-case, without `*.`. */
  host: string;
  /** True for `*.host`: the host and all its subdomains. */
  subdomains: boolean;
}

const PATTERN = /^(?:https?|\*):\/\/(\*\.)?([^/*:]+)\//;

/**
 * The host a pattern names, or undefined for a pattern that names no single host (`<all_urls>`, `*://*\/*`, a
 * malformed pattern): such a pattern can never be read as one provider's host.
 */
export function matchPatternHost(pattern: string): MatchPatternHost | undefined {
  const match = PATTERN.exec(pattern);
  const host = match?.[2];
  if (host === undefined) return undefined;
  return { host: canonicalHostname(host), subdomains: match?.[1] !== undefined };
}

/** Whether `hostname` (any case, trailing dot allowed) is the pattern's host or, for `*.`, one of its subdomains. */
export function hostMatchesPattern(hostname: string, pattern: MatchPatternHost): boolean {
  const host = canonicalHostname(hostname);
  if (host === pattern.host) return true;
  return pattern.subdomains && isSubdomainOf(host, pattern.host);
}
