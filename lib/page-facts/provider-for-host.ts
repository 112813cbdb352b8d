/**
 * The provider whose consent screen a host serves, for reading page facts before the background's view (which names
 * the provider of the captured request) has arrived. The hosts are the ones each provider module declares in
 * `consentHostPatterns` (from lib/providers/consent-hosts-by-provider.ts), the same list the manifest and the background use (lib/consent-hosts.ts),
 * so a host the content script runs on can never fall back to `generic` because a second list forgot it.
 */
import type { ProviderId } from '../authorization-request';
import { hostMatchesPattern, matchPatternHost, type MatchPatternHost } from '../hosts/match-pattern-host';
import { CONSENT_HOSTS_BY_PROVIDER } from '../providers/consent-hosts-by-provider';

interface ProviderHost extends MatchPatternHost {
  provider: ProviderId;
}

// Exact hosts first, then wildcards: `login.salesforce.com` must not lose to a `*.salesforce.com` some other module
// might declare. Within each group the providers keep their registry order.
// The data module, not the provider registry: this runs in the overlay content script (see that module's comment).
const PROVIDER_HOSTS: readonly ProviderHost[] = (Object.entries(CONSENT_HOSTS_BY_PROVIDER) as [ProviderId, readonly string[]][]).flatMap(([provider, patterns]) =>
  patterns.flatMap((pattern) => {
    const host = matchPatternHost(pattern);
    return host === undefined ? [] : [{ provider, ...host }];
  }),
).sort((a, b) => Number(a.subdomains) - Number(b.subdomains));

export function providerForHost(hostname: string): ProviderId {
  return PROVIDER_HOSTS.find((entry) => hostMatchesPattern(hostname, entry))?.provider ?? 'generic';
}
