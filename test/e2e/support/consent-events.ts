/**
 * Reads the extension's local consent-event log (IndexedDB `consent-gate`, store `events`) from its own service
 * worker, read-only. It never creates the database: opening a missing one would make an empty version 1 and skip
 * the product's first migration.
 */
import type { Worker } from 'playwright-core';

export interface LoggedEvent {
  action: string;
  enforcement: string;
  verdict: string;
  clientId: string;
  reason?: string;
}

export async function readConsentEvents(serviceWorker: Worker): Promise<LoggedEvent[]> {
  return serviceWorker.evaluate(async () => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'consent-gate')) return [];
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('consent-gate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`Could not open the consent-gate database: ${String(request.error)}`));
    });
    try {
      if (!database.objectStoreNames.contains('events')) return [];
      return await new Promise<LoggedEvent[]>((resolve, reject) => {
        const request = database.transaction('events').objectStore('events').getAll();
        request.onsuccess = () => resolve(request.result as LoggedEvent[]);
        request.onerror = () => reject(new Error(`Could not read consent events: ${String(request.error)}`));
      });
    } finally {
      database.close();
    }
  });
}

/** Polls the log until an event matching `predicate` is there, or fails with what was logged. */
export async function waitForConsentEvent(
  serviceWorker: Worker,
  predicate: (event: LoggedEvent) => boolean,
  timeout = 5_000,
): Promise<LoggedEvent> {
  const deadline = Date.now() + timeout;
  let events: LoggedEvent[] = [];
  while (Date.now() < deadline) {
    events = await readConsentEvents(serviceWorker);
    const found = events.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No matching consent event within ${timeout} ms; logged: ${JSON.stringify(events.map(({ action, enforcement, verdict, reason }) => ({ action, enforcement, verdict, reason })))}`);
}
