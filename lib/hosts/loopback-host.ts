/**
 * Whether a URL's hostname names this computer: `localhost`, 127.0.0.0/8 or `::1` (RFC 8252 §7.3, §8.3). Accepts
 * the IPv6 address with or without the brackets the URL parser keeps around it.
 */
const IPV4_LOOPBACK = /^127(?:\.\d{1,3}){3}$/;

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || IPV4_LOOPBACK.test(hostname);
}
