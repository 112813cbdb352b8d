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

  // Distinct requests near the parser's caps (a 64 KiB scope list, 4 KiB fields): a count of entries alone let 20,000
  // of them keep more than a gigabyte.
  it.each([
    ['4 kB requests', 4_000, '', 60],
    ['requests past the per-entry bound', 64_000, `&redirect_uri=https://app.example/${'r'.repeat(4_000)}&prompt=${'p'.repeat(4_000)}`, 8],
  ])('keeps the memo within its character bound on %s, and stays exact', (_name, scopeLength, extra, count) => {
    const policy = defaultCompiledPolicy();
    const characterLimit = 200_000;
    const serializer = new CheckLineSerializer(policy, NOW, 20_000, characterLimit);
    const scopes = (i: number) => Array.from({ length: scopeLength / 64 }, (_, n) => `app${i}.scope${n}.`.padEnd(63, 'x')).join('%20');
    const lines = Array.from({ length: count }, (_, i) => `https://accounts.google.com/o/oauth2/v2/auth?client_id=app-${i}&response_type=code&scope=${scopes(i)}${extra}`);
    for (const line of lines) {
      expect(serializer.serialize(line)).toBe(JSON.stringify(checkInput(line, policy, NOW)));
      expect(serializer.memoSize().characters).toBeLessThanOrEqual(characterLimit);
    }
    // Sixty 4 kB requests do not fit: the memo started over on the way and holds some of them.
    if (extra === '') expect(serializer.memoSize().entries).toBeGreaterThan(0);
    else expect(serializer.memoSize()).toEqual({ entries: 0, characters: 0 });
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
