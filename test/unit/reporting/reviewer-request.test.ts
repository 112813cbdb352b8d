import { describe, expect, it } from 'vitest';
import {
  formatReviewerRequest,
  pageOrigin,
  reduceReviewPrefill,
  reduceUri,
  reviewerRequestUrl,
  toReviewerRequest,
} from '../../../lib/reporting/reviewer-request';
import { samplePrefill } from '../storage/sample-records';

const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth';

describe('reviewerRequestUrl', () => {
  it.each<[string, string, string]>([
    [
      'keeps host, path and the reviewer parameters in a fixed order',
      `${GOOGLE}?redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid%20email&client_id=abc&response_type=code&prompt=consent`,
      `${GOOGLE}?client_id=abc&response_type=code&scope=openid+email&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&prompt=consent`,
    ],
    [
      'drops state, nonce, login_hint and PKCE',
      `${GOOGLE}?client_id=abc&scope=openid&state=STATE-SECRET&nonce=NONCE-SECRET&login_hint=jane%40corp.example&code_challenge=CHALLENGE&code_challenge_method=S256`,
      `${GOOGLE}?client_id=abc&scope=openid`,
    ],
    [
      'drops a token in the fragment',
      `${GOOGLE}?client_id=abc#access_token=ya29.TOKEN&id_token=eyJ.TOKEN`,
      `${GOOGLE}?client_id=abc`,
    ],
    [
      'drops decoy codes and tokens in the query',
      `${GOOGLE}?code=4%2F0AX-CODE&client_id=abc&access_token=ya29.TOKEN&refresh_token=1%2F%2FREFRESH&id_token_hint=eyJ.HINT`,
      `${GOOGLE}?client_id=abc`,
    ],
    [
      'drops request objects (JAR) and pushed request references (PAR)',
      'https://login.example/authorize?client_id=abc&request=eyJhbGciOiJub25lIn0.eyJsb2dpbl9oaW50IjoiamFuZSJ9.&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3AREF',
      'https://login.example/authorize?client_id=abc',
    ],
    [
      'drops parameters nobody named (allowlist, not denylist)',
      `${GOOGLE}?client_id=abc&hd=corp.example&x_session=SESSION&access_type=offline&claims=%7B%7D`,
      `${GOOGLE}?client_id=abc`,
    ],
    [
      'reduces redirect_uri to scheme, host and path',
      `${GOOGLE}?client_id=abc&redirect_uri=${encodeURIComponent('https://user:pw@app.example:8443/cb?session=SESSION#frag=FRAG')}`,
      `${GOOGLE}?client_id=abc&redirect_uri=${encodeURIComponent('https://app.example:8443/cb')}`,
    ],
    [
      'keeps Slack user_scope and HubSpot optional_scope',
      'https://slack.com/oauth/v2/authorize?client_id=1.2&scope=chat%3Awrite&user_scope=search%3Aread&optional_scope=crm.objects.contacts.read',
      'https://slack.com/oauth/v2/authorize?client_id=1.2&scope=chat%3Awrite&user_scope=search%3Aread&optional_scope=crm.objects.contacts.read',
    ],
    [
      "keeps Microsoft v1's resource, reduced like an address",
      'https://login.microsoftonline.com/common/oauth2/authorize?client_id=abc&resource=https%3A%2F%2Fgraph.microsoft.com%2F%3Fx%3DSECRET',
      'https://login.microsoftonline.com/common/oauth2/authorize?client_id=abc&resource=https%3A%2F%2Fgraph.microsoft.com%2F',
    ],
    [
      'takes the first of repeated parameters, as the parser does',
      `${GOOGLE}?client_id=first&client_id=second`,
      `${GOOGLE}?client_id=first`,
    ],
    [
      'drops user info and the default port of the endpoint',
      'https://jane:PASSWORD@accounts.google.com:443/o/oauth2/v2/auth?client_id=abc',
      `${GOOGLE}?client_id=abc`,
    ],
    ['keeps host and path when there is no parameter to keep', `${GOOGLE}?state=STATE-SECRET`, GOOGLE],
    ['gives nothing for a malformed URL', 'https://exa mple.com/auth?client_id=abc&state=STATE-SECRET', ''],
    ['gives nothing for a URL without a scheme', 'accounts.google.com/auth?state=STATE-SECRET', ''],
    ['gives nothing for a non-web scheme', 'javascript:alert(1)//?client_id=abc&state=STATE-SECRET', ''],
    ['gives nothing for the empty string', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(reviewerRequestUrl(input)).toBe(expected);
  });

  it('is idempotent: a reduced URL reduces to itself', () => {
    const once = reviewerRequestUrl(
      `${GOOGLE}?client_id=abc&scope=openid%20email&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1&state=S&prompt=select_account%20consent`,
    );
    expect(reviewerRequestUrl(once)).toBe(once);
  });
});

describe('toReviewerRequest', () => {
  it('gives the structured view with decoded values', () => {
    expect(toReviewerRequest(`${GOOGLE}?scope=openid+email&client_id=abc&state=S&redirect_uri=app%3A%2Fcb%3Fx`)).toEqual({
      origin: 'https://accounts.google.com',
      host: 'accounts.google.com',
      path: '/o/oauth2/v2/auth',
      parameters: [
        { name: 'client_id', value: 'abc' },
        { name: 'scope', value: 'openid email' },
        { name: 'redirect_uri', value: 'app:/cb' },
      ],
    });
  });

  it('keeps a non-default port and lower-cases the host', () => {
    const request = toReviewerRequest('https://Login.Example.COM:8443/authorize?client_id=abc');
    expect(request?.host).toBe('login.example.com:8443');
    expect(request && formatReviewerRequest(request)).toBe('https://login.example.com:8443/authorize?client_id=abc');
  });
});

describe('reduceUri', () => {
  it.each<[string, string, string]>([
    ['https with query and fragment', 'https://app.example/cb?code=CODE#token=TOKEN', 'https://app.example/cb'],
    ['loopback with a port', 'http://127.0.0.1:8080/callback?state=S', 'http://127.0.0.1:8080/callback'],
    ['user info', 'https://jane:PASSWORD@app.example/cb', 'https://app.example/cb'],
    ['a native app scheme (RFC 8252)', 'com.example.app:/oauth2redirect?session=S', 'com.example.app:/oauth2redirect'],
    ['the out-of-band URN', 'urn:ietf:wg:oauth:2.0:oob', 'urn:ietf:wg:oauth:2.0:oob'],
    ['a value that is not a URL', 'not a url?token=TOKEN#x', 'not a url'],
    ['a fragment only', '#access_token=TOKEN', ''],
    ['a GUID resource', '00000003-0000-0000-c000-000000000000', '00000003-0000-0000-c000-000000000000'],
  ])('%s', (_name, input, expected) => {
    expect(reduceUri(input)).toBe(expected);
  });
});

describe('pageOrigin', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['a page with path, query and fragment', 'https://app.example/settings/integrations?tab=2&token=T#section', 'https://app.example'],
    ['user info and a port', 'https://jane:PASSWORD@app.example:8443/x', 'https://app.example:8443'],
    ['a file page', 'file:///home/jane/secret-plans.html', undefined],
    ['a data URL', 'data:text/html,<p>secret</p>', undefined],
    ['junk', 'not a url', undefined],
    ['nothing', undefined, undefined],
  ])('%s', (_name, input, expected) => {
    expect(pageOrigin(input)).toBe(expected);
  });
});

describe('reduceReviewPrefill', () => {
  it('reduces the request URL, the redirect URI and the source page, and keeps everything else', () => {
    const prefill = samplePrefill({
      requestUrl: `${GOOGLE}?client_id=abc&scope=drive&state=STATE-SECRET&login_hint=jane%40corp.example`,
      redirectUri: 'https://notes.example/callback?session=SESSION',
      sourceUrl: 'https://notes.example/settings?invite=INVITE',
    });
    expect(reduceReviewPrefill(prefill)).toEqual({
      ...prefill,
      requestUrl: `${GOOGLE}?client_id=abc&scope=drive`,
      redirectUri: 'https://notes.example/callback',
      sourceUrl: 'https://notes.example',
    });
  });

  it('drops a source page without an origin and fields it does not know', () => {
    const prefill = { ...samplePrefill({ sourceUrl: 'file:///home/jane/a.html' }), accountEmail: 'jane@corp.example' };
    const reduced = reduceReviewPrefill(prefill);
    expect(reduced).not.toHaveProperty('sourceUrl');
    expect(reduced).not.toHaveProperty('accountEmail');
  });

  it('is idempotent', () => {
    const once = reduceReviewPrefill(samplePrefill());
    expect(reduceReviewPrefill(once)).toEqual(once);
  });
});
