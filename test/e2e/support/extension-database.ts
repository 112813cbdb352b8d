/**
 * Reads one object store of the extension's IndexedDB (`consent-gate`) from its own service worker, read-only.
 * It never creates the database: opening a missing one would make an empty version 1 and skip the product's
 * first migration. A missing database or store reads as empty.
 */
import type { Worker } from 'playwright-core';

export async function readExtensionStore<Row>(serviceWorker: Worker, store: string): Promise<Row[]> {
  return serviceWorker.evaluate(async (storeName) => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'consent-gate')) return [];
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('consent-gate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`Could not open the consent-gate database: ${String(request.error)}`));
    });
    try {
      if (!database.objectStoreNames.contains(storeName)) return [];
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(`Could not read the ${storeName} store: ${String(request.error)}`));
      });
    } finally {
      database.close();
    }
  }, store) as Promise<Row[]>;
}
