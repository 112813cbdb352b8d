/**
 * The hosts (as match patterns) of each provider's sign-in and consent screens. This is the one list: each provider
 * module takes its `consentHostPatterns` from here, and the manifest, the background's host checks
 * (lib/consent-hosts.ts) and `providerForHost` (lib/page-facts/provider-for-host.ts) all read it through them or
 * directly.
 *
 * Why it is not written inside each provider module: the overlay content script maps a page's host to its provider
 * before the background's view arrives, and importing the provider modules for that would load every endpoint parser
 * into every consent page (about 14 kB). Data only here; test/unit/page-facts/provider-for-host.test.ts checks that
 * the keys follow the provider registry's order and cover every provider.
 */
import type { ProviderId } from '../authorization-request';

/** Okta's organisation domains: an org lives on a subdomain of one of these. */
export const OKTA_ORG_DOMAINS: readonly string[] = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil'];

export const CONSENT_HOSTS_BY_PROVIDER = {
  google: ['https://accounts.google.com/*'],
  microsoft: [
    'https://login.microsoftonline.com/*',
    'https://login.microsoft.com/*',
    'https://login.windows.net/*',
    'https://login.live.com/*',
    // Only the consent pages: the rest of account.live.com is account settings, where the script has nothing to do.
    'https://account.live.com/Consent/*',
    'https://login.microsoftonline.us/*',
    'https://login.partner.microsoftonline.cn/*',
    'https://*.b2clogin.com/*',
    'https://*.ciamlogin.com/*',
  ],
  github: ['https://github.com/login*', 'https://*.ghe.com/login*'],
  slack: [
    'https://slack.com/oauth/*',
    'https://slack.com/openid/*',
    'https://*.slack.com/oauth/*',
    'https://slack-gov.com/oauth/*',
    'https://slack-gov.com/openid/*',
    'https://*.slack-gov.com/oauth/*',
  ],
  salesforce: [
    'https://login.salesforce.com/*',
    'https://test.salesforce.com/*',
    'https://*.my.salesforce.com/*',
    // Experience Cloud and force.com host whole applications: only their OAuth paths are scripted.
    'https://*.my.site.com/*services/oauth2/*',
    'https://*.force.com/*services/oauth2/*',
  ],
  hubspot: ['https://*.hubspot.com/oauth/*'],
  atlassian: ['https://auth.atlassian.com/*'],
  dropbox: ['https://www.dropbox.com/oauth2/*', 'https://dropbox.com/oauth2/*'],
  zoom: ['https://zoom.us/oauth/*', 'https://*.zoom.us/oauth/*', 'https://zoomgov.com/oauth/*'],
  box: ['https://account.box.com/api/oauth2/*', 'https://app.box.com/api/oauth2/*'],
  okta: OKTA_ORG_DOMAINS.map((domain) => `https://*.${domain}/*`),
  auth0: ['https://*.auth0.com/*'],
  gitlab: ['https://gitlab.com/oauth/*'],
  keycloak: [],
  generic: [],
} as const satisfies Record<ProviderId, readonly string[]>;
