/**
 * Which approvals must name the authorization host they are valid on. A client id is only unique on the server
 * that registered it: where anyone can run a server (Keycloak, any OpenID provider, self-managed GitLab) an
 * attacker can register the approved app's client id on their own host and borrow its approval. Pure.
 */
import type { ProviderId } from '../authorization-request';
import { canonicalHost } from '../hosts/canonical-host';
import { isSubdomainOf } from '../hosts/subdomain';

/**
 * - `required`: an approval without `host` matches nothing (the provider runs on hosts anyone can set up).
 * - `default-host`: without `host` the approval matches the provider's own hosted service only (gitlab.com;
 *   github.com and the tenants GitHub hosts under `alsoUnder`, ghe.com).
 * - `recommended`: without `host` it matches every host of the provider; a tenant subdomain cannot be registered
 *   by an attacker under another tenant's name, but binding still narrows the approval to the company's tenant.
 * - `none`: the provider has a fixed set of hosts; `host` is optional.
 */
export type HostBinding =
  | { kind: 'required' }
  | {
      kind: 'default-host';
      host: string;
      alsoUnder?: string;
      /**
       * Whether `validate` advises adding `host`: yes for GitLab, where self-managed instances are common; not for
       * GitHub, whose approvals nearly always mean github.com.
       */
      advise: boolean;
    }
  | { kind: 'recommended' }
  | { kind: 'none' };

const REQUIRED: HostBinding = { kind: 'required' };
const RECOMMENDED: HostBinding = { kind: 'recommended' };
const NONE: HostBinding = { kind: 'none' };
// gitlab.com is GitLab's own service; self-managed instances run on any `gitlab.` host (lib/providers/gitlab.ts).
const GITLAB: HostBinding = { kind: 'default-host', host: 'gitlab.com', advise: true };
// GitHub Enterprise Server runs on any host name with GitHub's path (lib/providers/github.ts), and Gitea and Forgejo
// copy that path: anyone can run one and give an app any client id. github.com and the GitHub Enterprise Cloud
// tenants GitHub itself hosts (*.ghe.com) assign client ids themselves.
const GITHUB: HostBinding = { kind: 'default-host', host: 'github.com', alsoUnder: 'ghe.com', advise: false };

export function hostBindingOf(provider: ProviderId): HostBinding {
  switch (provider) {
    case 'keycloak':
    case 'generic':
      return REQUIRED;
    case 'gitlab':
      return GITLAB;
    case 'github':
      return GITHUB;
    case 'okta':
    case 'auth0':
      return RECOMMENDED;
    default:
      return NONE;
  }
}

/**
 * An approval's host in the form requests carry theirs (lib/hosts/canonical-host.ts): lower case, no trailing dot,
 * international names in their ASCII (punycode) form, no default port. A value that is not a host keeps its own
 * (lower-cased) spelling, so it matches nothing rather than dropping the restriction: an approval without a host
 * would match more. Undefined only when the approval names no host.
 */
export function canonicalApprovalHost(host: string | undefined): string | undefined {
  if (host === undefined || host.trim().length === 0) return undefined;
  const canonical = canonicalHost(host);
  if (canonical === undefined) return host.trim().toLowerCase();
  // Requests carry the host name without a port: a port names another service on the same server, whose owner is
  // the same, so the approval is compared by host name.
  const portAt = canonical.lastIndexOf(':');
  return portAt > canonical.lastIndexOf(']') ? canonical.slice(0, portAt) : canonical;
}

/**
 * Whether an approval with this (canonical) host may match a request to `requestHost` of `provider`.
 * `approvalHost` undefined means the approval names no host.
 */
export function approvalHostMatches(provider: ProviderId, approvalHost: string | undefined, requestHost: string): boolean {
  if (approvalHost !== undefined) return approvalHost === requestHost || approvalHost === canonicalApprovalHost(requestHost);
  const binding = hostBindingOf(provider);
  if (binding.kind === 'required') return false;
  if (binding.kind === 'default-host') {
    return requestHost === binding.host || (binding.alsoUnder !== undefined && isSubdomainOf(requestHost, binding.alsoUnder));
  }
  return true;
}
