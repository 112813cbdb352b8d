/**
 * Consent hosts whose pages each tenant writes itself, with its own HTML and script: Azure AD B2C custom page
 * layouts on <tenant>.b2clogin.com (https://learn.microsoft.com/azure/active-directory-b2c/customize-ui-with-html)
 * and Entra External ID on <tenant>.ciamlogin.com. The provider verifies no publisher there, so a "verified" badge
 * on such a page is the tenant's claim, never the provider's. Pure.
 */
import { canonicalHostname } from '../hosts/canonical-host';
import { isSubdomainOf } from '../hosts/subdomain';

const TENANT_WRITTEN_DOMAINS: readonly string[] = ['b2clogin.com', 'ciamlogin.com'];

/** Whether `hostname` (any case, trailing dot allowed) is a tenant's page on one of the domains above. */
export function isTenantWrittenHost(hostname: string): boolean {
  const host = canonicalHostname(hostname);
  return TENANT_WRITTEN_DOMAINS.some((domain) => host === domain || isSubdomainOf(host, domain));
}
