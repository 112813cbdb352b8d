/**
 * This module's job is the browser: the options page's "Send a test event". The payload (lib/reporting/test-payload.ts)
 * goes through the outbox's own POST (no cookies, no redirects, CORS as for every delivery) to an endpoint of the
 * policy in force, named by role. It is sent at once and not queued: its purpose is to show the admin the answer
 * now, and a queued test must never push a real delivery out of the bounded outbox.
 */
import type { TestDeliveryResult } from '../messages/protocol';
import { buildTestPayload } from '../reporting/test-payload';
import { configuredDestinations, type WebhookDestination } from '../reporting/webhook-destinations';
import { extensionVersion, getInstallationId } from './installation-id';
import { deliveryUrls, postDelivery } from './outbox';
import { getEffectivePolicy } from './policy-cache';

export type TestDeliveryOutcome = { ok: true; result: TestDeliveryResult } | { ok: false; error: string };

const DESTINATION_NAMES: Record<WebhookDestination, string> = {
  events: 'reporting.webhookUrl',
  review: 'reviewIntake.webhookUrl',
  slack: 'reviewIntake.slackWebhookUrl',
};

export async function sendTestDelivery(destination: WebhookDestination, now: Date = new Date()): Promise<TestDeliveryOutcome> {
  const { policy } = await getEffectivePolicy();
  const target = configuredDestinations(policy).find((candidate) => candidate.id === destination);
  // The allow-list the outbox applies to every delivery (lib/background/outbox.ts `deliveryUrls`).
  if (target === undefined || !deliveryUrls(policy).has(target.url)) {
    return { ok: false, error: `The policy in force sets no ${DESTINATION_NAMES[destination]}; there is nothing to test.` };
  }
  const body = buildTestPayload(destination, { installationId: await getInstallationId(), extensionVersion: extensionVersion(), now });
  const sent = await postDelivery({ url: target.url, body, contentType: 'application/json' });
  const result: TestDeliveryResult = sent.ok
    ? { delivered: true, status: sent.status }
    : { delivered: false, error: sent.error, ...(sent.status === undefined ? {} : { status: sent.status }) };
  console.info(`Consent Gate sent a test event to ${target.url}: ${sent.ok ? `HTTP ${sent.status}` : sent.error}.`);
  return { ok: true, result };
}
