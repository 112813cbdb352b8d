import { describe, expect, it } from 'vitest';
import { FORM_POST_ANOMALY, formPostUrl, MAX_FORM_VALUES, parseFormPostRequest, type FormFields } from '../../lib/form-post-request';

const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth';
const MICROSOFT = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';
const GOOGLE_CLIENT = '407408718192-crmsync0demo.apps.googleusercontent.com';

const googleFields: FormFields = {
  client_id: [GOOGLE_CLIENT],
  response_type: ['code'],
  scope: ['openid https://www.googleapis.com/auth/gmail.readonly'],
  redirect_uri: ['https://app.example-crm.test/oauth/callback'],
  access_type: ['offline'],
};

describe('parseFormPostRequest', () => {
  it.each<{ name: string; action: string; fields: FormFields; expected: Record<string, unknown>; anomaly?: RegExp }>([
    {
      name: 'Google, every parameter in the body',
      action: GOOGLE,
      fields: googleFields,
      expected: { provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['openid', 'https://www.googleapis.com/auth/gmail.readonly'], offlineAccess: true, redirectUri: 'https://app.example-crm.test/oauth/callback' },
    },
    {
      name: 'Microsoft, resource-prefixed scopes and a tenant in the path',
      action: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      fields: { client_id: ['6731de76-14a6-49ae-97bc-6eba6914391e'], response_type: ['code'], scope: ['offline_access https://graph.microsoft.com/Mail.ReadWrite'] },
      expected: { provider: 'microsoft', clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', tenant: 'contoso.onmicrosoft.com', offlineAccess: true },
    },
    {
      name: 'a scope field sent twice: both values are scopes',
      action: GOOGLE,
      fields: { ...googleFields, scope: ['openid', 'https://www.googleapis.com/auth/drive'] },
      expected: { scopes: ['openid', 'https://www.googleapis.com/auth/drive'] },
    },
    {
      name: 'client_id in the URL, the rest in the body',
      action: `${MICROSOFT}?client_id=6731de76-14a6-49ae-97bc-6eba6914391e`,
      fields: { response_type: ['code'], scope: ['https://graph.microsoft.com/Files.Read.All'] },
      expected: { provider: 'microsoft', clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', scopes: ['https://graph.microsoft.com/Files.Read.All'] },
    },
    {
      name: 'the same client_id in the URL and the body is one parameter',
      action: `${GOOGLE}?client_id=${GOOGLE_CLIENT}`,
      fields: googleFields,
      expected: { clientId: GOOGLE_CLIENT },
    },
    {
      name: 'another client_id in the URL than in the body: the body is read, the conflict reported',
      action: `${GOOGLE}?client_id=111-other.apps.googleusercontent.com`,
      fields: googleFields,
      expected: { clientId: GOOGLE_CLIENT },
      anomaly: /conflicting parameter client_id/,
    },
    {
      name: 'scopes in both the URL and the body: all of them are read',
      action: `${GOOGLE}?scope=https://www.googleapis.com/auth/drive`,
      fields: googleFields,
      expected: { scopes: ['openid', 'https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/drive'] },
    },
    {
      name: 'a password in the body is left out',
      action: GOOGLE,
      fields: { ...googleFields, password: ['hunter2'], client_secret: ['s3cr3t'] },
      expected: { clientId: GOOGLE_CLIENT },
      anomaly: /password or secret, which was left out/,
    },
    {
      name: 'a fragment on the action URL is dropped',
      action: `${GOOGLE}#client_id=decoy`,
      fields: googleFields,
      expected: { clientId: GOOGLE_CLIENT },
    },
  ])('$name', ({ action, fields, expected, anomaly }) => {
    const parsed = parseFormPostRequest(action, fields);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.request).toMatchObject(expected);
    expect(parsed.request.anomalies[0]).toBe(FORM_POST_ANOMALY);
    if (anomaly !== undefined) expect(parsed.request.anomalies.some((text) => anomaly.test(text))).toBe(true);
    expect(parsed.request.url).not.toMatch(/hunter2|s3cr3t|#/);
  });

  it.each<[string, string, FormFields]>([
    ['an empty body', GOOGLE, {}],
    ['a login form without client_id', 'https://accounts.google.com/v3/signin/challenge/pwd', { identifier: ['dana@acme.example'], password: ['hunter2'] }],
    ['a search form on a consent host', 'https://github.com/login/device', { user_code: ['WDJB-MJHT'] }],
    ['an action URL that is not a URL', 'not a url', googleFields],
    ['an action URL that is not web', 'javascript:alert(1)', googleFields],
    ['fields that are not lists of strings', GOOGLE, { client_id: 'x' as unknown as string[], scope: [1, 2] as unknown as string[] }],
  ])('%s is not an authorization request', (_name, action, fields) => {
    expect(parseFormPostRequest(action, fields).ok).toBe(false);
  });

  it('stays bounded on a body with too many values, and still reads what came first', () => {
    const junk = Array.from({ length: MAX_FORM_VALUES + 500 }, (_, index) => String(index));
    const parsed = parseFormPostRequest(GOOGLE, { ...googleFields, junk });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.request.clientId).toBe(GOOGLE_CLIENT);
    expect(parsed.request.anomalies.some((text) => /more than 1000 values/.test(text))).toBe(true);
    expect(new URL(parsed.request.url).searchParams.getAll('junk').length).toBeLessThan(MAX_FORM_VALUES);
  });

  it('stays bounded on a body longer than any URL', () => {
    const built = formPostUrl(GOOGLE, { ...googleFields, padding: ['x'.repeat(3 * 1024 * 1024)] });
    expect(built?.url.length).toBeLessThan(2 * 1024 * 1024);
    expect(built?.anomalies.some((text) => /longer than a URL can be/.test(text))).toBe(true);
  });
});
