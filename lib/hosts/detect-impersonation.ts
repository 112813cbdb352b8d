/**
 * Tells whether a host imitates a known provider's host: the real name followed by another domain
 * (`login.microsoftonline.com.attacker.test`), look-alike digits (`I0gin.microsoftonline.com`, `accounts.g00gle.com`)
 * or look-alike Unicode behind punycode (`xn--ccounts-…` with a Cyrillic `а`). The real hosts and domains come from
 * the provider modules, so a new provider is protected as soon as it is registered.
 */
import type { Impersonation, ProviderId } from '../authorization-request';
import { PROVIDERS } from '../providers';
import { isSubdomainOf } from '../providers/provider-definition';
import { hostToUnicode } from './decode-punycode';
import { hostSkeleton } from './host-skeleton';

interface Target {
  provider: ProviderId;
  /** A real host (`accounts.google.com`) or a domain the provider owns (`google.com`). */
  name: string;
  skeleton: string;
}

interface Tables {
  knownHosts: Set<string>;
  hosts: Target[];
  domains: Target[];
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const hosts: Target[] = [];
  const domains: Target[] = [];
  for (const provider of PROVIDERS) {
    for (const name of provider.knownHosts) hosts.push({ provider: provider.id, name, skeleton: hostSkeleton(name) });
    for (const name of provider.ownedDomains) domains.push({ provider: provider.id, name, skeleton: hostSkeleton(name) });
  }
  return { knownHosts: new Set(hosts.map((target) => target.name)), hosts, domains };
}

/** DNS names are at most 253 characters (RFC 1035 §2.3.4); longer hosts are cut before any comparison. */
const MAX_HOST_LENGTH = 253;

/**
 * Finds `needle` in `haystack` starting at a label boundary (start or after `.`) and ending at one (end, `.`, or
 * `-` as in `google.com-login.test`).
 */
function containsAtLabelBoundary(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = at === 0 ? '.' : haystack[at - 1];
    const after = haystack[at + needle.length] ?? '.';
    if (before === '.' && (after === '.' || after === '-')) return true;
    from = at + 1;
  }
}

function isOwnedBy(host: string, target: Target): boolean {
  return host === target.name || isSubdomainOf(host, target.name);
}

// Sign-ins repeat the same few hosts (a company's Okta or B2C tenant), and the answer depends on the host alone:
// remember recent answers. Bounded, so hostile input cannot grow it. Each caller gets its own copy of a finding.
const VERDICT_CACHE_LIMIT = 1024;
const verdictCache = new Map<string, Impersonation | null>();

/** Returns how `host` imitates a known provider host, or undefined when it does not (or is the real one). */
export function detectImpersonation(rawHost: string): Impersonation | undefined {
  const cached = verdictCache.get(rawHost);
  if (cached !== undefined) return cached === null ? undefined : { ...cached };
  const verdict = judgeHost(rawHost);
  if (rawHost.length <= MAX_HOST_LENGTH) {
    if (verdictCache.size >= VERDICT_CACHE_LIMIT) verdictCache.clear();
    verdictCache.set(rawHost, verdict === undefined ? null : { ...verdict });
  }
  return verdict;
}

function judgeHost(rawHost: string): Impersonation | undefined {
  tables ??= buildTables();
  let host = rawHost.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length > MAX_HOST_LENGTH) host = host.slice(0, MAX_HOST_LENGTH);
  if (tables.knownHosts.has(host)) return undefined;

  const unicode = hostToUnicode(host);
  const punycode = unicode !== host;
  const skeleton = hostSkeleton(unicode);
  const lookAlikeReason = (name: string): string =>
    punycode
      ? `the host ${host} is written in look-alike Unicode characters (${unicode}) to resemble ${name}`
      : `the host ${host} swaps letters for look-alike digits or characters to resemble ${name}`;

  for (const target of tables.hosts) {
    if (skeleton === target.skeleton) {
      return { provider: target.provider, imitates: target.name, reason: lookAlikeReason(target.name) };
    }
  }
  const owned = isOwnedByAny(host);
  for (const target of tables.hosts) {
    if (containsAtLabelBoundary(host, target.name)) {
      // `eu.accounts.google.com` is Google's own subdomain: not one of its consent hosts, but no imitation either.
      if (owned) continue;
      return {
        provider: target.provider,
        imitates: target.name,
        reason: `the host only starts with or contains ${target.name}; it belongs to another domain`,
      };
    }
    if (containsAtLabelBoundary(skeleton, target.skeleton)) {
      return { provider: target.provider, imitates: target.name, reason: lookAlikeReason(target.name) };
    }
  }
  for (const target of tables.domains) {
    if (isOwnedBy(host, target)) continue;
    if (containsAtLabelBoundary(host, target.name)) {
      return {
        provider: target.provider,
        imitates: target.name,
        reason: `the host contains ${target.name} but is not part of it; it belongs to another domain`,
      };
    }
    if (!owned && containsAtLabelBoundary(skeleton, target.skeleton)) {
      return { provider: target.provider, imitates: target.name, reason: lookAlikeReason(target.name) };
    }
  }
  return undefined;
}

/** A host under any provider's own domain is theirs, even when its skeleton resembles another provider's. */
function isOwnedByAny(host: string): boolean {
  tables ??= buildTables();
  return tables.domains.some((target) => isOwnedBy(host, target));
}

/**
 * Userinfo tricks (RFC 3986 §3.2.1, deprecated credentials in the authority): in
 * `https://login.microsoftonline.com@attacker.test/` the provider's name is only a user name and the browser goes to
 * attacker.test. Returns the impersonation when the user name or password names a provider host or domain.
 */
export function detectUserinfoImpersonation(userinfo: string, host: string): Impersonation | undefined {
  if (userinfo.length === 0) return undefined;
  tables ??= buildTables();
  const text = userinfo.slice(0, MAX_HOST_LENGTH).toLowerCase();
  const skeleton = hostSkeleton(text);
  for (const target of [...tables.hosts, ...tables.domains]) {
    if (text.includes(target.name) || skeleton.includes(target.skeleton)) {
      return {
        provider: target.provider,
        imitates: target.name,
        reason: `the address puts ${target.name} before an "@", so it is only a user name and the browser goes to ${host}`,
      };
    }
  }
  return undefined;
}
