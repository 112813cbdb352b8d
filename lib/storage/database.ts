/**
 * This module's job is the browser: it opens Consent Gate's IndexedDB database through `idb`, runs the numbered
 * migrations in lib/storage/migrations/, and turns every failure into a StorageError a person understands.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProviderId } from '../authorization-request';
import type { ConsentEvent, OutboxDelivery, ReviewRecord, ReviewStatus } from './records';
import { MIGRATIONS } from './migrations';
import type { UpgradeDatabase, UpgradeTransaction } from './migrations/migration';
import { StorageError, toStorageError } from './storage-error';

export const DATABASE_NAME = 'consent-gate';
/** The newest migration's version. Versions only ever increase; a number reserved for a migration in progress may be missing. */
export const DATABASE_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 1;

export interface ConsentGateSchema extends DBSchema {
  reviews: {
    key: string;
    value: ReviewRecord;
    indexes: { status: ReviewStatus; updatedAt: string; client: [ProviderId, string] };
  };
  events: {
    key: number;
    value: ConsentEvent;
    indexes: { at: string };
  };
  outbox: {
    key: number;
    value: OutboxDelivery;
    indexes: { nextAttemptAt: number };
  };
  /** The policy's security state, out of reach of content scripts (lib/storage/policy-state.ts). */
  'policy-state': {
    key: string;
    value: unknown;
  };
}

export type ConsentGateDatabase = IDBPDatabase<ConsentGateSchema>;

/** Runs every migration above `oldVersion` up to `newVersion`, in order, inside the upgrade transaction. */
export async function runMigrations(
  database: UpgradeDatabase,
  transaction: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (const migration of MIGRATIONS) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      // Synchronous migrations must not await: the upgrade transaction only stays active within its own requests.
      const pending = migration.migrate(database, transaction);
      if (pending !== undefined) await pending;
    }
  }
}

/**
 * Opens the database at `version` (tests open older versions to exercise migrations). Rejects with a
 * StorageError when another page of an older version keeps the database open (`blocked`), instead of hanging.
 */
export function openConsentGateDatabase(version: number = DATABASE_VERSION): Promise<ConsentGateDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let opened: ConsentGateDatabase | undefined;
    openDB<ConsentGateSchema>(DATABASE_NAME, version, {
      upgrade(database, oldVersion, newVersion, transaction) {
        // Untyped on purpose (see migrations/migration.ts); the promise is awaited by idb's upgrade transaction.
        void runMigrations(
          database as unknown as UpgradeDatabase,
          transaction as unknown as UpgradeTransaction,
          oldVersion,
          newVersion ?? version,
        ).catch((error: unknown) => {
          transaction.abort();
          if (!settled) {
            settled = true;
            reject(toStorageError(error, 'upgrade its local database'));
          }
        });
      },
      blocked() {
        if (settled) return;
        settled = true;
        reject(
          new StorageError(
            'blocked',
            'Consent Gate could not open its local database: another Consent Gate page from an older version still has it open. Close the other Consent Gate tabs and windows, then try again.',
          ),
        );
      },
      blocking() {
        // A newer version of the extension wants to upgrade: step aside so it is not blocked by us.
        opened?.close();
        if (opened !== undefined && opened === cachedConnection) forgetDatabase();
      },
      terminated() {
        // The browser closed the connection abnormally (disk error, site data cleared): reopen on next use.
        if (opened !== undefined && opened === cachedConnection) forgetDatabase();
      },
    }).then(
      (database) => {
        opened = database;
        if (settled) {
          // The caller already got a `blocked` error; do not leak the connection that finally opened.
          database.close();
          return;
        }
        settled = true;
        resolve(database);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(toStorageError(error, 'open its local database'));
      },
    );
  });
}

let cachedDatabase: Promise<ConsentGateDatabase> | undefined;
let cachedConnection: ConsentGateDatabase | undefined;

/** The shared connection of this context, opened on first use. */
export function getDatabase(): Promise<ConsentGateDatabase> {
  if (cachedDatabase === undefined) {
    const opening = openConsentGateDatabase();
    cachedDatabase = opening;
    opening.then(
      (database) => {
        if (cachedDatabase === opening) cachedConnection = database;
      },
      () => {
        // A failed open must not stick: the next call tries again (the person may have freed space or closed a tab).
        if (cachedDatabase === opening) cachedDatabase = undefined;
      },
    );
  }
  return cachedDatabase;
}

/** Closes and forgets the shared connection; the next call opens a new one. Tests call it between cases. */
export function forgetDatabase(): void {
  const current = cachedDatabase;
  cachedDatabase = undefined;
  cachedConnection = undefined;
  current?.then(
    (database) => database.close(),
    () => undefined,
  );
}

function isClosedConnection(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'InvalidStateError';
}

/**
 * Runs `work` on the shared connection. `action` completes "Consent Gate could not …" in error messages. A
 * connection the browser closed under us (InvalidStateError when starting a transaction) is reopened once.
 */
export async function withDatabase<T>(action: string, work: (database: ConsentGateDatabase) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    let database: ConsentGateDatabase;
    try {
      database = await getDatabase();
    } catch (error) {
      throw toStorageError(error, action);
    }
    try {
      return await work(database);
    } catch (error) {
      if (attempt === 0 && isClosedConnection(error)) {
        forgetDatabase();
        continue;
      }
      throw toStorageError(error, action);
    }
  }
}
