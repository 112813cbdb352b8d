/**
 * What "Send a test event" on the options page POSTs to each destination. Pure. Every test payload says so with
 * `test: true` and carries nothing from the log or a review, so a receiver (or the SIEM behind it) can drop it
 * without parsing further, and an inventory built from the events never counts it:
 * - events webhook: format `consent-gate/events` version 1 with `test: true` and an empty `events` array;
 * - review webhook: format `consent-gate/review` version 1 with `test: true` and no `review`;
 * - Slack: a message whose text says it is a test.
 */
import { EVENT_PAYLOAD_FORMAT, EVENT_PAYLOAD_VERSION, type EventPayload } from './event-payload';
import { REVIEW_PAYLOAD_FORMAT, REVIEW_PAYLOAD_VERSION } from './review-delivery';
import type { WebhookDestination } from './webhook-destinations';

export interface TestPayloadMeta {
  installationId: string;
  extensionVersion: string;
  now: Date;
}

export interface ReviewTestPayload {
  format: typeof REVIEW_PAYLOAD_FORMAT;
  version: typeof REVIEW_PAYLOAD_VERSION;
  test: true;
  sentAt: string;
  installationId: string;
  extensionVersion: string;
}

export const SLACK_TEST_TEXT =
  'Consent Gate test message: submitted integration reviews will be posted here. Sent from the Consent Gate settings page; nothing to review.';

/** The JSON body of a test delivery to `destination`. */
export function buildTestPayload(destination: WebhookDestination, meta: TestPayloadMeta): string {
  const common = { sentAt: meta.now.toISOString(), installationId: meta.installationId, extensionVersion: meta.extensionVersion };
  switch (destination) {
    case 'events': {
      const payload: EventPayload = { format: EVENT_PAYLOAD_FORMAT, version: EVENT_PAYLOAD_VERSION, test: true, ...common, events: [] };
      return JSON.stringify(payload);
    }
    case 'review': {
      const payload: ReviewTestPayload = { format: REVIEW_PAYLOAD_FORMAT, version: REVIEW_PAYLOAD_VERSION, test: true, ...common };
      return JSON.stringify(payload);
    }
    case 'slack':
      return JSON.stringify({ text: SLACK_TEST_TEXT });
  }
}
