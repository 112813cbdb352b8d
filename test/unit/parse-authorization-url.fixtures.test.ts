import { describe, expect, it } from 'vitest';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { loadClientLibraryFixtures } from '../fixtures/authorization-urls/load-fixtures';

const fixtures = loadClientLibraryFixtures();

describe('authorization URLs built by real client libraries', () => {
  it('has at least 100 fixtures from at least 8 libraries', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(100);
    expect(new Set(fixtures.map((fixture) => fixture.library.replace(/@[^@]+$/, ''))).size).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures.map((fixture, index) => [`${index} ${fixture.library} ${fixture.builder} → ${fixture.expected.provider}`, fixture] as const))(
    '%s',
    (_name, fixture) => {
      const result = parseAuthorizationUrl(fixture.url);
      if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
      const { request } = result;
      expect({
        provider: request.provider,
        endpoint: request.endpoint,
        clientId: request.clientId,
        scopes: [...request.scopes].sort(),
        offlineAccess: request.offlineAccess,
        tenant: request.tenant ?? null,
        pkce: request.pkce,
      }).toEqual(fixture.expected);
      expect(request.impersonation).toBeUndefined();
      // Library output is well-formed: nothing odd to report.
      expect(request.anomalies.filter((anomaly) => !anomaly.includes('configured on the app'))).toEqual([]);
    },
  );
});
