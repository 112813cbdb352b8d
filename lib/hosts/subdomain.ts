/** Whether a host lies under a domain: the one test for "a subdomain of", shared by the parser, policy and page facts. */

/** True when `host` is a strict subdomain of `domain` (`acme.okta.com` under `okta.com`; not `notokta.com`). */
export function isSubdomainOf(host: string, domain: string): boolean {
  return host.length > domain.length + 1 && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46;
}

/**
 * True when `host` is a strict subdomain of any of `domains`. A loop rather than `domains.some(...)`: every URL on an
 * unknown host is tried against every provider, and a callback per try is an allocation per URL.
 */
export function isSubdomainOfAny(host: string, domains: readonly string[]): boolean {
  for (const domain of domains) if (isSubdomainOf(host, domain)) return true;
  return false;
}
