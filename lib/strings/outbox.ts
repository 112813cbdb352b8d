/** Every string of the options page's webhook-outbox section. */
import type { TestDeliveryResult } from '../messages/protocol';
import type { WebhookDestination } from '../reporting/webhook-destinations';
import type { DeliveryKind } from '../storage/records';

export const DESTINATION_LABELS: Record<WebhookDestination, string> = {
  events: 'Consent events (reporting.webhookUrl)',
  review: 'Submitted reviews (reviewIntake.webhookUrl)',
  slack: 'Review messages to Slack (reviewIntake.slackWebhookUrl)',
};

export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  events: 'Consent events',
  review: 'Review',
  slack: 'Slack message',
  'policy-error': 'Policy error report',
};

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

export const OUTBOX_TEXT = {
  heading: 'Webhook deliveries',
  intro: 'What this browser still has to send to your webhooks. Updated every few seconds while this page is open.',
  loading: 'Reading the outbox\u2026',
  failed: (reason: string) => `Could not read the outbox: ${reason}`,
  destinationsHeading: 'Endpoints in the policy',
  noDestinations: 'The policy in force sets no webhook, so nothing is sent anywhere.',
  sendTest: 'Send a test event',
  sending: 'Sending\u2026',
  testExplained: 'A test payload carries "test": true and no event or review, so receivers can drop it.',
  testResult(result: TestDeliveryResult): string {
    if (result.delivered) return `Delivered (HTTP ${result.status}).`;
    return result.status === undefined ? `Not delivered: ${result.error}` : `Not delivered: the endpoint answered HTTP ${result.status}.`;
  },
  testFailed: (reason: string) => `The test could not be sent: ${reason}`,
  dropped: (count: number) =>
    count === 0 ? 'No delivery was dropped.' : `${plural(count, 'delivery was', 'deliveries were')} dropped because the outbox was full.`,
  empty: 'Nothing is waiting: every delivery was sent.',
  total: (shown: number, total: number) => (shown === total ? plural(total, 'delivery waiting', 'deliveries waiting') : `The oldest ${shown} of ${total} deliveries waiting are shown.`),
  queuedHeading: 'Queued',
  queuedCaption: 'Deliveries not tried yet, oldest first',
  failedHeading: 'Failed, to be retried',
  failedCaption: 'Deliveries whose last attempt failed, with the reason and the next attempt',
  columnKind: 'Kind',
  columnDestination: 'Destination',
  columnAge: 'Waiting',
  columnAttempts: 'Attempts',
  columnError: 'Last error',
  columnRetry: 'Next attempt',
  held: 'held until this address is in the policy again',
};
