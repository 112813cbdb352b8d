import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openConsentGateDatabase } from '../../../lib/storage/database';
import { MIGRATION_ERROR_PREFIX, MOVED_KEYS, MOVED_MARKER_KEY } from '../../../lib/storage/migrations/004-policy-state';
import { ensurePolicyStateMoved, readPolicyState, resetPolicyStateMove } from '../../../lib/storage/policy-state';
import { createReview, getReview } from '../../../lib/storage/reviews';
import { useFreshIndexedDb } from './fresh-indexeddb';
import { samplePrefill } from './sample-records';

const NOW = new Date('2026-03-01T10:00:00.000Z');

/** What an install of the previous version kept in storage.local. */
const BEFORE = {
  policy: '// team policy\n{ "enforcement": "block" }',
  'policy:last-good': { enforcement: 'block' },
  'policy:imported-at': '2026-02-01T09:00:00.000Z',
  'policy:managed:last-good': { policy: { enforcement: 'acknowledge' }, updatedAt: '2026-02-02T00:00:00.000Z' },
  'policy:remote': { url: 'https://config.example/policy.json', publicKey: 'AAAA', state: { serial: 7, etag: '"v7"' }, failures: 0 },
  'reporting:policy-errors': { managed: 'The managed policy has 1 problem' },
};
const UNRELATED = { 'installation-id': 'abc', 'reminders:shown': { x: '2026-02-01' } };

beforeEach(() => {
  fakeBrowser.reset();
  useFreshIndexedDb();
  resetPolicyStateMove();
});

async function storeContents(): Promise<Record<string, unknown>> {
  const database = await openConsentGateDatabase();
  const transaction = database.transaction('policy-state');
  const keys = await transaction.store.getAllKeys();
  const values = await transaction.store.getAll();
  database.close();
  return Object.fromEntries(keys.map((key, index) => [key, values[index]]));
}

describe('004-policy-state', () => {
  it('upgrading a version 3 database creates the store and keeps every review', async () => {
    const old = await openConsentGateDatabase(3);
    expect([...old.objectStoreNames]).not.toContain('policy-state');
    old.close();
    const review = await createReview(samplePrefill({ clientId: 'kept' }));
    const current = await openConsentGateDatabase();
    expect([...current.objectStoreNames]).toContain('policy-state');
    current.close();
    expect(await getReview(review.id)).toEqual(review);
  });

  it('before/after: every policy key moves with its value intact and leaves storage.local', async () => {
    await fakeBrowser.storage.local.set({ ...BEFORE, ...UNRELATED });
    const report = await ensurePolicyStateMoved(() => NOW);
    expect(report).toEqual({ moved: Object.keys(BEFORE), broken: [], discarded: [] });
    expect(await readPolicyState(Object.keys(BEFORE))).toEqual(BEFORE);
    expect(await fakeBrowser.storage.local.get(Object.keys(BEFORE))).toEqual({});
    // Keys that are not the policy's stay where they are.
    expect(await fakeBrowser.storage.local.get(Object.keys(UNRELATED))).toEqual(UNRELATED);
    expect((await storeContents())[MOVED_MARKER_KEY]).toBe(NOW.toISOString());
  });

  it('nothing to migrate: only the marker is written, storage.local is untouched', async () => {
    await fakeBrowser.storage.local.set(UNRELATED);
    const report = await ensurePolicyStateMoved(() => NOW);
    expect(report).toEqual({ moved: [], broken: [], discarded: [] });
    expect(await storeContents()).toEqual({ [MOVED_MARKER_KEY]: NOW.toISOString() });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(UNRELATED);
  });

  it('a broken value is kept aside as an error, not lost and not used', async () => {
    await fakeBrowser.storage.local.set({ ...BEFORE, 'policy:remote': 'corrupted', 'policy:imported-at': 42 });
    const report = await ensurePolicyStateMoved(() => NOW);
    expect(report.broken).toEqual(['policy:imported-at', 'policy:remote']);
    const contents = await storeContents();
    expect(contents['policy:remote']).toBeUndefined();
    expect(contents[`${MIGRATION_ERROR_PREFIX}policy:remote`]).toEqual({
      key: 'policy:remote',
      value: 'corrupted',
      error: `Expected ${MOVED_KEYS['policy:remote']!.expected}; kept here instead of being used.`,
      at: NOW.toISOString(),
    });
    expect(contents[`${MIGRATION_ERROR_PREFIX}policy:imported-at`]).toMatchObject({ value: 42 });
    expect(contents.policy).toBe(BEFORE.policy);
    expect(await fakeBrowser.storage.local.get(Object.keys(BEFORE))).toEqual({});
  });

  it('runs once: a key written into storage.local afterwards (by a page) is deleted, never moved', async () => {
    await fakeBrowser.storage.local.set(BEFORE);
    await ensurePolicyStateMoved(() => NOW);
    await fakeBrowser.storage.local.set({ policy: { enforcement: 'off' } });
    resetPolicyStateMove();
    const report = await ensurePolicyStateMoved(() => NOW);
    expect(report).toEqual({ moved: [], broken: [], discarded: ['policy'] });
    expect((await readPolicyState(['policy'])).policy).toBe(BEFORE.policy);
    expect(await fakeBrowser.storage.local.get('policy')).toEqual({});
  });

  it('an interrupted move is finished, and a value already moved wins over its storage.local copy', async () => {
    const database = await openConsentGateDatabase();
    await database.put('policy-state', { enforcement: 'monitor' }, 'policy:last-good');
    database.close();
    await fakeBrowser.storage.local.set(BEFORE);
    await ensurePolicyStateMoved(() => NOW);
    expect((await readPolicyState(['policy:last-good']))['policy:last-good']).toEqual({ enforcement: 'monitor' });
    expect(await fakeBrowser.storage.local.get(Object.keys(BEFORE))).toEqual({});
  });
});
