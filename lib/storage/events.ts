/**
 * This module's job is the browser: the bounded log of consent events in IndexedDB. The newest events are kept;
 * the oldest go in the same transaction that adds one, so the log never grows past its bound.
 */
import { withDatabase } from './database';
import type { ConsentEvent } from './records';

export const DEFAULT_MAX_EVENTS = 5000;

/** Appends an event and trims the log to `maxEvents`. Resolves to the event as stored, with its id. */
export function appendEvent(event: Omit<ConsentEvent, 'id'>, options: { maxEvents?: number } = {}): Promise<ConsentEvent> {
  const maxEvents = Math.max(1, Math.floor(options.maxEvents ?? DEFAULT_MAX_EVENTS));
  return withDatabase('record the consent event', async (database) => {
    const transaction = database.transaction('events', 'readwrite');
    const { store } = transaction;
    const stored: ConsentEvent = { ...event };
    delete stored.id;
    const id = await store.add(stored);
    let excess = (await store.count()) - maxEvents;
    if (excess > 0) {
      // Keys increase with every add, so key order is arrival order: the first keys are the oldest events.
      let cursor = await store.openCursor();
      while (cursor && excess > 0) {
        await cursor.delete();
        excess -= 1;
        cursor = await cursor.continue();
      }
    }
    await transaction.done;
    return { ...stored, id };
  });
}

/** The newest events first, at most `limit` (all when absent). */
export function listEvents(options: { limit?: number } = {}): Promise<ConsentEvent[]> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  return withDatabase('read the consent events', async (database) => {
    const events: ConsentEvent[] = [];
    if (limit <= 0) return events;
    let cursor = await database.transaction('events').store.openCursor(null, 'prev');
    while (cursor && events.length < limit) {
      events.push(cursor.value);
      cursor = await cursor.continue();
    }
    return events;
  });
}

/** Empties the log (the options page offers it after an export). */
export function clearEvents(): Promise<void> {
  return withDatabase('clear the consent events', (database) => database.clear('events'));
}
