/**
 * Reads the extension's webhook outbox (IndexedDB `consent-gate`, store `outbox`), read-only, to see what waits for
 * delivery and why its last attempt failed.
 */
import type { Worker } from 'playwright-core';
import { readExtensionStore } from './extension-database';
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
  const rows = await withinTime(readExtensionStore<QueuedDelivery>(serviceWorker, 'outbox'), 10_000, 'Reading the outbox in the service worker');
  return rows.map(({ id, kind, url, attempts, nextAttemptAt, lastError }) => ({
    id,
    kind,
    url,
    attempts,
    nextAttemptAt,
    ...(lastError === undefined ? {} : { lastError }),
  }));
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
