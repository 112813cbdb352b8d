import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { DATABASE_NAME, DATABASE_VERSION, forgetDatabase, getDatabase, openConsentGateDatabase } from '../../../lib/storage/database';
import { MIGRATIONS } from '../../../lib/storage/migrations';
import { createReview, listReviewsForClient } from '../../../lib/storage/reviews';
import { listEvents } from '../../../lib/storage/events';
import type { ReviewRecord } from '../../../lib/storage/records';
import { useFreshIndexedDb } from './fresh-indexeddb';
import { sampleEvent, samplePrefill } from './sample-records';
import type { OutboxDelivery } from '../../../lib/storage/records';

beforeEach(() => {
  useFreshIndexedDb();
});

function sampleReview(id: string, clientId: string): ReviewRecord {
  return {
    id,
    status: 'submitted',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    submittedAt: '2026-01-02T00:00:00.000Z',
    prefill: samplePrefill({ clientId }),
    answers: { useCase: 'Team notes' },
  };
}

describe('migration list', () => {
  it('numbers migrations 1, 2, 3… without gaps, and the database version is the newest one', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual(versions.map((_version, index) => index + 1));
    expect(DATABASE_VERSION).toBe(versions.at(-1));
  });

  it.each(MIGRATIONS.map((migration) => [migration.version, migration.description] as const))('migration %i is described: %s', (_version, description) => {
    expect(description.length).toBeGreaterThan(10);
  });
});

describe('001-initial', () => {
  it('before: no database; after: the reviews and events stores with their indexes', async () => {
    const database = await openConsentGateDatabase(1);
    expect([...database.objectStoreNames].sort()).toEqual(['events', 'reviews']);
    const transaction = database.transaction(['reviews', 'events']);
    expect(transaction.objectStore('reviews').keyPath).toBe('id');
    expect([...transaction.objectStore('reviews').indexNames].sort()).toEqual(['status', 'updatedAt']);
    expect(transaction.objectStore('events').autoIncrement).toBe(true);
    expect([...transaction.objectStore('events').indexNames]).toEqual(['at']);
    database.close();
  });
});

describe('002-review-client-index', () => {
  it('before: reviews at version 1; after: the same reviews, found by provider and client id', async () => {
    const v1 = await openConsentGateDatabase(1);
    await v1.put('reviews', sampleReview('r1', 'client-a'));
    await v1.put('reviews', sampleReview('r2', 'client-b'));
    await v1.add('events', sampleEvent());
    v1.close();

    const v2 = await openConsentGateDatabase(2);
    expect(v2.version).toBe(2);
    expect(await v2.getAll('reviews')).toEqual([sampleReview('r1', 'client-a'), sampleReview('r2', 'client-b')]);
    expect((await v2.getAllFromIndex('reviews', 'client', ['google', 'client-b'])).map((review) => review.id)).toEqual(['r2']);
    expect(await v2.count('events')).toBe(1);
    v2.close();
  });

  it('nothing to migrate: an empty version 1 database upgrades to an empty current one', async () => {
    (await openConsentGateDatabase(1)).close();
    const current = await openConsentGateDatabase();
    expect(await current.count('reviews')).toBe(0);
    expect([...current.transaction('reviews').store.indexNames].sort()).toEqual(['client', 'status', 'updatedAt']);
    current.close();
  });
});

describe('003-outbox', () => {
  it('before: reviews and events at version 2; after: the same records and an empty outbox indexed by due time', async () => {
    const v2 = await openConsentGateDatabase(2);
    await v2.put('reviews', sampleReview('r1', 'client-a'));
    await v2.add('events', sampleEvent());
    v2.close();

    const v3 = await openConsentGateDatabase(3);
    expect(v3.version).toBe(3);
    expect(await v3.getAll('reviews')).toEqual([sampleReview('r1', 'client-a')]);
    expect(await v3.count('events')).toBe(1);
    const outbox = v3.transaction('outbox').store;
    expect(outbox.keyPath).toBe('id');
    expect(outbox.autoIncrement).toBe(true);
    expect([...outbox.indexNames]).toEqual(['nextAttemptAt']);
    expect(await v3.count('outbox')).toBe(0);
    v3.close();
  });

  it('nothing to migrate: a fresh database gets every store at once', async () => {
    const current = await openConsentGateDatabase();
    expect([...current.objectStoreNames].sort()).toEqual(['events', 'outbox', 'policy-state', 'reviews']);
    current.close();
  });
});

describe('005-reduce-review-prefill', () => {
  const SECRETS = ['STATE-7f3a', 'NONCE-91bc', 'jane.doe%40corp.example', 'CHALLENGE-E9Melhoa', 'SESSION-5d2e', 'TOKEN-ya29', 'invite-8812'];
  const FULL_REQUEST =
    'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234.apps.googleusercontent.com&scope=drive&response_type=code' +
    `&state=${SECRETS[0]}&nonce=${SECRETS[1]}&login_hint=${SECRETS[2]}&code_challenge=${SECRETS[3]}&code_challenge_method=S256` +
    `&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback%3Fsession%3D${SECRETS[4]}#access_token=${SECRETS[5]}`;
  const REDUCED_REQUEST =
    'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234.apps.googleusercontent.com&response_type=code&scope=drive&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback';

  function storedReview(id: string): ReviewRecord {
    return {
      ...sampleReview(id, '1234.apps.googleusercontent.com'),
      prefill: samplePrefill({
        requestUrl: FULL_REQUEST,
        redirectUri: `https://notes.example/callback?session=${SECRETS[4]}`,
        sourceUrl: `https://notes.example/settings?invite=${SECRETS[6]}`,
      }),
    };
  }

  function reducedReview(id: string): ReviewRecord {
    return {
      ...sampleReview(id, '1234.apps.googleusercontent.com'),
      prefill: samplePrefill({ requestUrl: REDUCED_REQUEST, redirectUri: 'https://notes.example/callback', sourceUrl: 'https://notes.example' }),
    };
  }

  function queued(kind: OutboxDelivery['kind'], body: string): Omit<OutboxDelivery, 'id'> {
    return { kind, url: 'https://hooks.example/intake', body, contentType: 'application/json', attempts: 2, nextAttemptAt: 1_000, createdAt: '2026-01-02T00:00:00.000Z' };
  }

  const reviewBody = (review: ReviewRecord): string => JSON.stringify({ format: 'consent-gate/review', version: 1, review });

  it('before: full addresses in reviews and queued review webhooks; after: the reviewer view, nothing else changed', async () => {
    const v3 = await openConsentGateDatabase(3);
    await v3.put('reviews', storedReview('r1'));
    await v3.add('events', sampleEvent());
    const reviewKey = await v3.add('outbox', queued('review', reviewBody(storedReview('r1'))) as OutboxDelivery);
    const eventsBody = JSON.stringify({ format: 'consent-gate/events', version: 1, events: [{ id: 'i:1', clientId: 'c' }] });
    const eventsKey = await v3.add('outbox', queued('events', eventsBody) as OutboxDelivery);
    v3.close();

    const current = await openConsentGateDatabase();
    expect(await current.get('reviews', 'r1')).toEqual(reducedReview('r1'));
    expect(await current.count('events')).toBe(1);
    const delivery = await current.get('outbox', reviewKey);
    expect(delivery).toEqual({ ...queued('review', reviewBody(reducedReview('r1'))), id: reviewKey });
    expect(await current.get('outbox', eventsKey)).toEqual({ ...queued('events', eventsBody), id: eventsKey });
    const everything = JSON.stringify([await current.getAll('reviews'), await current.getAll('outbox')]);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    current.close();
  });

  it('drops a source page without an origin and a queued review webhook whose body cannot be read', async () => {
    const v3 = await openConsentGateDatabase(3);
    await v3.put('reviews', { ...storedReview('r1'), prefill: { ...storedReview('r1').prefill, sourceUrl: 'file:///home/jane/plans.html' } });
    await v3.add('outbox', queued('review', `{"review": {"prefill": {"requestUrl": "${FULL_REQUEST}"`) as OutboxDelivery);
    v3.close();

    const current = await openConsentGateDatabase();
    const review = await current.get('reviews', 'r1');
    expect(review?.prefill).not.toHaveProperty('sourceUrl');
    expect(review?.prefill.requestUrl).toBe(REDUCED_REQUEST);
    expect(await current.count('outbox')).toBe(0);
    current.close();
  });

  it('nothing to migrate: reduced reviews and their deliveries stay exactly as they were', async () => {
    const v3 = await openConsentGateDatabase(3);
    await v3.put('reviews', reducedReview('r1'));
    await v3.put('reviews', { ...reducedReview('r2'), prefill: samplePrefill({ requestUrl: '', redirectUri: undefined, sourceUrl: undefined }) });
    const key = await v3.add('outbox', queued('review', reviewBody(reducedReview('r1'))) as OutboxDelivery);
    v3.close();

    const current = await openConsentGateDatabase();
    expect(await current.getAll('reviews')).toEqual([
      reducedReview('r1'),
      { ...reducedReview('r2'), prefill: samplePrefill({ requestUrl: '', redirectUri: undefined, sourceUrl: undefined }) },
    ]);
    expect(await current.get('outbox', key)).toEqual({ ...queued('review', reviewBody(reducedReview('r1'))), id: key });
    current.close();
  });

  it('nothing to migrate: an empty version 3 database upgrades to an empty current one', async () => {
    (await openConsentGateDatabase(3)).close();
    const current = await openConsentGateDatabase();
    expect(current.version).toBe(DATABASE_VERSION);
    expect(await current.count('reviews')).toBe(0);
    expect(await current.count('outbox')).toBe(0);
    current.close();
  });
});

describe('opening at the current version', () => {
  it('nothing to migrate: reopening keeps every record and runs no migration', async () => {
    const review = await createReview(samplePrefill({ clientId: 'kept' }));
    // As after a service-worker restart: the connection is gone, the data stays.
    forgetDatabase();
    const spies = MIGRATIONS.map((migration) => vi.spyOn(migration, 'migrate'));
    const again = await openConsentGateDatabase();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(again.version).toBe(DATABASE_VERSION);
    expect(await again.get('reviews', review.id)).toEqual(review);
    again.close();
    expect((await listReviewsForClient('google', 'kept')).map((found) => found.id)).toEqual([review.id]);
    expect(await listEvents()).toEqual([]);
  });

  it('refuses a database written by a newer version, with a message saying what to do', async () => {
    (await openDB(DATABASE_NAME, DATABASE_VERSION + 1)).close();
    await expect(getDatabase()).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'version',
      message: expect.stringMatching(/newer version of the extension/),
    });
  });

  it('reports an upgrade blocked by an old connection instead of hanging', async () => {
    const old = await openDB(DATABASE_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('reviews', { keyPath: 'id' });
      },
    });
    await expect(getDatabase()).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'blocked',
      message: expect.stringMatching(/Close the other Consent Gate tabs/),
    });
    old.close();
  });
});
