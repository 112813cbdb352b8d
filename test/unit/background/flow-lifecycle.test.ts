import { describe, expect, it } from 'vitest';
import { decideNavigation, FLOW_TTL_MS, isAuthorizationResponse, isFlowExpired, isSameRequest, reachesRedirectTarget } from '../../../lib/background/flow-lifecycle';
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
    ['the request host, spelt with a trailing dot', flowFor(URLS.genericWrite), 'https://sso.acme-idp.example./login', 'continue'],
    ['the redirect URI with a code', flowFor(URLS.googleDrive), URLS.callback, 'end', 'redirect-uri'],
    ['the redirect URI with an error', flowFor(URLS.googleDrive), 'https://notes.example/callback?error=access_denied', 'end', 'redirect-uri'],
    ['an unrelated host', flowFor(URLS.googleDrive), URLS.unrelated, 'end', 'left'],
    ['a look-alike of the provider host', flowFor(URLS.googleDrive), 'https://accounts.google.com.evil.example/signin', 'end', 'left'],
    ['anything after 30 minutes', flowFor(URLS.googleDrive, NOW - FLOW_TTL_MS), URLS.googleConsentPage, 'end', 'expired'],
    ['a new request after an expired flow', flowFor(URLS.googleDrive, NOW - FLOW_TTL_MS), URLS.googleDrive, 'start'],
    ['an unparsable URL during a flow', flowFor(URLS.googleDrive), 'not a url', 'end', 'left'],
    ['an authorization response on a host that is not the redirect URI', flowFor(URLS.googleDrive), 'https://notes.example/oauth/done?code=1&state=2', 'end', 'redirect-uri'],
    ['a response on another host, for a request without a redirect URI', flowFor('https://github.com/login/oauth/authorize?client_id=Ov23li&scope=repo'), 'https://notes.example/oauth/done?code=1', 'end', 'redirect-uri'],
    ['a response on a host that is not the redirect URI\'s, not by redirect', flowFor(URLS.googleDrive), 'https://other.example/cb?code=1', 'end', 'left'],
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
    ['an authorization response elsewhere on the app', 'https://notes.example/other?error=access_denied', 'end'],
    ['a company identity provider brokering the sign-in with its own code', 'https://sso.acme.example/realms/acme/broker/google/endpoint?code=x&state=y', 'continue'],
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

function requestFor(url: string) {
  const parsed = parseAuthorizationUrl(url);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.request;
}

const GOOGLE_AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';

function googleRequest(redirectUri: string, extra = ''): string {
  return `${GOOGLE_AUTH}?client_id=123.apps.googleusercontent.com&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}${extra}`;
}

describe('reachesRedirectTarget', () => {
  it.each<[string, string, string, boolean]>([
    ['the app\'s redirect URI with a code', googleRequest('https://notes.example/callback'), 'https://notes.example/callback?code=1', true],
    ['the app\'s redirect URI with nothing yet', googleRequest('https://notes.example/callback'), 'https://notes.example/callback', true],
    ['a loopback redirect URI on another port (RFC 8252)', googleRequest('http://127.0.0.1/cb'), 'http://127.0.0.1:53682/cb?code=1', true],
    ['another path of the app', googleRequest('https://notes.example/callback'), 'https://notes.example/settings?code=1', false],
    ['a request without a redirect URI', `${GOOGLE_AUTH}?client_id=1&response_type=code&scope=openid`, 'https://notes.example/callback?code=1', false],
    // An app may name the provider's own consent page as its redirect URI: reaching it is not the end.
    ['a redirect URI on the consent page, reached without an answer', googleRequest('https://accounts.google.com/signin/oauth/consent'), 'https://accounts.google.com/signin/oauth/consent?authuser=0', false],
    ['a redirect URI on the consent host, reached with an answer', googleRequest('https://accounts.google.com/signin/oauth/consent'), 'https://accounts.google.com/signin/oauth/consent?code=1', true],
    ['a redirect URI on the authorization endpoint, with a decoy code', googleRequest(GOOGLE_AUTH), `${GOOGLE_AUTH}?code=1&client_id=123.apps.googleusercontent.com`, false],
    ['a redirect URI on the request host, reached without an answer', `https://sso.acme-idp.example/oauth2/authorize?client_id=a&response_type=code&redirect_uri=${encodeURIComponent('https://sso.acme-idp.example/login')}`, 'https://sso.acme-idp.example/login', false],
    ['a redirect URI on the request host, spelt with a trailing dot', `https://sso.acme-idp.example/oauth2/authorize?client_id=a&response_type=code&redirect_uri=${encodeURIComponent('https://sso.acme-idp.example./login')}`, 'https://sso.acme-idp.example./login', false],
    ['not a URL', googleRequest('https://notes.example/callback'), 'not a url', false],
  ])('%s', (_name, requestUrl, url, expected) => {
    expect(reachesRedirectTarget(url, requestFor(requestUrl))).toBe(expected);
  });
});

describe('decoy parameters on the authorization endpoint do not end a flow', () => {
  it.each([
    ['a code', `${URLS.googleDrive}&code=4%2F0Ad`],
    ['an error', `${URLS.googleDrive}&error=access_denied`],
    ['a code in the fragment', `${URLS.googleDrive}#code=4%2F0Ad`],
    ['a redirect URI pointing at the endpoint itself, and a code', googleRequest(GOOGLE_AUTH, '&code=1')],
  ])('%s', (_name, url) => {
    expect(decideNavigation(flowFor(URLS.googleDrive), url, NOW, parseAuthorizationUrl).kind).not.toBe('end');
    expect(decideNavigation(flowFor(googleRequest(GOOGLE_AUTH)), url, NOW, parseAuthorizationUrl).kind).not.toBe('end');
  });
});

describe('a flow is bound to one request', () => {
  const slack = (query: string) => `https://slack.com/oauth/v2/authorize?client_id=1601185624273.8899143856786&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback&${query}`;
  it.each<[string, string, string, boolean]>([
    ['the same URL', URLS.googleDrive, URLS.googleDrive, true],
    ['the same request on the provider\'s chooser page', URLS.googleDrive, URLS.googleChooser, true],
    ['the same scopes in another order', slack('scope=chat:write,channels:read'), slack('scope=channels:read,chat:write'), true],
    ['another client id', URLS.googleDrive, URLS.googleDrive.replace('client_id=123.', 'client_id=456.'), false],
    ['a scope more', URLS.googleSignIn, URLS.googleSignIn.replace('scope=openid%20email', 'scope=openid%20email%20profile'), false],
    ['a scope less', URLS.googleSignIn, URLS.googleSignIn.replace('scope=openid%20email', 'scope=openid'), false],
    ['another redirect URI', URLS.googleDrive, URLS.googleDrive.replace('notes.example', 'evil.example'), false],
    ['Slack: a bot scope moved to the user token', slack('scope=chat:write'), slack('user_scope=chat:write'), false],
    // Microsoft v1 grants the app's configured permissions on `resource` and ignores `scope`: another resource is another grant.
    ['Microsoft v1: the same app for another resource', 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=a&response_type=code&resource=https%3A%2F%2Fgraph.microsoft.com', 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=a&response_type=code&resource=https%3A%2F%2Fmanagement.azure.com', false],
    ['Microsoft: the same app asking an admin for the whole organisation', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read', 'https://login.microsoftonline.com/common/adminconsent?client_id=a&scope=User.Read', false],
    // Grants the URL's scopes do not show: the same app and scopes, but the server acts on more.
    ['the same app and scopes, now with a pushed request', URLS.googleDrive, `${URLS.googleDrive}&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Ax`, false],
    ['the same app and scopes, now with a request object', URLS.googleDrive, `${URLS.googleDrive}&request=eyJhbGciOiJub25lIn0.e30.`, false],
    ['the same app and scopes, now asking an admin for everyone', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read&prompt=admin_consent', false],
    ['the same app and scopes, now on Microsoft\'s v1 endpoint', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read', 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=a&response_type=code&scope=User.Read', false],
    ['the same app and scopes, now with offline access', URLS.googleSignIn.replace('scope=openid%20email', 'scope=https://www.googleapis.com/auth/drive'), `${URLS.googleSignIn.replace('scope=openid%20email', 'scope=https://www.googleapis.com/auth/drive')}&access_type=offline`, false],
    ['Auth0: the same app and scopes for another API', 'https://acme.eu.auth0.com/authorize?client_id=a&response_type=code&scope=read%3Aall&audience=https%3A%2F%2Fnotes.example', 'https://acme.eu.auth0.com/authorize?client_id=a&response_type=code&scope=read%3Aall&audience=https%3A%2F%2Fbilling.example', false],
    ['the same app and scopes, now with a second client id', URLS.googleDrive, `${URLS.googleDrive}&client_id=evil.apps.googleusercontent.com`, false],
    // A provider page that repeats the request without such a parameter keeps the earlier, stricter view.
    ['the same request on a page that drops offline access', URLS.googleDrive, URLS.googleDrive.replace('&access_type=offline', ''), true],
    ['another host of the same provider', `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read`, `https://login.microsoftonline.us/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=User.Read`, false],
  ])('%s: %s', (_name, first, second, same) => {
    expect(isSameRequest(requestFor(first), requestFor(second))).toBe(same);
    expect(decideNavigation(flowFor(first), second, NOW, parseAuthorizationUrl).kind).toBe(same ? 'continue' : 'start');
  });
});
