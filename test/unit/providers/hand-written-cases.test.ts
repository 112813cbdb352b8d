import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../../../lib/authorization-request';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import { loadHandWrittenCases } from '../../fixtures/authorization-urls/load-fixtures';

const cases = loadHandWrittenCases();

/** Fields compared exactly when a case names them; `null` in a case means "absent". */
const EXACT_FIELDS = [
  'provider',
  'endpoint',
  'clientId',
  'host',
  'scopes',
  'scopeSources',
  'offlineAccess',
  'tenant',
  'pkce',
  'responseType',
  'redirectUri',
  'prompt',
  'loginHint',
  'audience',
  'resource',
] as const satisfies readonly (keyof AuthorizationRequest)[];

describe('hand-written authorization URLs, per provider', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const result = parseAuthorizationUrl(testCase.url);
    if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
    const { request } = result;
    const expected = testCase.expected;
    for (const field of EXACT_FIELDS) {
      if (!(field in expected)) continue;
      expect(request[field] ?? null, field).toEqual(expected[field] ?? null);
    }
    if (expected.impersonation === undefined) {
      expect(request.impersonation).toBeUndefined();
    } else {
      expect(request.impersonation).toMatchObject(expected.impersonation);
      expect(request.impersonation?.reason.length).toBeGreaterThan(10);
    }
    for (const fragment of expected.anomalies ?? []) {
      expect(request.anomalies.some((anomaly) => anomaly.includes(fragment)), `anomaly "${fragment}" in ${JSON.stringify(request.anomalies)}`).toBe(true);
    }
  });
});
