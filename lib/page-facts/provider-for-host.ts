/**
 * The provider whose consent screen a host serves, for reading page facts before the background's view (which names
 * the provider of the captured request) has arrived. Hosts follow CONSENT_HOST_PATTERNS (lib/consent-hosts.ts).
 */
import type { ProviderId } from '../authorization-request';
import { canonicalHostname } from '../hosts/canonical-host';

const HOST_PROVIDERS: readonly { provider: ProviderId; hosts: readonly string[]; suffixes: readonly string[] }[] = [
  { provider: 'google', hosts: ['accounts.google.com'], suffixes: [] },
  { provider: 'microsoft', hosts: ['login.microsoftonline.com', 'login.microsoft.com', 'login.live.com'], suffixes: [] },
  { provider: 'github', hosts: ['github.com'], suffixes: [] },
  { provider: 'slack', hosts: ['slack.com', 'slack-gov.com'], suffixes: ['.slack.com', '.slack-gov.com'] },
];

export function providerForHost(hostname: string): ProviderId {
  const host = canonicalHostname(hostname);
  const entry = HOST_PROVIDERS.find(({ hosts, suffixes }) => hosts.includes(host) || suffixes.some((suffix) => host.endsWith(suffix)));
  return entry?.provider ?? 'generic';
}
