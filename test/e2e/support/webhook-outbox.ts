/**
 * Reads the extension's webhook outbox (IndexedDB `consent-gate`, store `outbox`) from its service worker,
 * read-only, to see what waits for delivery and why its last attempt failed. Like consent-events.ts it never
 * creates the database.
 */
import type { Worker } from 'playwright-core';
import { withinTime } from './service-worker-stop';

export interface QueuedDelivery {
  id: number;
  kind: string;
  url: string;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

export async function readOutbox(serviceWorker: Worker): Promise<QueuedDelivery[]> {
  return withinTime(serviceWorker.evaluate(async () => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'consent-gate')) return [];
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('consent-gate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`Could not open the consent-gate database: ${String(request.error)}`));
    });
    try {
      if (!database.objectStoreNames.contains('outbox')) return [];
      const rows = await new Promise<QueuedDelivery[]>((resolve, reject) => {
        const request = database.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result as QueuedDelivery[]);
        request.onerror = () => reject(new Error(`Could not read the outbox: ${String(request.error)}`));
      });
      return rows.map(({ id, kind, url, attempts, nextAttemptAt, lastError }) => ({
        id,
        kind,
        url,
        attempts,
        nextAttemptAt,
        ...(lastError === undefined ? {} : { lastError }),
      }));
    } finally {
      database.close();
    }
  }), 10_000, 'Reading the outbox in the service worker');
}

/** Polls until `predicate` holds for the queued deliveries, or fails with what is queued. */
export async function waitForOutbox(
  serviceWorker: () => Promise<Worker>,
  predicate: (queued: QueuedDelivery[]) => boolean,
  timeout: number,
  what: string,
): Promise<QueuedDelivery[]> {
  const deadline = Date.now() + timeout;
  let queued: QueuedDelivery[] = [];
  while (Date.now() < deadline) {
    queued = await readOutbox(await serviceWorker());
    if (predicate(queued)) return queued;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The outbox did not show ${what} within ${timeout} ms; it holds ${JSON.stringify(queued)}`);
}
