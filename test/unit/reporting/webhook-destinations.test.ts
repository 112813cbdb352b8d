import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../lib/policy/schema';
import { buildTestPayload, SLACK_TEST_TEXT } from '../../../lib/reporting/test-payload';
import { configuredDestinations } from '../../../lib/reporting/webhook-destinations';

const EVENTS = 'https://hooks.acme.example/events';
const REVIEWS = 'https://hooks.acme.example/reviews';
const SLACK = 'https://hooks.slack.com/services/T/B/X';

describe('configuredDestinations', () => {
  it.each<[string, Partial<Policy>, string[]]>([
    ['no reporting and no intake', {}, []],
    ['the events webhook only', { reporting: { webhookUrl: EVENTS } }, [`events ${EVENTS}`]],
    ['an intake by email only', { reviewIntake: { email: 'sec@acme.example' } }, []],
    [
      'all three, in a fixed order',
      { reviewIntake: { slackWebhookUrl: SLACK, webhookUrl: REVIEWS }, reporting: { webhookUrl: EVENTS } },
      [`events ${EVENTS}`, `review ${REVIEWS}`, `slack ${SLACK}`],
    ],
    // The schema refuses http here; should one reach this far, nothing is sent to it.
    ['a plain-http URL', { reporting: { webhookUrl: 'http://hooks.acme.example/events' } }, []],
  ])('%s', (_name, policy, expected) => {
    expect(configuredDestinations(policy as Policy).map(({ id, url }) => `${id} ${url}`)).toEqual(expected);
  });
});

describe('buildTestPayload', () => {
  const meta = { installationId: 'install-1', extensionVersion: '1.2.3', now: new Date('2026-03-01T10:00:00.000Z') };

  it.each([
    ['events', { format: 'consent-gate/events', version: 1, test: true, sentAt: '2026-03-01T10:00:00.000Z', installationId: 'install-1', extensionVersion: '1.2.3', events: [] }],
    ['review', { format: 'consent-gate/review', version: 1, test: true, sentAt: '2026-03-01T10:00:00.000Z', installationId: 'install-1', extensionVersion: '1.2.3' }],
    ['slack', { text: SLACK_TEST_TEXT }],
  ] as const)('marks the %s payload as a test and carries no event or review', (destination, expected) => {
    expect(JSON.parse(buildTestPayload(destination, meta))).toEqual(expected);
  });
});
