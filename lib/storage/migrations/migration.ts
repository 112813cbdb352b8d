/**
 * One step of the IndexedDB schema. Migrations see the database untyped on purpose: each one is written against
 * the shape of its own version, not today's types, so it keeps working after later changes.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';

export type UpgradeDatabase = IDBPDatabase<unknown>;
export type UpgradeTransaction = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;

export interface Migration {
  /** The database version this migration produces; migrations run in order for every version above the old one. */
  version: number;
  description: string;
  /** Runs inside the `versionchange` transaction: await only requests of `transaction`, nothing else. */
  migrate(database: UpgradeDatabase, transaction: UpgradeTransaction): void | Promise<void>;
}
