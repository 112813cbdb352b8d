import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import { loadFixtureUrls } from '../../../scripts/bench/fixture-urls';
import { generatePolicy } from '../../../scripts/bench/generate-policy';
import { createHostileInputs } from '../../../scripts/bench/hostile-inputs';
import { createSeededRandom } from '../../../scripts/bench/seeded-random';
import { createUrlMix } from '../../../scripts/bench/url-mix';
import { checkInput } from '../../../scripts/cli/check-input';
import { CheckLineSerializer, judgementKey, PER_SIGN_IN_FIELDS } from '../../../scripts/cli/check-line-serializer';
import { LineSplitter } from '../../../scripts/cli/line-splitter';

const NOW = new Date(2026, 5, 15, 12);
const FIXTURES = join(import.meta.dirname, '../../fixtures');

function inputs(): string[] {
  const random = createSeededRandom(11);
  const { approved } = generatePolicy(random, 200);
  return [
    ...loadFixtureUrls(join(FIXTURES, 'authorization-urls')),
    ...loadFixtureUrls(join(FIXTURES, 'authorization-corpus')),
    ...createUrlMix(random, approved, 1_500),
    ...createHostileInputs().map((hostile) => hostile.input),
    '',
    '   ',
    'not a url',
  ];
}

function approvingPolicy() {
  const parsed = parsePolicy(generatePolicy(createSeededRandom(11), 200).policy);
  if (!parsed.ok) throw new Error('the generated policy is invalid');
  return compilePolicy(parsed.policy);
}

const ALL_INPUTS = inputs();

describe('CheckLineSerializer', () => {
  it('reads enough inputs to mean something', () => {
    const requests = ALL_INPUTS.filter((input) => parseAuthorizationUrl(input).ok);
    expect(requests.length).toBeGreaterThan(1_000);
    expect(ALL_INPUTS.length - requests.length).toBeGreaterThan(100);
  });

  it.each([
    ['the default policy', defaultCompiledPolicy()],
    ['a policy approving 200 apps', approvingPolicy()],
  ])('writes exactly what JSON.stringify of the full record writes, under %s', (_name, policy) => {
    const serializer = new CheckLineSerializer(policy, NOW);
    const expected = ALL_INPUTS.map((input) => JSON.stringify(checkInput(input, policy, NOW)));
    // Twice over: the second pass answers from the memo and must not differ either.
    expect(ALL_INPUTS.map((input) => serializer.serialize(input))).toEqual(expected);
    expect(ALL_INPUTS.map((input) => serializer.serialize(input))).toEqual(expected);
  }, 60_000);

  it('stays exact when the memo is full and starts over', () => {
    const policy = approvingPolicy();
    const serializer = new CheckLineSerializer(policy, NOW, 7);
    expect(ALL_INPUTS.map((input) => serializer.serialize(input))).toEqual(ALL_INPUTS.map((input) => JSON.stringify(checkInput(input, policy, NOW))));
  }, 60_000);

  it('answers an over-long line from its beginning, like the record does', () => {
    const splitter = new LineSplitter();
    const long = `https://accounts.google.com/o/oauth2/v2/auth?client_id=${'a'.repeat(5 * 1024 * 1024)}\n`;
    const [line] = splitter.push(long);
    if (line === undefined) throw new Error('no line');
    expect(typeof line).not.toBe('string');
    expect(new CheckLineSerializer(defaultCompiledPolicy(), NOW).serialize(line)).toBe(JSON.stringify(checkInput(line, defaultCompiledPolicy(), NOW)));
  });
});

describe('the judgement memo', () => {
  // The memo shares one judgement between requests that differ only in PER_SIGN_IN_FIELDS. That is sound only while
  // no rule reads those fields; this proves it on every input, so a rule that starts reading them fails here.
  it.each([
    ['the default policy', defaultCompiledPolicy()],
    ['a policy approving 200 apps', approvingPolicy()],
  ])('judges a request the same whatever its per-sign-in fields say, under %s', (_name, policy) => {
    expect([...PER_SIGN_IN_FIELDS].sort()).toEqual(['loginHint', 'url']);
    const requests = ALL_INPUTS.map((input) => parseAuthorizationUrl(input)).flatMap((parsed) => (parsed.ok ? [parsed.request] : []));
    expect(requests.length).toBeGreaterThan(1_000);
    const changed = requests.map((request) => ({ ...request, url: 'https://changed.example/other?state=1', loginHint: 'someone-else@example.com' }));
    expect(changed.map((request) => evaluateRequest(request, policy, { now: NOW }))).toEqual(
      requests.map((request) => evaluateRequest(request, policy, { now: NOW })),
    );
  }, 60_000);

  it('gives requests that differ in anything else different keys', () => {
    const parsed = parseAuthorizationUrl(
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=11111111-2222-3333-4444-555555555555&scope=Mail.Read&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=abc&login_hint=a%40example.com',
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const { request } = parsed;
    const key = judgementKey(request);
    expect(judgementKey({ ...request, url: `${request.url}&state=other`, loginHint: 'b@example.com' })).toBe(key);
    const variants = [
      { ...request, scopes: ['Mail.ReadWrite'] },
      { ...request, clientId: '99999999-2222-3333-4444-555555555555' },
      { ...request, redirectUri: 'https://other.example/cb' },
      { ...request, offlineAccess: true },
      { ...request, prompt: 'admin_consent' },
      { ...request, anomalies: ['x'] },
      { ...request, host: 'login.microsoft.com' },
    ];
    for (const variant of variants) expect(judgementKey(variant)).not.toBe(key);
  });
});
