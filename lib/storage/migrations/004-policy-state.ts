import type { Migration } from './migration';

/**
 * The policy's security state (the imported local policy and its last good copy, the last good managed policy,
 * the remote config's serial, ETag and verified envelope, what was reported to the admin) moves out of
 * `storage.local`, which content scripts can write, into this store, which only the extension's own pages and
 * service worker can reach. Keys are the old storage.local key names; values are kept as they were.
 *
 * IndexedDB's upgrade transaction cannot wait for `browser.storage`, so the move has two halves: the upgrade only
 * creates the store; `moveFromStorageLocal` runs after the database opened (lib/storage/policy-state.ts) and is
 * idempotent. It records that it ran, so a key a page writes into storage.local afterwards is deleted, never moved.
 */
export const policyStateMigration: Migration = {
  version: 4,
  description: 'Create the policy-state store; policy state moves there from storage.local after opening.',
  migrate(database) {
    database.createObjectStore(POLICY_STATE_STORE_V4);
  },
};

export const POLICY_STATE_STORE_V4 = 'policy-state';

/** Set once the keys were moved: later runs only delete what reappears in storage.local. */
export const MOVED_MARKER_KEY = 'migration:004:moved-at';

/** A value that did not have the shape its key expects, kept here with the reason instead of being lost. */
export const MIGRATION_ERROR_PREFIX = 'migration-error:';

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The storage.local keys the policy code read at version 4, and what a readable value looks like. */
export const MOVED_KEYS: Readonly<Record<string, { valid: (value: unknown) => boolean; expected: string }>> = {
  policy: { valid: (value) => typeof value === 'string' || isObject(value), expected: 'policy text or a policy object' },
  'policy:last-good': { valid: isObject, expected: 'a policy object' },
  'policy:imported-at': { valid: (value) => typeof value === 'string', expected: 'an ISO time' },
  'policy:managed:last-good': { valid: (value) => isObject(value) && 'policy' in (value as object), expected: 'an object with the policy' },
  'policy:remote': { valid: (value) => isObject(value) && typeof (value as { url?: unknown }).url === 'string', expected: 'the remote config state with its url' },
  'reporting:policy-errors': { valid: isObject, expected: 'an object of reported errors' },
};

export interface StorageLocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** The part of an IDB store this step needs, so it runs on idb's wrapper and in tests alike. */
export interface PolicyStateStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

export interface MoveReport {
  moved: string[];
  broken: string[];
  /** Keys found after the move had already happened: deleted, never used. */
  discarded: string[];
}

/**
 * Moves the keys, then deletes them from storage.local. `write` runs one read-write transaction on the store.
 * A crash between the two halves is safe: the marker and the values commit together, and a later run deletes
 * the storage.local copies without reading them again.
 */
export async function moveFromStorageLocal(
  local: StorageLocalArea,
  write: <T>(work: (store: PolicyStateStore) => Promise<T>) => Promise<T>,
  now: Date,
): Promise<MoveReport> {
  const keys = Object.keys(MOVED_KEYS);
  const found = await local.get(keys);
  const present = keys.filter((key) => found[key] !== undefined);
  const report: MoveReport = { moved: [], broken: [], discarded: [] };

  await write(async (store) => {
    if ((await store.get(MOVED_MARKER_KEY)) !== undefined) {
      report.discarded.push(...present);
      return;
    }
    for (const key of present) {
      const value = found[key];
      const rule = MOVED_KEYS[key]!;
      if (!rule.valid(value)) {
        await store.put({ key, value, error: `Expected ${rule.expected}; kept here instead of being used.`, at: now.toISOString() }, `${MIGRATION_ERROR_PREFIX}${key}`);
        report.broken.push(key);
        continue;
      }
      // A value already in the store is newer than the storage.local copy (a move interrupted earlier).
      if ((await store.get(key)) === undefined) await store.put(value, key);
      report.moved.push(key);
    }
    await store.put(now.toISOString(), MOVED_MARKER_KEY);
  });
  if (present.length > 0) await local.remove(present);
  return report;
}
