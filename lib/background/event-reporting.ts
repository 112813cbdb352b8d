/**
 * This module's job is the browser: each logged consent event goes to the admin's webhook when the policy sets
 * `reporting.webhookUrl`, with only the fields the policy lists (lib/reporting/event-payload.ts). Events queued
 * while a delivery waits are sent together in one payload.
 */
import { buildEventPayload, toReportedEvent, type EventPayload, type ReportedEvent } from '../reporting/event-payload';
import type { ConsentEvent, OutboxDelivery } from '../storage/records';
import { extensionVersion, getInstallationId } from './installation-id';
import { isInFlight, queueDelivery } from './outbox';
import { getEffectivePolicy } from './policy-cache';

/** Keeps one payload well under the body limits of common webhook receivers (Slack-style relays cap at 1 MB). */
export const MAX_EVENTS_PER_DELIVERY = 100;

/** Adds an event to the newest queued events delivery for the same URL, or `undefined` to queue a new one. */
export function foldEvent(newest: OutboxDelivery, url: string, event: ReportedEvent): OutboxDelivery | undefined {
  if (newest.kind !== 'events' || newest.url !== url || isInFlight(newest.id)) return undefined;
  let payload: EventPayload;
  try {
    payload = JSON.parse(newest.body) as EventPayload;
  } catch {
    return undefined;
  }
  if (!Array.isArray(payload.events) || payload.events.length >= MAX_EVENTS_PER_DELIVERY) return undefined;
  return { ...newest, body: JSON.stringify({ ...payload, events: [...payload.events, event] }) };
}

/** Queues the event when the policy in force asks for reporting; resolves once it is stored in the outbox. */
export async function reportConsentEvent(event: ConsentEvent, now: Date = new Date()): Promise<boolean> {
  const { policy } = await getEffectivePolicy();
  const url = policy.reporting?.webhookUrl;
  if (url === undefined) return false;
  const installationId = await getInstallationId();
  const reported = toReportedEvent(event, installationId, policy.reporting?.include ?? []);
  const payload = buildEventPayload([reported], { installationId, extensionVersion: extensionVersion(), now });
  await queueDelivery({ kind: 'events', url, body: JSON.stringify(payload), contentType: 'application/json' }, (newest) =>
    foldEvent(newest, url, reported),
  );
  return true;
}
