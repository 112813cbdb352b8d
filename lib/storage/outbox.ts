/**
 * This module's job is the browser (IndexedDB): the outbox of webhook deliveries. Bounded: adding past the bound
 * drops the oldest deliveries in the same transaction and says how many, so the caller can count and show it.
 * Nothing here sends anything; lib/background/outbox.ts does.
 */
import { withDatabase } from './database';
import type { OutboxDelivery } from './records';

/** About a week of heavy use offline; a delivery body is a few kB, so the store stays a few MB at most. */
export const DEFAULT_MAX_DELIVERIES = 1000;

export type NewDelivery = Pick<OutboxDelivery, 'kind' | 'url' | 'body' | 'contentType'>;

export interface EnqueueOptions {
  now: number;
  maxDeliveries?: number;
  /**
   * Offered the newest queued delivery: return it with the new one folded in (a batch of events) to update it
   * instead of adding a delivery, or `undefined` to add.
   */
  coalesce?: (newest: OutboxDelivery) => OutboxDelivery | undefined;
}

export interface EnqueueResult {
  delivery: OutboxDelivery;
  /** The delivery was folded into one already queued. */
  merged: boolean;
  /** Oldest deliveries dropped to stay within the bound. */
  dropped: number;
}

export function enqueueDelivery(delivery: NewDelivery, options: EnqueueOptions): Promise<EnqueueResult> {
  const maxDeliveries = Math.max(1, Math.floor(options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES));
  return withDatabase('queue the webhook delivery', async (database) => {
    const transaction = database.transaction('outbox', 'readwrite');
    const { store } = transaction;
    const newestCursor = options.coalesce === undefined ? null : await store.openCursor(null, 'prev');
    const folded = newestCursor === null ? undefined : options.coalesce?.(newestCursor.value);
    if (newestCursor !== null && folded !== undefined) {
      await newestCursor.update(folded);
      await transaction.done;
      return { delivery: folded, merged: true, dropped: 0 };
    }

    const stored: OutboxDelivery = {
      ...delivery,
      attempts: 0,
      nextAttemptAt: options.now,
      createdAt: new Date(options.now).toISOString(),
    };
    const id = await store.add(stored);
    let excess = (await store.count()) - maxDeliveries;
    let dropped = 0;
    if (excess > 0) {
      let cursor = await store.openCursor();
      while (cursor && excess > 0) {
        await cursor.delete();
        excess -= 1;
        dropped += 1;
        cursor = await cursor.continue();
      }
    }
    await transaction.done;
    return { delivery: { ...stored, id }, merged: false, dropped };
  });
}

/** Deliveries due at `now`, oldest first (arrival order), at most `limit`. */
export function listDueDeliveries(now: number, limit: number): Promise<OutboxDelivery[]> {
  return withDatabase('read the webhook outbox', async (database) => {
    const due = await database.getAllFromIndex('outbox', 'nextAttemptAt', IDBKeyRange.upperBound(now));
    return due.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).slice(0, Math.max(0, limit));
  });
}

/** Every queued delivery, oldest first. */
export function listDeliveries(): Promise<OutboxDelivery[]> {
  return withDatabase('read the webhook outbox', (database) => database.getAll('outbox'));
}

/** When the next delivery is due (epoch ms), `undefined` when the outbox is empty. */
export function nextDeliveryTime(): Promise<number | undefined> {
  return withDatabase('read the webhook outbox', async (database) => {
    const cursor = await database.transaction('outbox').store.index('nextAttemptAt').openCursor();
    return cursor?.value.nextAttemptAt;
  });
}

/**
 * A delivery reached its endpoint: removed, unless events were folded into it while it was being sent. Then it
 * stays (with its new body) and is sent again; the receiver drops the repeated events by their stable ids.
 */
export function completeDelivery(id: number, sentBody: string): Promise<'removed' | 'changed' | 'gone'> {
  return withDatabase('update the webhook outbox', async (database) => {
    const transaction = database.transaction('outbox', 'readwrite');
    const current = await transaction.store.get(id);
    let result: 'removed' | 'changed' | 'gone' = 'gone';
    if (current !== undefined && current.body === sentBody) {
      await transaction.store.delete(id);
      result = 'removed';
    } else if (current !== undefined) {
      result = 'changed';
    }
    await transaction.done;
    return result;
  });
}

/** A delivery failed: count the attempt and set when to try again. A delivery dropped meanwhile stays dropped. */
export function recordFailedAttempt(id: number, failure: { attempts: number; nextAttemptAt: number; lastError: string }): Promise<void> {
  return withDatabase('update the webhook outbox', async (database) => {
    const transaction = database.transaction('outbox', 'readwrite');
    const current = await transaction.store.get(id);
    if (current !== undefined) await transaction.store.put({ ...current, ...failure });
    await transaction.done;
  });
}

export function countDeliveries(): Promise<number> {
  return withDatabase('read the webhook outbox', (database) => database.count('outbox'));
}
