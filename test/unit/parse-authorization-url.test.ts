import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LENGTH, MAX_SCOPES, parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { loadNegativeCases } from '../fixtures/authorization-urls/load-fixtures';

const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=abc.apps.googleusercontent.com&response_type=code';

function parseRequest(input: string) {
  const result = parseAuthorizationUrl(input);
  if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
  return result.request;
}

describe('not authorization requests', () => {
  it.each(loadNegativeCases().map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const result = parseAuthorizationUrl(testCase.input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(testCase.reason);
  });

  it('refuses a non-string input with a reason instead of throwing', () => {
    const result = parseAuthorizationUrl(42 as unknown as string);
    expect(result).toEqual({ ok: false, reason: 'the input is not text' });
  });

  it('refuses input longer than any browser accepts', () => {
    const result = parseAuthorizationUrl(`${GOOGLE}&state=${'x'.repeat(MAX_INPUT_LENGTH)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('more than any browser accepts');
  });
});

describe('hostile input', () => {
  const hostile: [string, string, (request: ReturnType<typeof parseRequest>) => void][] = [
    [
      'a 256 KB state parameter',
      `${GOOGLE}&scope=email&state=${'x'.repeat(256 * 1024)}`,
      (request) => expect(request.scopes).toEqual(['email']),
    ],
    [
      'a 256 KB scope made of one scope',
      `${GOOGLE}&scope=${'a'.repeat(256 * 1024)}`,
      (request) => {
        expect(request.scopes).toHaveLength(1);
        expect(request.scopes[0]?.length).toBe(1024);
        expect(request.anomalies.join()).toContain('was cut');
        expect(request.anomalies.join()).toContain('only its start was read');
      },
    ],
    [
      'a 256 KB scope of many distinct scopes',
      `${GOOGLE}&scope=${Array.from({ length: 40_000 }, (_, i) => `s${i}`).join('%20')}`,
      (request) => {
        expect(request.scopes).toHaveLength(MAX_SCOPES);
        expect(request.anomalies.join()).toContain(`only the first ${MAX_SCOPES}`);
      },
    ],
    [
      'a 256 KB redirect_uri',
      `${GOOGLE}&scope=email&redirect_uri=https://app.test/${'p'.repeat(256 * 1024)}`,
      (request) => {
        expect(request.redirectUri?.length).toBe(4096);
        expect(request.anomalies.join()).toContain('redirect_uri is');
      },
    ],
    [
      'broken percent-encoding',
      `${GOOGLE}&scope=email%20%E0%A4%A%zz%&redirect_uri=%`,
      (request) => {
        expect(request.scopes).toEqual(['email', '\uFFFD%A%zz%']);
        expect(request.redirectUri).toBe('%');
      },
    ],
    [
      'broken percent-encoding, 256 KB of it',
      `${GOOGLE}&scope=${'%E0%A4%A'.repeat(32 * 1024)}`,
      (request) => expect(request.scopes).toHaveLength(1),
    ],
    [
      'a percent-encoded NUL inside the scope',
      `${GOOGLE}&scope=email%00https://www.googleapis.com/auth/drive`,
      (request) => {
        expect(request.scopes).toEqual(['email', 'https://www.googleapis.com/auth/drive']);
        expect(request.anomalies.join()).toContain('control characters');
      },
    ],
    [
      'raw CR LF and tab, removed by the browser',
      `${GOOGLE}&scope=em\r\nail&prompt=con\tsent`,
      (request) => {
        expect(request.scopes).toEqual(['email']);
        expect(request.prompt).toBe('consent');
        expect(request.anomalies.join()).toContain('tabs or line breaks');
      },
    ],
    [
      'percent-encoded CR LF splits scopes',
      `${GOOGLE}&scope=email%0D%0Aprofile`,
      (request) => expect(request.scopes).toEqual(['email', 'profile']),
    ],
    [
      'raw spaces in the query',
      `${GOOGLE}&scope=openid email  profile`,
      (request) => expect(request.scopes).toEqual(['openid', 'email', 'profile']),
    ],
    [
      'conflicting response_type',
      `${GOOGLE}&response_type=token&scope=email`,
      (request) => {
        expect(request.responseType).toBe('code');
        expect(request.anomalies.join()).toContain('conflicting parameter response_type');
      },
    ],
    [
      'conflicting redirect_uri',
      `${GOOGLE}&scope=email&redirect_uri=https://app.test/cb&redirect_uri=https://attacker.test/cb`,
      (request) => {
        expect(request.redirectUri).toBe('https://app.test/cb');
        expect(request.anomalies.join()).toContain('conflicting parameter redirect_uri');
      },
    ],
    [
      'the same parameter twice with the same value',
      `${GOOGLE}&scope=email&prompt=consent&prompt=consent`,
      (request) => expect(request.anomalies.join()).toContain('repeated parameter prompt: the same value 2 times'),
    ],
    [
      '60,000 parameters',
      `${GOOGLE}&scope=email&${'a=1&'.repeat(60_000)}`,
      (request) => {
        expect(request.anomalies.join()).toContain('past the first 1000 only client_id, response_type, redirect_uri, scope');
        expect(request.parameterLimitReached).toBe(true);
      },
    ],
    [
      'a 256 KB path',
      `https://id.example.org/${'a/'.repeat(128 * 1024)}authorize?client_id=abc&response_type=code`,
      (request) => {
        expect(request.provider).toBe('generic');
        expect(request.anomalies.join()).toContain('only its last');
      },
    ],
    [
      'a lone surrogate and emoji in the scope',
      `${GOOGLE}&scope=email \uD800 \u{1F600}`,
      (request) => expect(request.scopes).toEqual(['email', '\uFFFD', '\u{1F600}']),
    ],
    [
      'an empty client_id is no client',
      `${GOOGLE}&scope=email&client_id=`,
      (request) => expect(request.clientId).toBe('abc.apps.googleusercontent.com'),
    ],
    [
      'code_challenge_method without a challenge',
      `${GOOGLE}&scope=email&code_challenge_method=S256`,
      (request) => {
        expect(request.pkce).toBeNull();
        expect(request.anomalies.join()).toContain('without a code_challenge');
      },
    ],
  ];

  it.each(hostile)('%s', (_name, input, check) => {
    const started = performance.now();
    const request = parseRequest(input);
    const elapsed = performance.now() - started;
    check(request);
    // Reported, not asserted: timing belongs to the benchmark.
    expect(elapsed).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['javascript: wrapping a real authorization URL', `javascript:location='${GOOGLE}&scope=email'`],
    ['data: wrapping a real authorization URL', `data:text/plain,${GOOGLE}&scope=email`],
    ['a NUL byte in the host', `https://accounts.google.com\u0000/o/oauth2/v2/auth?client_id=a&response_type=code`],
    ['only percent signs', '%%%%%%%%'],
    ['only CR LF', '\r\n\r\n'],
  ])('refuses %s', (_name, input) => {
    const result = parseAuthorizationUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });
});

describe('the chosen value of repeated parameters', () => {
  it.each([
    ['client_id: the first wins, as URLSearchParams.get', 'client_id=one&client_id=two', 'clientId', 'one'],
    ['prompt: the first wins', 'client_id=a&prompt=none&prompt=consent', 'prompt', 'none'],
    ['login_hint: the first wins', 'client_id=a&login_hint=a@x.test&login_hint=b@x.test', 'loginHint', 'a@x.test'],
  ] as const)('%s', (_name, query, field, value) => {
    const request = parseRequest(`https://id.example.org/authorize?response_type=code&${query}`);
    expect(request[field]).toBe(value);
    expect(request.anomalies.some((anomaly) => anomaly.startsWith('conflicting parameter'))).toBe(true);
  });

  it('reads every repeated scope parameter, so no requested scope hides behind the first', () => {
    const request = parseRequest(`${GOOGLE}&scope=email&scope=https://mail.google.com/`);
    expect(request.scopes).toEqual(['email', 'https://mail.google.com/']);
  });
});

describe('scope syntax', () => {
  it.each([
    ['space', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=a%20b', ['a', 'b']],
    ['plus (form encoding)', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=a+b', ['a', 'b']],
    ['encoded plus', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=a%2Bb', ['a', 'b']],
    ['comma', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=a,b', ['a', 'b']],
    ['duplicates removed', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=a%20b%20a', ['a', 'b']],
    ['no case folding', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=Mail.Read%20mail.read', ['Mail.Read', 'mail.read']],
    [
      'no prefix stripping',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=https://graph.microsoft.com/Mail.Read%20Mail.Read',
      ['https://graph.microsoft.com/Mail.Read', 'Mail.Read'],
    ],
    ['empty scope', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=', []],
    ['separators only', 'https://id.example.org/authorize?client_id=a&response_type=code&scope=%20,+,%20', []],
    [
      'Microsoft does not split on commas',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=a,b',
      ['a,b'],
    ],
  ])('%s', (_name, url, scopes) => {
    expect(parseRequest(url).scopes).toEqual(scopes);
  });
});

describe('scopeSources', () => {
  const SLACK = 'https://slack.com/oauth/v2/authorize?client_id=1.2&scope=chat:write,users:read&user_scope=users:read,search:read';
  // Only scopes from the second parameter are listed; the rest came from `scope`.
  const expected = { 'search:read': 'user_scope' };

  it.each([
    ['reading it', (request: ReturnType<typeof parseRequest>) => ({ ...request.scopeSources })],
    ['JSON', (request: ReturnType<typeof parseRequest>) => (JSON.parse(JSON.stringify(request)) as { scopeSources: unknown }).scopeSources],
    ['structuredClone', (request: ReturnType<typeof parseRequest>) => ({ ...structuredClone(request).scopeSources })],
    ['a spread copy', (request: ReturnType<typeof parseRequest>) => ({ ...{ ...request }.scopeSources })],
  ])('gives each scope its first parameter when seen through %s', (_name, read) => {
    expect(read(parseRequest(SLACK))).toEqual(expected);
  });

  it('is an own enumerable property that keeps what is assigned to it', () => {
    const request = parseRequest(SLACK);
    expect(Object.keys(request)).toContain('scopeSources');
    expect(request.scopeSources).toBe(request.scopeSources);
    request.scopeSources = { other: 'user_scope' };
    expect(request.scopeSources).toEqual({ other: 'user_scope' });
  });

  it('is not changed by later edits of the scopes list', () => {
    const request = parseRequest(SLACK);
    request.scopes.push('added');
    expect({ ...request.scopeSources }).toEqual(expected);
  });

  it('keeps the parameter being read when the scope limit cuts it short', () => {
    const many = Array.from({ length: MAX_SCOPES + 5 }, (_, index) => `s${index}`).join(',');
    const request = parseRequest(`https://slack.com/oauth/v2/authorize?client_id=1.2&scope=a&user_scope=${many}`);
    expect(request.scopeSources.a).toBeUndefined();
    expect(request.scopeSources[request.scopes[MAX_SCOPES - 1] ?? '']).toBe('user_scope');
  });
});
