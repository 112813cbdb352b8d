/**
 * This module's job is the browser: review requests and drafts in IndexedDB. Every function rejects with a
 * StorageError whose message the popup and the review page show as is.
 */
import type { ProviderId } from '../authorization-request';
import { withDatabase } from './database';
import type { ReviewPrefill, ReviewRecord, ReviewStatus } from './records';
import { StorageError } from './storage-error';

function nowIso(): string {
  return new Date().toISOString();
}

/** Starts a draft from what the detection knew. */
export function createReview(prefill: ReviewPrefill): Promise<ReviewRecord> {
  return withDatabase('save the new review', async (database) => {
    const now = nowIso();
    const record: ReviewRecord = {
      id: crypto.randomUUID(),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      prefill,
      answers: {},
    };
    // `add`, not `put`: a colliding id must fail loudly rather than overwrite someone's review.
    await database.add('reviews', record);
    return record;
  });
}

export function getReview(id: string): Promise<ReviewRecord | undefined> {
  return withDatabase('read the review', (database) => database.get('reviews', id));
}

/** Every review, the most recently changed first. */
export function listReviews(): Promise<ReviewRecord[]> {
  return withDatabase('read the reviews', async (database) => {
    const records: ReviewRecord[] = [];
    let cursor = await database.transaction('reviews').store.index('updatedAt').openCursor(null, 'prev');
    while (cursor) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
    return records;
  });
}

/** The reviews of one app (provider + client id), any status. */
export function listReviewsForClient(provider: ProviderId, clientId: string): Promise<ReviewRecord[]> {
  return withDatabase('read the reviews', (database) => database.getAllFromIndex('reviews', 'client', [provider, clientId]));
}

/** Saves a review (autosave of a draft, or an edit); stamps `updatedAt`. Returns what was stored. */
export function putReview(record: ReviewRecord): Promise<ReviewRecord> {
  if (record.id === '') return Promise.reject(new StorageError('not-found', 'Consent Gate could not save the review: it has no id.'));
  return withDatabase('save the review', async (database) => {
    const stored: ReviewRecord = { ...record, updatedAt: nowIso() };
    await database.put('reviews', stored);
    return stored;
  });
}

export function deleteReview(id: string): Promise<void> {
  return withDatabase('delete the review', (database) => database.delete('reviews', id));
}

/** Changes the status in one transaction, so a concurrent autosave of the answers is never overwritten. */
export function setReviewStatus(id: string, status: ReviewStatus): Promise<ReviewRecord> {
  return withDatabase('change the review status', async (database) => {
    const transaction = database.transaction('reviews', 'readwrite');
    const current = await transaction.store.get(id);
    if (current === undefined) {
      transaction.abort();
      // `done` rejects with the AbortError this abort causes; the not-found error below is the one that matters.
      await transaction.done.catch(() => undefined);
      throw new StorageError('not-found', 'Consent Gate could not change the review status: the review no longer exists (it may have been deleted).');
    }
    const now = nowIso();
    const updated: ReviewRecord = {
      ...current,
      status,
      updatedAt: now,
      ...(status === 'submitted' && current.submittedAt === undefined ? { submittedAt: now } : {}),
    };
    await transaction.store.put(updated);
    await transaction.done;
    return updated;
  });
}
