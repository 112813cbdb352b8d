/**
 * This module's job is the browser: what the options page shows of the webhook outbox. The deliveries come from
 * IndexedDB without their bodies (a body may hold review answers, and the page needs none of it), the dropped
 * count from storage.local, the endpoints from the policy in force.
 */
import { browser } from 'wxt/browser';
import type { OutboxItem, OutboxStatus } from '../messages/protocol';
import { configuredDestinations } from '../reporting/webhook-destinations';
import { listDeliveries } from '../storage/outbox';
import type { OutboxDelivery } from '../storage/records';
import { HELD_ERROR_PREFIX, OUTBOX_DROPPED_KEY } from './outbox';
import { getEffectivePolicy } from './policy-cache';

/** The outbox holds up to 1,000 deliveries; the page polls every few seconds, so it gets the oldest 200 and the total. */
export const OUTBOX_ITEMS_SHOWN = 200;

function itemState(delivery: OutboxDelivery): OutboxItem['state'] {
  if (delivery.lastError?.startsWith(HELD_ERROR_PREFIX) === true) return 'held';
  return delivery.attempts > 0 || delivery.lastError !== undefined ? 'failed' : 'queued';
}

export function toOutboxItem(delivery: OutboxDelivery & { id: number }): OutboxItem {
  return {
    id: delivery.id,
    kind: delivery.kind,
    destination: delivery.url,
    createdAt: delivery.createdAt,
    attempts: delivery.attempts,
    nextAttemptAt: new Date(delivery.nextAttemptAt).toISOString(),
    ...(delivery.lastError === undefined ? {} : { lastError: delivery.lastError }),
    state: itemState(delivery),
  };
}

export async function readOutboxStatus(): Promise<OutboxStatus> {
  const [deliveries, stored, { policy }] = await Promise.all([
    listDeliveries(),
    browser.storage.local.get(OUTBOX_DROPPED_KEY),
    getEffectivePolicy(),
  ]);
  const dropped = stored[OUTBOX_DROPPED_KEY];
  const items = deliveries
    .filter((delivery): delivery is OutboxDelivery & { id: number } => delivery.id !== undefined)
    .sort((a, b) => a.id - b.id);
  return {
    items: items.slice(0, OUTBOX_ITEMS_SHOWN).map(toOutboxItem),
    total: items.length,
    dropped: typeof dropped === 'number' && Number.isFinite(dropped) ? dropped : 0,
    destinations: configuredDestinations(policy),
  };
}
