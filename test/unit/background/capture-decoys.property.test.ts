/**
 * The background's navigation handling, driven as the browser drives it (webNavigation events on the fake
 * browser), with real authorization URLs from test/fixtures/authorization-urls wrapped in the tricks meant to make
 * Consent Gate look away: callback parameters (`code`, `error`) anywhere in the query, callback fragments, padding
 * past the parameter cap, and other spellings of the host. Every one must still start a flow for the right app.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import { loadClientLibraryFixtures, loadHandWrittenCases } from '../../fixtures/authorization-urls/load-fixtures';
import { navigate, resetBackground, startBackground, storedState } from './background-harness';

interface Seed {
  url: string;
  provider: ProviderId;
  clientId: string;
}

/**
 * The fixtures' requests on a named provider's own authorization endpoint. Generic requests are left out: off the
 * named endpoints, a `code` without `response_type` is the app's callback (see the decoy table test for both).
 */
const SEEDS: Seed[] = [
  ...loadClientLibraryFixtures().map((fixture) => ({ url: fixture.url, provider: fixture.expected.provider, clientId: fixture.expected.clientId })),
  ...loadHandWrittenCases().flatMap((c) =>
    typeof c.expected.clientId === 'string' && c.expected.impersonation === undefined ? [{ url: c.url, provider: c.expected.provider, clientId: c.expected.clientId }] : [],
  ),
].filter((seed) => {
  if (seed.provider === 'generic') return false;
  const result = parseAuthorizationUrl(seed.url);
  // A provider's page that only repeats the request (not its documented endpoint) is read the generic way.
  return result.ok && !result.request.anomalies.some((anomaly) => anomaly.includes('documented authorization endpoint'));
});

const token = fc.stringMatching(/^[A-Za-z0-9._~-]{1,16}$/);

/** Parameters of an authorization response (RFC 6749 §4.1.2, §4.1.2.1), as a decoy in the request's query. */
const queryDecoy = fc.oneof(
  token.map((value) => `code=${value}`),
  fc.constantFrom('error=access_denied', 'error=invalid_request&error_description=denied', 'code=', 'error'),
);

/** What a callback carries after `#` (RFC 6749 §4.2.2, OpenID Connect Core §3.2.2.5), or any other fragment. */
const fragmentDecoy = fc.oneof(
  fc.tuple(fc.constantFrom('code', 'error', 'access_token', 'id_token'), token, fc.boolean()).map(([name, value, withState]) => `${name}=${value}${withState ? '&state=xyz' : ''}`),
  fc.constant('access_token=t&id_token=i&code=c&error=e'),
  token,
);

/** Junk parameters; the counts sit around the parameter cap (1000) and well past it. */
const padding = fc.record({
  count: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(998, 999, 1000, 1001, 1002), fc.integer({ min: 1_003, max: 6_000 })),
  withValues: fc.boolean(),
  name: fc.constantFrom('utm_', 'x', 'pad', '_'),
});

type HostSpelling = 'as-is' | 'upper' | 'mixed' | 'trailing-dot' | 'default-port' | 'full-width' | 'all';
const hostSpelling = fc.constantFrom<HostSpelling>('as-is', 'upper', 'mixed', 'trailing-dot', 'default-port', 'full-width', 'all');

const trick = fc.record({
  seed: fc.constantFrom(...SEEDS),
  queryDecoys: fc.array(fc.tuple(queryDecoy, fc.nat()), { maxLength: 3 }),
  fragment: fc.option(fragmentDecoy, { nil: undefined }),
  padding: fc.option(padding, { nil: undefined }),
  paddingAt: fc.nat(),
  host: hostSpelling,
  phase: fc.constantFrom('before-navigate' as const, 'committed' as const),
});

type Trick = typeof trick extends fc.Arbitrary<infer T> ? T : never;

function spellHost(host: string, spelling: HostSpelling, defaultPort: string): string {
  switch (spelling) {
    case 'as-is':
      return host;
    case 'upper':
      return host.toUpperCase();
    case 'mixed':
      return [...host].map((char, index) => (index % 2 === 0 ? char.toUpperCase() : char)).join('');
    case 'trailing-dot':
      return `${host}.`;
    case 'default-port':
      return `${host}:${defaultPort}`;
    case 'full-width':
      // Full-width Latin letters, folded back to ASCII by the URL parser (UTS #46), as in the address bar.
      return [...host].map((char) => (/[a-z]/.test(char) ? String.fromCharCode(char.charCodeAt(0) - 0x61 + 0xff41) : char)).join('');
    case 'all':
      return `${host.toUpperCase()}.:${defaultPort}`;
  }
}

/** Builds the tricked URL from the seed by splicing whole parameters, so no real parameter is cut in two. */
function applyTrick(t: Trick): string {
  const parsed = new URL(t.seed.url);
  const query = t.seed.url.slice(t.seed.url.indexOf('?') + 1).split('#')[0] ?? '';
  const parameters = query.length > 0 ? query.split('&') : [];
  for (const [decoy, at] of t.queryDecoys) parameters.splice(at % (parameters.length + 1), 0, decoy);
  if (t.padding !== undefined) {
    const { count, withValues, name } = t.padding;
    const junk = Array.from({ length: count }, (_, index) => (withValues ? `${name}${index}=v` : `${name}${index}`));
    // Before client_id more often than not: the place where padding hides the app from a capped reader.
    const clientAt = parameters.findIndex((parameter) => parameter.startsWith('client_id='));
    const at = t.paddingAt % 3 === 0 ? t.paddingAt % (parameters.length + 1) : Math.max(clientAt, 0);
    parameters.splice(at, 0, ...junk);
  }
  const defaultPort = parsed.protocol === 'http:' ? '80' : '443';
  const host = spellHost(parsed.hostname, t.host, defaultPort);
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const hostPart = t.host === 'default-port' || t.host === 'all' ? host : `${host}${port}`;
  const fragment = t.fragment === undefined ? '' : `#${t.fragment}`;
  return `${parsed.protocol}//${hostPart}${parsed.pathname}?${parameters.join('&')}${fragment}`;
}

/** A safety cap against hangs only: the machine running the tests may be busy, so it is generous. */
const SAFETY_TIMEOUT_MS = 300_000;

let nextTab = 1;

describe('background capture with decoys, padding and host spellings', { timeout: SAFETY_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    resetBackground();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    await startBackground();
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  it('has real requests from every named provider to start from', () => {
    const providers = new Set(SEEDS.map((seed) => seed.provider));
    for (const provider of ['google', 'microsoft', 'github', 'slack', 'salesforce', 'hubspot', 'atlassian', 'dropbox', 'zoom', 'box', 'okta', 'auth0', 'gitlab', 'keycloak']) {
      expect(providers).toContain(provider);
    }
  });

  it('catches every tricked request, with the right provider and client id', async () => {
    await fc.assert(
      fc.asyncProperty(trick, async (t) => {
        // A fresh tab for each case: nothing a previous case left behind can make this one pass.
        const tabId = nextTab++;
        const url = applyTrick(t);
        await navigate(tabId, url, t.phase);
        const state = await storedState(tabId);
        expect(state, url.slice(0, 300)).toBeDefined();
        expect(state?.request.provider).toBe(t.seed.provider);
        expect(state?.request.clientId).toBe(t.seed.clientId);
        if (t.padding !== undefined && t.padding.count > 1000) expect(state?.request.parameterLimitReached).toBe(true);
        if (state?.request.parameterLimitReached === true) {
          // A padded request is never waved through, whatever else it asks for.
          expect(['needs-review', 'blocked']).toContain(state.view?.evaluation.verdict);
        }
      }),
      { numRuns: 200 },
    );
  });
});
