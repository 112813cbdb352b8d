import { IDBFactory } from 'fake-indexeddb';
import { forgetDatabase } from '../../../lib/storage/database';

/** A new, empty IndexedDB for each test, and no connection cached from the previous one. */
export function useFreshIndexedDb(): void {
  forgetDatabase();
  globalThis.indexedDB = new IDBFactory();
}
