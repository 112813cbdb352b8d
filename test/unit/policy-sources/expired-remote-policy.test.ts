import { describe, expect, it } from 'vitest';
import { isRemoteCopyExpired, remoteConfigInForce, type RemoteInForceInput } from '../../../lib/policy-sources/expired-remote-policy';

const NOW = new Date('2026-06-01T12:00:00Z');
const KEPT = { policy: { enforcement: 'block' as const }, expiresAt: '2026-06-01T00:00:00Z' };
const FRESH = { policy: { enforcement: 'block' as const }, expiresAt: '2026-07-01T00:00:00Z' };

describe('isRemoteCopyExpired', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['2026-06-01T12:00:01Z', false],
    ['2026-06-01T12:00:00Z', true],
    ['2026-05-31T00:00:00Z', true],
    ['not a date', true],
  ])('%s -> %s', (expiresAt, expired) => {
    expect(isRemoteCopyExpired(expiresAt, NOW)).toBe(expired);
  });
});

describe('remoteConfigInForce: an expired copy is kept, marked, and said', () => {
  it.each<[string, Omit<RemoteInForceInput, 'now'>, { policy: boolean; expired: boolean; error?: RegExp }]>([
    ['nothing received, no error', {}, { policy: false, expired: false }],
    ['nothing received, the fetch failed', { lastError: { code: 'unreachable', message: 'The config URL could not be reached.' } }, { policy: false, expired: false, error: /could not be reached\. No signed config has been received yet\.$/ }],
    ['a fresh copy after a 200 or a 304', { kept: FRESH }, { policy: true, expired: false }],
    ['a copy without expiry never expires', { kept: { policy: {} } }, { policy: true, expired: false }],
    ['a fresh copy, the last check failed', { kept: FRESH, lastError: { code: 'http-error', message: 'The config URL answered HTTP 500.' } }, { policy: true, expired: false, error: /HTTP 500\. Consent Gate keeps the last verified copy in force\.$/ }],
    ['an expired copy after a 304 or a restart', { kept: KEPT }, { policy: true, expired: true, error: /^The remote config expired on 2026-06-01T00:00:00Z\. Consent Gate keeps its last verified copy in force/ }],
    ['an expired copy, the server serves an expired file', { kept: KEPT, lastError: { code: 'expired', message: 'The config expired on 2026-06-01T00:00:00Z; publish a newly signed one.' } }, { policy: true, expired: true, error: /publish a newly signed config\. The server still serves an expired config/ }],
    ['a fresh copy, the server serves another, expired file', { kept: FRESH, lastError: { code: 'expired', message: 'The config expired on 2026-05-01T00:00:00Z; publish a newly signed one.' } }, { policy: true, expired: false, error: /^The server still serves an expired config/ }],
    ['an expired copy, the server is unreachable', { kept: KEPT, lastError: { code: 'unreachable', message: 'The config URL could not be reached.' } }, { policy: true, expired: true, error: /expired on .* The config URL could not be reached\.$/ }],
  ])('%s', (_name, input, expected) => {
    const result = remoteConfigInForce({ ...input, now: NOW });
    expect(result.policy).toEqual(expected.policy ? input.kept?.policy : undefined);
    expect(result.expired).toBe(expected.expired);
    if (expected.error === undefined) expect(result.error).toBeUndefined();
    else expect(result.error).toMatch(expected.error);
  });
});
