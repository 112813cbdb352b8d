/**
 * GitHub OAuth apps and GitHub Apps (user-to-server): `/login/oauth/authorize` on github.com, GitHub Enterprise
 * Cloud with data residency (`<org>.ghe.com`) and GitHub Enterprise Server (the same path on the company's host).
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#1-request-a-users-github-identity
 */
import { isSubdomainOf, pathIs, type ProviderDefinition } from './provider-definition';
import { CONSENT_HOSTS_BY_PROVIDER } from './consent-hosts-by-provider';

const AUTHORIZE_PATH = ['login', 'oauth', 'authorize'];

export const github: ProviderDefinition = {
  id: 'github',
  displayName: 'GitHub',
  description:
    'GitHub /login/oauth/authorize on github.com, on GitHub Enterprise Cloud (*.ghe.com) and on any GitHub Enterprise Server host.',
  // `/login*`, not only `/login/oauth/*`: a signed-out person meets `/login?client_id=…&return_to=…` first.
  consentHostPatterns: CONSENT_HOSTS_BY_PROVIDER.github,
  knownHosts: ['github.com'],
  ownedDomains: ['github.com', 'ghe.com'],
  matchEndpoint({ host, lowerSegments }) {
    if (!pathIs(lowerSegments, AUTHORIZE_PATH)) return undefined;
    if (host === 'github.com') return { endpoint: 'authorize' };
    // Enterprise hosts carry the company's data, so the host is the tenant. GitHub Enterprise Server runs on any
    // host name; its path is the recognisable part. (Gitea and Forgejo copy this path and GitHub's parameters.)
    if (isSubdomainOf(host, 'ghe.com')) return { endpoint: 'authorize', tenant: host, variant: 'ghe-cloud' };
    return { endpoint: 'authorize', tenant: host, variant: 'enterprise-server' };
  },
  scopeParameters: ['scope'],
  // "scope: A space-delimited list of scopes"; comma lists are still accepted and common in older clients.
  scopeSeparators: ' ,+',
  // OAuth-app tokens never expire; GitHub-App user tokens expire after 8 hours but come with a 6-month refresh
  // token. Either way the grant outlives the session until someone revokes it, so GitHub grants are persistent.
  // https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
  hasOfflineAccess: () => true,
};
