import { describe, expect, it } from 'vitest';
import { decideNavigation, FLOW_TTL_MS, isAuthorizationResponse, isFlowExpired, reachesRedirectUri } from '../../../lib/background/flow-lifecycle';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import type { TabState } from '../../../lib/messages/protocol';
import { URLS } from './background-harness';

const NOW = 1_000_000_000;

function flowFor(url: string, capturedAt = NOW): TabState {
  const parsed = parseAuthorizationUrl(url);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { flowId: 'f', tabId: 1, capturedAt, request: parsed.request };
}

describe('decideNavigation', () => {
  it.each<[string, TabState | undefined, string, ReturnType<typeof decideNavigation>['kind'], string?]>([
    ['an ordinary page without a flow', undefined, URLS.unrelated, 'none'],
    ['a consent page without a flow', undefined, URLS.googleConsentPage, 'none'],
    ['an authorization request', undefined, URLS.googleDrive, 'start'],
    ['the same request again', flowFor(URLS.googleDrive), URLS.googleDrive, 'continue'],
    ['the provider repeating the request on its chooser page', flowFor(URLS.googleDrive), URLS.googleChooser, 'continue'],
    ['the same app asking for other scopes', flowFor(URLS.googleSignIn), URLS.googleDrive, 'start'],
    ['another app', flowFor(URLS.googleDrive), URLS.genericWrite, 'start'],
    ['the provider sign-in page', flowFor(URLS.googleDrive), URLS.googleSignInPage, 'continue'],
    ['the provider consent page', flowFor(URLS.googleDrive), URLS.googleConsentPage, 'continue'],
    ['another consent host (SSO through Okta)', flowFor(URLS.googleDrive), 'https://acme.okta.com/login/login.htm', 'continue'],
    ['the request host off the consent list', flowFor(URLS.genericWrite), URLS.genericLogin, 'continue'],
    ['the redirect URI with a code', flowFor(URLS.googleDrive), URLS.callback, 'end', 'redirect-uri'],
    ['the redirect URI with an error', flowFor(URLS.googleDrive), 'https://notes.example/callback?error=access_denied', 'end', 'redirect-uri'],
    ['an unrelated host', flowFor(URLS.googleDrive), URLS.unrelated, 'end', 'left'],
    ['a look-alike of the provider host', flowFor(URLS.googleDrive), 'https://accounts.google.com.evil.example/signin', 'end', 'left'],
    ['anything after 30 minutes', flowFor(URLS.googleDrive, NOW - FLOW_TTL_MS), URLS.googleConsentPage, 'end', 'expired'],
    ['a new request after an expired flow', flowFor(URLS.googleDrive, NOW - FLOW_TTL_MS), URLS.googleDrive, 'start'],
    ['an unparsable URL during a flow', flowFor(URLS.googleDrive), 'not a url', 'end', 'left'],
    ['an authorization response on a host that is not the redirect URI', flowFor(URLS.googleDrive), 'https://notes.example/oauth/done?code=1&state=2', 'end', 'redirect-uri'],
    ['an implicit-grant response in the fragment', flowFor(URLS.googleDrive), 'https://notes.example/app#access_token=x&token_type=bearer', 'end', 'redirect-uri'],
  ])('%s', (_name, current, url, kind, reason) => {
    const decision = decideNavigation(current, url, NOW, parseAuthorizationUrl);
    expect(decision.kind).toBe(kind);
    if (reason !== undefined) expect(decision).toMatchObject({ reason });
  });

  it('tells whether a new flow is the same app as the running one', () => {
    expect(decideNavigation(flowFor(URLS.googleSignIn), URLS.googleDrive, NOW, parseAuthorizationUrl)).toMatchObject({ kind: 'start', sameAppAsCurrent: true });
    expect(decideNavigation(flowFor(URLS.googleSignIn), URLS.genericWrite, NOW, parseAuthorizationUrl)).toMatchObject({ kind: 'start', sameAppAsCurrent: false });
    expect(decideNavigation(flowFor(URLS.googleSignIn, NOW - FLOW_TTL_MS), URLS.googleDrive, NOW, parseAuthorizationUrl)).toMatchObject({ sameAppAsCurrent: false });
  });
});

describe('decideNavigation after a redirect or form post', () => {
  it.each<[string, string, ReturnType<typeof decideNavigation>['kind']]>([
    ['federated sign-in at the company identity provider', 'https://adfs.acme.example/adfs/ls/?SAMLRequest=x', 'continue'],
    ['the redirect URI', URLS.callback, 'end'],
    ['an authorization response elsewhere', 'https://notes.example/other?error=access_denied', 'end'],
  ])('%s', (_name, url, kind) => {
    expect(decideNavigation(flowFor(URLS.googleDrive), url, NOW, parseAuthorizationUrl, { redirected: true }).kind).toBe(kind);
  });
});

describe('isAuthorizationResponse', () => {
  it.each([
    ['https://app.example/cb?code=1&state=2', true],
    ['https://app.example/cb?error=access_denied', true],
    ['https://app.example/cb#id_token=x', true],
    ['https://app.example/cb#code=1', true],
    ['https://app.example/settings', false],
    ['https://app.example/search?q=code', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(isAuthorizationResponse(url)).toBe(expected);
  });
});

describe('isFlowExpired', () => {
  it.each([
    [0, false],
    [FLOW_TTL_MS - 1, false],
    [FLOW_TTL_MS, true],
    [-FLOW_TTL_MS - 1, true],
  ])('%i ms after capture: %s', (age, expired) => {
    expect(isFlowExpired({ capturedAt: NOW - age }, NOW)).toBe(expired);
  });
});

describe('reachesRedirectUri', () => {
  it.each<[string, string | undefined, boolean]>([
    ['https://notes.example/callback?code=1', 'https://notes.example/callback', true],
    ['https://notes.example/callback#access_token=1', 'https://notes.example/callback', true],
    ['https://notes.example/callback/extra', 'https://notes.example/callback', false],
    ['http://notes.example/callback', 'https://notes.example/callback', false],
    ['https://notes.example:8443/callback', 'https://notes.example/callback', false],
    ['http://127.0.0.1:53682/', 'http://127.0.0.1:53682/', true],
    ['https://notes.example/callback', undefined, false],
    ['https://notes.example/callback', 'com.example.app:/oauth2redirect', false],
  ])('%s against %s', (url, redirectUri, expected) => {
    expect(reachesRedirectUri(url, redirectUri)).toBe(expected);
  });
});
