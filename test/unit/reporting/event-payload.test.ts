import { describe, expect, it } from 'vitest';
import { buildEventPayload, toReportedEvent, type OptionalEventField } from '../../../lib/reporting/event-payload';
import type { ConsentEvent } from '../../../lib/storage/records';

const EVENT: ConsentEvent = {
  id: 42,
  at: '2026-06-01T12:00:00.000Z',
  provider: 'google',
  clientId: '123.apps.googleusercontent.com',
  appName: 'Acme CRM',
  host: 'accounts.google.com',
  scopes: ['openid', 'https://mail.google.com/'],
  verdict: 'needs-review',
  risk: 'high',
  enforcement: 'acknowledge',
  action: 'continued',
  reason: 'Pilot for sales, ticket SEC-12',
  rules: ['sensitive-data', 'offline-access'],
};

const MINIMUM = {
  id: 'inst-1:42',
  at: EVENT.at,
  provider: 'google',
  clientId: EVENT.clientId,
  verdict: 'needs-review',
  risk: 'high',
  enforcement: 'acknowledge',
  action: 'continued',
  rules: ['sensitive-data', 'offline-access'],
};

describe('toReportedEvent', () => {
  it.each<[string, OptionalEventField[], Record<string, unknown>]>([
    ['nothing optional', [], MINIMUM],
    ['scopes', ['scopes'], { ...MINIMUM, scopes: EVENT.scopes }],
    ['app name and host', ['appName', 'host'], { ...MINIMUM, appName: 'Acme CRM', host: 'accounts.google.com' }],
    ['everything', ['scopes', 'appName', 'host', 'reason'], { ...MINIMUM, scopes: EVENT.scopes, appName: 'Acme CRM', host: 'accounts.google.com', reason: EVENT.reason }],
  ])('sends %s when the policy includes it', (_name, include, expected) => {
    expect(toReportedEvent(EVENT, 'inst-1', include)).toEqual(expected);
  });

  it('omits optional fields the event does not have', () => {
    const { reason: _r, appName: _a, ...bare } = EVENT;
    expect(toReportedEvent(bare, 'inst-1', ['reason', 'appName'])).toEqual(MINIMUM);
  });
});

describe('buildEventPayload', () => {
  it('wraps events in the versioned envelope', () => {
    const payload = buildEventPayload([MINIMUM], { installationId: 'inst-1', extensionVersion: '0.1.0', now: new Date('2026-06-01T12:00:05Z') });
    expect(payload).toEqual({
      format: 'consent-gate/events',
      version: 1,
      sentAt: '2026-06-01T12:00:05.000Z',
      installationId: 'inst-1',
      extensionVersion: '0.1.0',
      events: [MINIMUM],
    });
  });
});
