/**
 * The consent screens the content script runs on, as match patterns. The manifest's content-script matches and
 * host permissions both come from this one list, so adding a host is one line and one README row.
 * A test proves every provider's consent hosts (lib/providers/) are covered here.
 */
export const CONSENT_HOST_PATTERNS = [
  'https://accounts.google.com/*',
  'https://login.microsoftonline.com/*',
  'https://login.microsoft.com/*',
  'https://login.live.com/*',
  'https://github.com/login*',
  'https://slack.com/oauth/*',
  'https://*.slack.com/oauth/*',
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/oauth/*',
  'https://app-eu1.hubspot.com/oauth/*',
  'https://auth.atlassian.com/*',
  'https://www.dropbox.com/oauth2/*',
  'https://zoom.us/oauth/*',
  'https://account.box.com/api/oauth2/*',
  'https://*.okta.com/*',
  'https://*.oktapreview.com/*',
  'https://*.auth0.com/*',
  'https://gitlab.com/oauth/*',
] as const;
