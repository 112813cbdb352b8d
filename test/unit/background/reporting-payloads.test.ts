import { describe, expect, it } from 'vitest';
import { foldEvent, MAX_EVENTS_PER_DELIVERY } from '../../../lib/background/event-reporting';
import { buildPolicyErrorPayload, policyErrorsToReport } from '../../../lib/reporting/policy-error-payload';
import type { ReportedEvent } from '../../../lib/reporting/event-payload';
import type { OutboxDelivery } from '../../../lib/storage/records';

const URL_A = 'https://hooks.example.com/a';

function event(id: string): ReportedEvent {
  return { id, at: '2026-03-01T10:00:00.000Z', provider: 'google', clientId: 'c', verdict: 'allowed', risk: 'low', enforcement: 'warn', action: 'shown', rules: [] };
}

function queued(events: number, overrides: Partial<OutboxDelivery> = {}): OutboxDelivery {
  const body = JSON.stringify({ format: 'consent-gate/events', version: 1, events: Array.from({ length: events }, (_, index) => event(`e${index}`)) });
  return { id: 4, kind: 'events', url: URL_A, body, contentType: 'application/json', attempts: 2, nextAttemptAt: 0, createdAt: '', ...overrides };
}

describe('foldEvent', () => {
  it('adds the event to a queued events delivery for the same URL', () => {
    const folded = foldEvent(queued(2), URL_A, event('new'));
    expect((JSON.parse(folded!.body) as { events: ReportedEvent[] }).events.map((entry) => entry.id)).toEqual(['e0', 'e1', 'new']);
    expect(folded).toMatchObject({ id: 4, attempts: 2 });
  });

  it.each<[string, OutboxDelivery, string]>([
    ['another URL', queued(1), 'https://hooks.example.com/b'],
    ['a review delivery', queued(1, { kind: 'review' }), URL_A],
    ['a full batch', queued(MAX_EVENTS_PER_DELIVERY), URL_A],
    ['a body that is not JSON', queued(1, { body: 'not json' }), URL_A],
  ])('queues a new delivery instead of folding into %s', (_name, newest, url) => {
    expect(foldEvent(newest, url, event('new'))).toBeUndefined();
  });
});

describe('policyErrorsToReport', () => {
  it.each<[string, Record<string, string>, Record<string, string>, string[], Record<string, string>]>([
    ['a new error', { remote: 'unreachable' }, {}, ['remote'], { remote: 'unreachable' }],
    ['the same error again', { remote: 'unreachable' }, { remote: 'unreachable' }, [], { remote: 'unreachable' }],
    ['a changed error', { remote: 'HTTP 500' }, { remote: 'unreachable' }, ['remote'], { remote: 'HTTP 500' }],
    ['an error that went away', {}, { managed: 'invalid' }, [], {}],
    ['two sources', { managed: 'invalid', local: 'bad file' }, { managed: 'invalid' }, ['local'], { managed: 'invalid', local: 'bad file' }],
  ])('%s', (_name, current, reported, sources, remember) => {
    const result = policyErrorsToReport(current, reported);
    expect(result.report.map((entry) => entry.source)).toEqual(sources);
    expect(result.remember).toEqual(remember);
  });

  it('builds the documented payload', () => {
    expect(
      buildPolicyErrorPayload(
        { source: 'managed', error: 'The managed policy is invalid', policyInForce: 'default' },
        { installationId: 'i-1', extensionVersion: '0.1.0', now: new Date('2026-03-01T10:00:00Z') },
      ),
    ).toEqual({
      format: 'consent-gate/policy-error',
      version: 1,
      sentAt: '2026-03-01T10:00:00.000Z',
      installationId: 'i-1',
      extensionVersion: '0.1.0',
      source: 'managed',
      error: 'The managed policy is invalid',
      policyInForce: 'default',
    });
  });
});
