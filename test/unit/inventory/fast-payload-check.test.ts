import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeValidPayload } from '../../../lib/inventory/fast-payload-check';
import { EventPayloadSchema } from '../../../lib/reporting/event-payload-schema';

const EVENT = {
  id: 'inst-1:1',
  at: '2026-06-01T10:00:00.000Z',
  provider: 'google',
  clientId: 'c',
  verdict: 'approved',
  risk: 'low',
  enforcement: 'warn',
  action: 'shown',
  rules: ['scope-creep'],
  scopes: ['openid'],
  appName: 'A',
  host: 'accounts.google.com',
  reason: '',
};
const PAYLOAD = { format: 'consent-gate/events', version: 1, sentAt: '2026-06-01T10:00:01Z', installationId: 'inst-1', extensionVersion: '0.1.0', events: [EVENT] };
const withEvent = (change: Record<string, unknown>) => ({ ...PAYLOAD, events: [{ ...EVENT, ...change }] });

describe('looksLikeValidPayload', () => {
  it('accepts what the schema accepts in the common case', () => {
    expect(looksLikeValidPayload(PAYLOAD)).toBe(true);
    expect(looksLikeValidPayload({ ...PAYLOAD, events: [] })).toBe(true);
    expect(looksLikeValidPayload(withEvent({ scopes: undefined, appName: undefined, host: undefined, reason: undefined, extra: 1 }))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [PAYLOAD]],
    ['another version', { ...PAYLOAD, version: 2 }],
    ['another format', { ...PAYLOAD, format: 'consent-gate/review' }],
    ['an empty installation id', { ...PAYLOAD, installationId: '' }],
    ['a sent time with an offset', { ...PAYLOAD, sentAt: '2026-06-01T10:00:01+02:00' }],
    ['February 30th', withEvent({ at: '2026-02-30T10:00:00Z' })],
    ['an unknown provider', withEvent({ provider: 'myspace' })],
    ['an unknown action', withEvent({ action: 'clicked' })],
    ['an unknown enforcement mode', withEvent({ enforcement: 'strict' })],
    ['rules that are not strings', withEvent({ rules: [1] })],
    ['scopes as a string', withEvent({ scopes: 'openid' })],
    ['an empty app name', withEvent({ appName: '' })],
    ['an empty client id', withEvent({ clientId: '' })],
    ['an event that is a string', { ...PAYLOAD, events: ['x'] }],
  ])('says no to %s, and so does the schema', (_name, value) => {
    expect(looksLikeValidPayload(value)).toBe(false);
    expect(EventPayloadSchema.safeParse(value).success).toBe(false);
  });

  it('never says yes to a body the schema refuses', () => {
    const field = fc.oneof(fc.constant(undefined), fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()), fc.array(fc.integer()));
    const eventArbitrary = fc.record(
      Object.fromEntries(Object.entries(EVENT).map(([key, value]) => [key, fc.oneof(fc.constant(value), field)])),
    );
    const payloadArbitrary = fc.record({
      format: fc.oneof(fc.constant(PAYLOAD.format), fc.string()),
      version: fc.oneof(fc.constant(1), fc.integer()),
      sentAt: fc.oneof(fc.constant(PAYLOAD.sentAt), fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
      installationId: fc.oneof(fc.constant('inst'), field),
      extensionVersion: fc.oneof(fc.constant('1'), field),
      events: fc.array(eventArbitrary, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(payloadArbitrary, (payload) => {
        if (looksLikeValidPayload(payload)) expect(EventPayloadSchema.safeParse(payload).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
