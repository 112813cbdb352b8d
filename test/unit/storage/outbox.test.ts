import { beforeEach, describe, expect, it } from 'vitest';
import { forgetDatabase } from '../../../lib/storage/database';
import {
  completeDelivery,
  countDeliveries,
  enqueueDelivery,
  listDeliveries,
  listDueDeliveries,
  nextDeliveryTime,
  recordFailedAttempt,
  type NewDelivery,
} from '../../../lib/storage/outbox';
import { useFreshIndexedDb } from './fresh-indexeddb';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function delivery(body: string, kind: NewDelivery['kind'] = 'events'): NewDelivery {
  return { kind, url: 'https://hooks.example.com/in', body, contentType: 'application/json' };
}

beforeEach(() => {
  useFreshIndexedDb();
});

describe('enqueueDelivery', () => {
  it('stores a new delivery due at once, with no attempts yet', async () => {
    const { delivery: stored, merged, dropped } = await enqueueDelivery(delivery('{"a":1}'), { now: NOW });
    expect({ merged, dropped }).toEqual({ merged: false, dropped: 0 });
    expect(stored).toEqual({ ...delivery('{"a":1}'), id: 1, attempts: 0, nextAttemptAt: NOW, createdAt: '2026-06-01T12:00:00.000Z' });
    expect(await listDeliveries()).toEqual([stored]);
  });

  it.each([
    [3, 5, ['b3', 'b4', 'b5'], 2],
    [5, 5, ['b1', 'b2', 'b3', 'b4', 'b5'], 0],
    [1, 3, ['b3'], 2],
  ])('keeps at most %i deliveries after %i adds, dropping the oldest first', async (max, adds, kept, droppedTotal) => {
    let dropped = 0;
    for (let index = 1; index <= adds; index += 1) {
      dropped += (await enqueueDelivery(delivery(`b${index}`), { now: NOW + index, maxDeliveries: max })).dropped;
    }
    expect((await listDeliveries()).map((entry) => entry.body)).toEqual(kept);
    expect(dropped).toBe(droppedTotal);
  });

  it('folds into the newest delivery when the caller says so, and adds otherwise', async () => {
    await enqueueDelivery(delivery('first'), { now: NOW });
    const folded = await enqueueDelivery(delivery('second'), { now: NOW, coalesce: (newest) => ({ ...newest, body: `${newest.body}+second` }) });
    expect(folded).toMatchObject({ merged: true, delivery: { id: 1, body: 'first+second' } });
    await enqueueDelivery(delivery('third'), { now: NOW, coalesce: () => undefined });
    expect((await listDeliveries()).map((entry) => entry.body)).toEqual(['first+second', 'third']);
  });
});

describe('due deliveries and their outcome', () => {
  it('lists what is due in arrival order and finds the next due time', async () => {
    await enqueueDelivery(delivery('one'), { now: NOW });
    await enqueueDelivery(delivery('two'), { now: NOW + 10 });
    await recordFailedAttempt(1, { attempts: 1, nextAttemptAt: NOW + 60_000, lastError: 'HTTP 503' });
    expect((await listDueDeliveries(NOW + 10, 50)).map((entry) => entry.body)).toEqual(['two']);
    expect((await listDueDeliveries(NOW + 60_000, 50)).map((entry) => entry.body)).toEqual(['one', 'two']);
    expect((await listDueDeliveries(NOW + 60_000, 1)).map((entry) => entry.body)).toEqual(['one']);
    expect(await nextDeliveryTime()).toBe(NOW + 10);
    expect((await listDeliveries())[0]).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
  });

  it('removes a delivered one, keeps one that changed while in flight, and ignores one already gone', async () => {
    await enqueueDelivery(delivery('sent'), { now: NOW });
    await enqueueDelivery(delivery('before'), { now: NOW });
    await enqueueDelivery(delivery('x'), { now: NOW, coalesce: (newest) => ({ ...newest, body: 'before+after' }) });
    expect(await completeDelivery(1, 'sent')).toBe('removed');
    expect(await completeDelivery(2, 'before')).toBe('changed');
    expect(await completeDelivery(7, 'whatever')).toBe('gone');
    expect((await listDeliveries()).map((entry) => entry.body)).toEqual(['before+after']);
    expect(await nextDeliveryTime()).toBe(NOW);
  });

  it('keeps every delivery across a restart of the worker (a new connection)', async () => {
    await enqueueDelivery(delivery('kept'), { now: NOW });
    forgetDatabase();
    expect(await countDeliveries()).toBe(1);
    expect(await nextDeliveryTime()).toBe(NOW);
  });

  it('has nothing due when empty', async () => {
    expect(await listDueDeliveries(NOW, 10)).toEqual([]);
    expect(await nextDeliveryTime()).toBeUndefined();
  });
});
