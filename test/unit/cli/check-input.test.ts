import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../lib/authorization-request';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { checkInput } from '../../../scripts/cli/check-input';
import { formatCheckResult } from '../../../scripts/cli/format-check-result';

const NOW = new Date(2026, 5, 15, 12);
const policy = defaultCompiledPolicy();

const FIELDS = [
  'input',
  'isAuthorizationRequest',
  'provider',
  'clientId',
  'scopes',
  'offlineAccess',
  'redirectUri',
  'responseType',
  'prompt',
  'tenant',
  'pkce',
  'verdict',
  'risk',
  'findings',
];

describe('checkInput', () => {
  it.each([
    {
      input: 'https://github.com/login/oauth/authorize?client_id=abc&scope=user:email',
      expected: { provider: 'github', clientId: 'abc', scopes: ['user:email'], verdict: 'allowed', risk: 'low' },
    },
    {
      input:
        'https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb' +
        '&scope=openid%20email%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly&access_type=offline&prompt=consent&code_challenge=x&code_challenge_method=S256',
      expected: {
        provider: 'google',
        scopes: ['openid', 'email', 'https://www.googleapis.com/auth/gmail.readonly'],
        offlineAccess: true,
        redirectUri: 'https://app.example.com/cb',
        responseType: 'code',
        prompt: 'consent',
        pkce: { method: 'S256' },
        verdict: 'needs-review',
        risk: 'high',
      },
    },
    {
      input: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&scope=User.Read%20Directory.ReadWrite.All',
      expected: { provider: 'microsoft', tenant: 'organizations', scopes: ['User.Read', 'Directory.ReadWrite.All'], verdict: 'needs-review', risk: 'critical' },
    },
    {
      input: 'https://slack.com/oauth/v2/authorize?client_id=1.2&scope=chat:write,chat:write&user_scope=search:read',
      expected: { provider: 'slack', scopes: ['chat:write', 'search:read'] },
    },
  ])('judges $expected.provider requests', ({ input, expected }) => {
    const record = checkInput(input, policy, NOW);
    expect(Object.keys(record)).toEqual(FIELDS);
    expect(record).toMatchObject({ input, isAuthorizationRequest: true, ...expected });
    expect(record.findings.every((finding) => typeof finding.rule === 'string' && finding.message.length > 0)).toBe(true);
  });

  it.each([
    { name: 'empty line', input: '' },
    { name: 'plain page', input: 'https://example.com/' },
    { name: 'callback with a code', input: 'https://app.example.com/cb?code=abc&state=x' },
    { name: 'javascript: URL', input: 'javascript:alert(1)//?client_id=a&scope=openid' },
    { name: 'text', input: 'not a url at all' },
  ])('reports a non-request ($name) with null fields and a reason', ({ input }) => {
    const record = checkInput(input, policy, NOW);
    expect(Object.keys(record)).toEqual([...FIELDS.slice(0, 2), 'reason', ...FIELDS.slice(2)]);
    expect(record).toMatchObject({
      input,
      isAuthorizationRequest: false,
      provider: null,
      clientId: null,
      scopes: [],
      offlineAccess: null,
      redirectUri: null,
      responseType: null,
      prompt: null,
      tenant: null,
      pkce: null,
      verdict: null,
      risk: null,
      findings: [],
    });
    expect(record.reason).toMatch(/\w/);
  });

  it('reports an overlong line by its beginning', () => {
    const record = checkInput({ prefix: 'https://a.test/', length: 9_000_000 }, policy, NOW);
    expect(record).toMatchObject({ input: 'https://a.test/', isAuthorizationRequest: false, verdict: null });
    expect(record.reason).toContain('9000000 characters');
  });

  it('flags a look-alike host', () => {
    const record = checkInput('https://login.microsoftonline.com.attacker.test/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=Mail.Read', policy, NOW);
    expect(record.findings.map((finding) => finding.rule)).toContain('look-alike-host');
    expect(record.provider).toBe('generic');
  });

  it('round-trips through JSON as one line', () => {
    const record = checkInput('https://github.com/login/oauth/authorize?client_id=a%0Ab&scope=repo%0D%0Aadmin:org', policy, NOW);
    const line = JSON.stringify(record);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toEqual(record);
  });
});

describe('formatCheckResult', () => {
  it('refuses to report a request without its evaluation', () => {
    const parsed = { ok: true, request: {} } as unknown as ParseResult;
    expect(() => formatCheckResult('x', parsed, undefined)).toThrow(/evaluation/);
  });

  it('keeps only the documented finding fields', () => {
    const parsed: ParseResult = { ok: false, reason: 'r' };
    expect(formatCheckResult('x', parsed, undefined).reason).toBe('r');
    const request = checkInput('https://github.com/login/oauth/authorize?client_id=abc&scope=repo', policy, NOW);
    for (const finding of request.findings) {
      expect(Object.keys(finding).every((key) => ['rule', 'severity', 'message', 'scopes', 'blocks', 'requiresReview'].includes(key))).toBe(true);
    }
  });
});
