import { afterEach, describe, expect, it, vi } from 'vitest';
import { isConsentHostUrl } from '../../../lib/background/consent-host-match';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isConsentHostUrl', () => {
  it.each([
    ['https://accounts.google.com/signin/oauth/consent?x=1', true],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', true],
    ['https://github.com/login/oauth/authorize?client_id=1', true],
    ['https://github.com/settings/applications', false],
    ['https://acme.okta.com/oauth2/v1/authorize', true],
    ['https://acme.slack.com/oauth/v2/authorize', true],
    ['https://slack.com/intl/en-gb/', false],
    ['http://accounts.google.com/', false],
    ['https://accounts.google.com.evil.example/', false],
    ['https://sso.acme-idp.example/oauth2/authorize', false],
    ['https://app.hubspot.com/oauth/authorize?client_id=1', true],
    ['https://app.hubspot.com/contacts/123', false],
    ['https://acme.lightning.force.com/services/oauth2/authorize?client_id=1', true],
    ['https://acme.lightning.force.com/lightning/page/home', false],
    ['https://account.box.com/api/oauth2/authorize?client_id=1', true],
    ['https://login.windows.net/common/oauth2/authorize', true],
    ['not a url', false],
    // Host spellings the browser sends to the same server (and runs the content scripts on).
    ['https://ACCOUNTS.GOOGLE.COM/signin/oauth/consent', true],
    ['https://accounts.google.com./signin/oauth/consent', true],
    ['https://accounts.google.com.:443/signin/oauth/consent', true],
    ['https://Acme.Slack.com./oauth/v2/authorize', true],
    ['https://accounts.google.com..evil.example/', false],
    // GovSlack, Slack's government cloud.
    ['https://slack-gov.com/oauth/v2/authorize?client_id=1.2', true],
    ['https://acme.slack-gov.com/oauth/v2/authorize', true],
    ['https://slack-gov.com/openid/connect/authorize', true],
    ['https://slack-gov.com/intl/en-us/', false],
  ])('%s: %s', (url, expected) => {
    expect(isConsentHostUrl(url)).toBe(expected);
  });

  it('works in a service worker, which has no Location', () => {
    vi.stubGlobal('Location', undefined);
    expect(isConsentHostUrl('https://accounts.google.com/o/oauth2/v2/auth')).toBe(true);
    expect(isConsentHostUrl('https://news.example/')).toBe(false);
  });
});
