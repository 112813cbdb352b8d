/**
 * One spelling per host, so that a host compared by name cannot be written past the comparison. The browser sends
 * `ACCOUNTS.Google.com.:443` and `accounts.google.com` to the same server; any check that compares host names as
 * written (a provider's host list, an approval's `host`, a consent-host match) must compare them in this form.
 */

/** Ports that the URL standard drops for their scheme (WHATWG URL §4.1 "special scheme" default ports). */
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80' };

/** Characters that cannot be part of a host[:port] as an admin writes it; their presence means it is something else. */
const NOT_A_HOST = /[/?#@\\\s]/;

/**
 * The canonical form of a host name as the URL parser gives it: lower case, IDN as punycode (`xn--…`), and one
 * trailing dot removed (DNS treats `example.com.` as `example.com`, RFC 1034 §3.1, so it names the same server).
 */
export function canonicalHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The canonical host of a parsed URL: its hostname as above, with the port only where it is not the default. */
export function canonicalHostOfUrl(url: URL): string {
  const hostname = canonicalHostname(url.hostname);
  // `url.port` is already empty for a default port; the check also covers a URL object built some other way.
  const port = url.port;
  return port === '' || DEFAULT_PORTS[url.protocol] === port ? hostname : `${hostname}:${port}`;
}

/**
 * The canonical form of a host written as text (`Login.Acme.com.`, `idp.acme.test:443`, `bücher.example`), read by
 * the URL parser exactly as a browser reads it, with `https` as the scheme for the default port. Undefined when the
 * text is not a host (it holds a path, a user name, spaces, or is empty).
 */
export function canonicalHost(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 300 || NOT_A_HOST.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(`https://${trimmed}/`);
  } catch {
    return undefined;
  }
  const host = canonicalHostOfUrl(url);
  // A lone dot is the DNS root, not a host anyone can sign in at.
  return host.length === 0 || host.startsWith(':') ? undefined : host;
}
