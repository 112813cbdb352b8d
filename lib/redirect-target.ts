/**
 * Whether a page is the redirect URI of an authorization request, i.e. where the provider sends the tab with its
 * answer. Pure.
 *
 * RFC 6749 §3.1.2 has the provider send the person to the redirect URI as given, appending `code`/`state` (or
 * `error`) to its query, so the scheme, host, port and path are compared and the query is not, except that a
 * query the redirect URI itself carries must still be there (§3.1.2: it "MUST be retained"). The fragment never
 * counts: a redirect URI must not have one, and a fragment is never sent to a server.
 *
 * Only where the provider goes decides: parameters such as `code=` carry no weight here, because anyone can put
 * them on any URL, the authorization endpoint included.
 */
import { canonicalHostname } from './hosts/canonical-host';
import { isLoopbackHostname } from './hosts/loopback-host';

function keepsRedirectQuery(target: URL, redirect: URL): boolean {
  for (const [name, value] of redirect.searchParams) {
    if (!target.searchParams.getAll(name).includes(value)) return false;
  }
  return true;
}

export function isRedirectTarget(url: URL, redirectUri: string): boolean {
  let redirect: URL;
  try {
    redirect = new URL(redirectUri);
  } catch {
    return false;
  }
  // A custom scheme (`com.example.app:/cb`) leaves the browser for a native app; it never becomes a tab's page,
  // and a URL without a host has nothing to compare.
  if (redirect.protocol !== url.protocol || redirect.host === '' || url.host === '') return false;
  // The URL parser has already lower-cased the host, turned IDN into punycode and dropped default ports.
  // A trailing dot names the same host (`example.com.`), and the URL parser keeps it.
  const host = canonicalHostname(url.hostname);
  if (host !== canonicalHostname(redirect.hostname)) return false;
  // RFC 8252 §7.3: for a loopback redirect URI the provider must accept any port, because a native app listens on
  // whichever port is free (`localhost` too: §8.3 advises against it, but providers accept it).
  if (!isLoopbackHostname(host) && url.port !== redirect.port) return false;
  return url.pathname === redirect.pathname && keepsRedirectQuery(url, redirect);
}
