import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import {
  createReview,
  deleteReview,
  getReview,
  listReviews,
  listReviewsForClient,
  putReview,
  setReviewStatus,
} from '../../../lib/storage/reviews';
import { REVIEW_STATUSES } from '../../../lib/storage/records';
import { StorageError } from '../../../lib/storage/storage-error';
import { getDatabase } from '../../../lib/storage/database';
import { useFreshIndexedDb } from './fresh-indexeddb';
import { samplePrefill } from './sample-records';

beforeEach(() => {
  useFreshIndexedDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reviews', () => {
  it('creates a draft with the prefill and no answers', async () => {
    const review = await createReview(samplePrefill());
    expect(review).toMatchObject({ status: 'draft', answers: {}, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' });
    expect(review.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getReview(review.id)).toEqual(review);
  });

  it('returns undefined for an unknown id', async () => {
    expect(await getReview('missing')).toBeUndefined();
  });

  it('lists the most recently changed first', async () => {
    const first = await createReview(samplePrefill({ appName: 'First' }));
    vi.setSystemTime(new Date('2026-03-01T11:00:00.000Z'));
    const second = await createReview(samplePrefill({ appName: 'Second' }));
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'));
    await putReview({ ...first, answers: { useCase: 'Share notes with the team' } });

    const listed = await listReviews();
    expect(listed.map((review) => review.prefill.appName)).toEqual(['First', 'Second']);
    expect(listed[0]).toMatchObject({ id: first.id, updatedAt: '2026-03-01T12:00:00.000Z', answers: { useCase: 'Share notes with the team' } });
    expect(listed[1]?.id).toBe(second.id);
  });

  it('keeps a half-written draft exactly as given', async () => {
    const review = await createReview(samplePrefill());
    const answers = { useCase: 'Sync', systems: ['CRM'], owner: '' };
    await putReview({ ...review, answers });
    expect((await getReview(review.id))?.answers).toEqual(answers);
  });

  it('deletes a review', async () => {
    const review = await createReview(samplePrefill());
    await deleteReview(review.id);
    expect(await getReview(review.id)).toBeUndefined();
    expect(await listReviews()).toEqual([]);
  });

  it.each(REVIEW_STATUSES)('sets the status to %s', async (status) => {
    const review = await createReview(samplePrefill());
    vi.setSystemTime(new Date('2026-03-02T09:00:00.000Z'));
    const updated = await setReviewStatus(review.id, status);
    expect(updated.status).toBe(status);
    expect(updated.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(updated.submittedAt).toBe(status === 'submitted' ? '2026-03-02T09:00:00.000Z' : undefined);
    expect(await getReview(review.id)).toEqual(updated);
  });

  it('keeps the first submission time when a review is submitted again', async () => {
    const review = await createReview(samplePrefill());
    await setReviewStatus(review.id, 'submitted');
    vi.setSystemTime(new Date('2026-03-05T09:00:00.000Z'));
    const again = await setReviewStatus(review.id, 'submitted');
    expect(again.submittedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses to change the status of a review that does not exist', async () => {
    const error = await setReviewStatus('missing', 'approved').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'not-found' });
    expect((error as Error).message).toMatch(/no longer exists/);
  });

  it('finds the reviews of one app by provider and client id', async () => {
    const a = await createReview(samplePrefill({ clientId: 'a' }));
    await createReview(samplePrefill({ clientId: 'b' }));
    await createReview(samplePrefill({ provider: 'slack', clientId: 'a' }));
    expect((await listReviewsForClient('google', 'a')).map((review) => review.id)).toEqual([a.id]);
  });

  it('reports a full disk as a quota error the person understands, and keeps what was saved', async () => {
    const saved = await createReview(samplePrefill());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await putReview({ ...saved, answers: { useCase: 'x' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as Error).message).toMatch(/could not save the review: the disk is full/);
    vi.restoreAllMocks();
    expect((await getReview(saved.id))?.answers).toEqual({});
  });

  it('reports a quota error on create too', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(createReview(samplePrefill())).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
  });

  it('reopens a connection the browser closed', async () => {
    const review = await createReview(samplePrefill());
    (await getDatabase()).close();
    expect(await getReview(review.id)).toEqual(review);
  });

  it('reports a database it cannot open', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Access denied', 'SecurityError');
    });
    await expect(listReviews()).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
  });
});
