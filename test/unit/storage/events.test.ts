import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { appendEvent, clearEvents, DEFAULT_MAX_EVENTS, listEvents } from '../../../lib/storage/events';
import { useFreshIndexedDb } from './fresh-indexeddb';
import { sampleEvent } from './sample-records';

beforeEach(() => {
  useFreshIndexedDb();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function appendNumbered(count: number, maxEvents?: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await appendEvent(sampleEvent({ clientId: `client-${i}` }), maxEvents === undefined ? {} : { maxEvents });
  }
}

describe('consent events', () => {
  it('stores an event with an increasing id', async () => {
    const first = await appendEvent(sampleEvent({ action: 'shown' }));
    const second = await appendEvent(sampleEvent({ action: 'continued', reason: 'Pilot approved by Dana' }));
    expect(second.id).toBeGreaterThan(first.id ?? Infinity);
    expect(await listEvents()).toEqual([second, first]);
  });

  it('ignores an id passed in: the database numbers events', async () => {
    const stored = await appendEvent({ ...sampleEvent(), id: 999 } as ReturnType<typeof sampleEvent>);
    expect(stored.id).toBe(1);
  });

  it.each([
    { limit: 0, expected: [] },
    { limit: 2, expected: ['client-4', 'client-3'] },
    { limit: 10, expected: ['client-4', 'client-3', 'client-2', 'client-1', 'client-0'] },
  ])('lists at most $limit events, newest first', async ({ limit, expected }) => {
    await appendNumbered(5);
    expect((await listEvents({ limit })).map((event) => event.clientId)).toEqual(expected);
  });

  it.each([
    { appended: 3, maxEvents: 5, kept: ['client-2', 'client-1', 'client-0'] },
    { appended: 5, maxEvents: 5, kept: ['client-4', 'client-3', 'client-2', 'client-1', 'client-0'] },
    { appended: 8, maxEvents: 5, kept: ['client-7', 'client-6', 'client-5', 'client-4', 'client-3'] },
    { appended: 4, maxEvents: 1, kept: ['client-3'] },
  ])('keeps the newest $maxEvents of $appended events', async ({ appended, maxEvents, kept }) => {
    await appendNumbered(appended, maxEvents);
    expect((await listEvents()).map((event) => event.clientId)).toEqual(kept);
  });

  it('trims an oversized log down to the bound in one append (the bound was lowered)', async () => {
    await appendNumbered(6, 100);
    await appendEvent(sampleEvent({ clientId: 'newest' }), { maxEvents: 2 });
    expect((await listEvents()).map((event) => event.clientId)).toEqual(['newest', 'client-5']);
  });

  it('bounds the log at 5000 by default', async () => {
    expect(DEFAULT_MAX_EVENTS).toBe(5000);
  });

  it('adds nothing and deletes nothing when the write fails', async () => {
    await appendNumbered(3, 3);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(appendEvent(sampleEvent({ clientId: 'lost' }), { maxEvents: 3 })).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'quota',
      message: expect.stringMatching(/could not record the consent event/),
    });
    vi.restoreAllMocks();
    expect((await listEvents()).map((event) => event.clientId)).toEqual(['client-2', 'client-1', 'client-0']);
  });

  it('clears the log', async () => {
    await appendNumbered(3);
    await clearEvents();
    expect(await listEvents()).toEqual([]);
  });
});
