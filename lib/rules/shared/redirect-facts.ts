/**
 * What a redirect URI says about where the authorization code goes, computed once per request for the rules
 * that care (insecure-redirect-uri, consentfix).
 */

import { isLoopbackHostname } from '../../hosts/loopback-host';

export interface RedirectFacts {
  /** The scheme without the colon, lower case (`https`, `http`, `com.example.app`). Empty when unparseable. */
  scheme: string;
  /** Lower-case host without brackets or port; empty for schemes without one. */
  host: string;
  /** The code goes to this computer: `localhost`, 127.0.0.0/8 or `::1` (RFC 8252 section 7.3). */
  loopback: boolean;
  /** False when the value is not a URL at all. */
  valid: boolean;
}

const IPV6_BRACKETS = /^\[|\]$/g;

/** Parses with the WHATWG URL parser, the one browsers use to follow the redirect. */
export function describeRedirectUri(redirectUri: string): RedirectFacts {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return { scheme: '', host: '', loopback: false, valid: false };
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const host = url.hostname.toLowerCase().replace(IPV6_BRACKETS, '');
  const loopback = isLoopbackHostname(host);
  return { scheme, host, loopback, valid: true };
}
