/** Reads the extension's local consent-event log (IndexedDB `consent-gate`, store `events`), read-only. */
import type { Worker } from 'playwright-core';
import { readExtensionStore } from './extension-database';

export interface LoggedEvent {
  action: string;
  enforcement: string;
  verdict: string;
  clientId: string;
  reason?: string;
}

export function readConsentEvents(serviceWorker: Worker): Promise<LoggedEvent[]> {
  return readExtensionStore<LoggedEvent>(serviceWorker, 'events');
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
