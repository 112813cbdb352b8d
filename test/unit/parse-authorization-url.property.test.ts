import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../lib/authorization-request';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { loadClientLibraryFixtures, loadHandWrittenCases } from '../fixtures/authorization-urls/load-fixtures';

const seeds = [...loadClientLibraryFixtures().map((fixture) => fixture.url), ...loadHandWrittenCases().map((c) => c.url)];
const slowest = { ms: 0, input: '' };

/** Every invariant a parse result must keep, whatever the input. */
function checkInvariants(input: string): void {
  const started = performance.now();
  const result = parseAuthorizationUrl(input);
  const elapsed = performance.now() - started;
  if (elapsed > slowest.ms) Object.assign(slowest, { ms: elapsed, input: input.slice(0, 200) });

  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  const { request } = result;
  expect(PROVIDER_IDS).toContain(request.provider);
  expect(request.clientId.length).toBeGreaterThan(0);
  expect(new Set(request.scopes).size).toBe(request.scopes.length);
  for (const scope of request.scopes) {
    expect(scope.length).toBeGreaterThan(0);
    // ASCII space and controls always separate (RFC 6749 §3.3); non-ASCII spaces are invalid but not separators.
    expect([...scope].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)).toBe(false);
    const source = request.scopeSources[scope];
    if (source !== undefined) expect(['user_scope', 'optional_scope']).toContain(source);
  }
  if (request.impersonation !== undefined) expect(request.provider).toBe('generic');
  // Reading the normalised URL again gives the same request: the parser is a function of what the browser sends.
  const again = parseAuthorizationUrl(request.url);
  expect(again.ok).toBe(true);
  if (again.ok) {
    expect(again.request.provider).toBe(request.provider);
    expect(again.request.clientId).toBe(request.clientId);
    expect(again.request.scopes).toEqual(request.scopes);
    expect(again.request.offlineAccess).toBe(request.offlineAccess);
  }
}

/** Characters that break parsers: separators, escapes, controls, look-alikes, surrogates. */
const nastyChar = fc.constantFrom(
  '%', '%2', '%E0%A4', '&', '=', '?', '#', '+', ',', ' ', '\u0000', '\r\n', '\t', '/', '\\', '@', ':', '.',
  'xn--', '\uD800', '\u0430', '0', '%00', '%25', '%26', 'client_id=', 'scope=', 'response_type=code', '..',
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(nastyChar, fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('pad' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5_000 }), text: nastyChar }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(url: string, steps: Mutation[]): string {
  return steps.reduce(apply, url);
}

function apply(url: string, step: Mutation): string {
  const at = url.length === 0 ? 0 : step.at % (url.length + 1);
  switch (step.kind) {
    case 'insert':
      return url.slice(0, at) + step.text + url.slice(at);
    case 'delete':
      return url.slice(0, at) + url.slice(at + step.length);
    case 'truncate':
      return url.slice(0, at);
    case 'duplicate':
      return url.slice(0, at) + url.slice(at, at + step.length) + url.slice(at);
    case 'pad':
      return url.slice(0, at) + step.text.repeat(step.count) + url.slice(at);
  }
}

/** A safety cap against hangs only; the machine running the tests may be busy, so it is generous. */
const SAFETY_TIMEOUT_MS = 120_000;

describe('parseAuthorizationUrl on random and mutated input', { timeout: SAFETY_TIMEOUT_MS }, () => {
  it('keeps its invariants on mutated fixture URLs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, steps) => {
        checkInvariants(mutate(seed, steps));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps its invariants on random web URLs with OAuth parameters', () => {
    const oauthQuery = fc.dictionary(
      fc.constantFrom('client_id', 'response_type', 'scope', 'redirect_uri', 'user_scope', 'optional_scope', 'access_type', 'code', 'error', 'prompt', 'code_challenge', 'resource', 'team'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('code', 'offline', 'openid offline_access', 'token id_token')),
    );
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), oauthQuery, (url, query) => {
        const params = new URLSearchParams(query).toString();
        checkInvariants(`${url}${url.includes('?') ? '&' : '?'}${params}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps its invariants on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        checkInvariants(text);
        checkInvariants(`https://${text}`);
        checkInvariants(`https://id.example.org/authorize?client_id=a&response_type=code&scope=${text}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports the slowest input it saw', () => {
    // Measured, never asserted beyond the test timeout: the benchmark owns timing targets.
    console.info(`slowest parse in the property runs: ${slowest.ms.toFixed(2)} ms for ${JSON.stringify(slowest.input)}`);
    expect(slowest.ms).toBeGreaterThanOrEqual(0);
  });
});
