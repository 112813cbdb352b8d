/**
 * Writes the local policy where the extension reads it: the `policy-state` store of its IndexedDB, key `policy`
 * (storage.local, which content scripts can write, is no longer read). Evaluated in the extension's own service
 * worker, then announced on the extension's BroadcastChannel as another extension context would.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Worker } from 'playwright-core';

export type Enforcement = 'off' | 'monitor' | 'inform' | 'warn' | 'acknowledge' | 'block';

export interface ApprovedIntegration {
  provider: string;
  clientId: string;
  scopes: string[];
  userScopes?: string[];
  resources?: string[];
  name?: string;
  owner?: string;
  approvedOn?: string;
  expiresOn?: string;
  kind?: 'production' | 'pilot' | 'exception';
  approvedBy?: string;
  decisionUrl?: string;
  notes?: string;
}

export interface BlockedIntegration {
  provider: string;
  clientId: string;
  name?: string;
  reason?: string;
  decisionUrl?: string;
}

export interface TestPolicy {
  enforcement?: Enforcement;
  approvedIntegrations?: ApprovedIntegration[];
  blockedIntegrations?: BlockedIntegration[];
  [key: string]: unknown;
}

/**
 * Runs in the service worker: waits until the extension has opened its database at a version with the
 * `policy-state` store (opening it first would create an empty version 1 and skip the migrations), then puts or
 * deletes the local policy, and announces the change on the channel the background listens to.
 */
async function writeLocalPolicy(serviceWorker: Worker, policy: TestPolicy | undefined): Promise<unknown> {
  return serviceWorker.evaluate(async (value) => {
    const deadline = Date.now() + 15_000;
    let database: IDBDatabase | undefined;
    while (database === undefined) {
      const databases = await indexedDB.databases();
      if (databases.some((entry) => entry.name === 'consent-gate')) {
        const opened = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('consent-gate');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error(`Could not open the consent-gate database: ${String(request.error)}`));
        });
        if (opened.objectStoreNames.contains('policy-state')) database = opened;
        else opened.close();
      }
      if (database === undefined) {
        if (Date.now() > deadline) throw new Error('The extension never created its policy-state store.');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    try {
      const write = database.transaction('policy-state', 'readwrite');
      if (value === undefined) write.objectStore('policy-state').delete('policy');
      else write.objectStore('policy-state').put(value, 'policy');
      await new Promise<void>((resolve, reject) => {
        write.oncomplete = () => resolve();
        write.onerror = () => reject(new Error(`Could not write the policy: ${String(write.error)}`));
      });
      const read = database.transaction('policy-state').objectStore('policy-state').get('policy');
      const stored = await new Promise<unknown>((resolve, reject) => {
        read.onsuccess = () => resolve(read.result);
        read.onerror = () => reject(new Error(`Could not read the policy back: ${String(read.error)}`));
      });
      const channel = new BroadcastChannel('consent-gate:policy-state');
      channel.postMessage({ keys: ['policy'] });
      channel.close();
      return stored;
    } finally {
      database.close();
    }
  }, policy);
}

export async function setPolicy(serviceWorker: Worker, policy: TestPolicy): Promise<void> {
  const stored = await writeLocalPolicy(serviceWorker, policy);
  if (!isDeepStrictEqual(stored, JSON.parse(JSON.stringify(policy)))) {
    throw new Error(`The policy did not reach the extension's policy state: ${JSON.stringify(stored)}`);
  }
}

export async function clearPolicy(serviceWorker: Worker): Promise<void> {
  await writeLocalPolicy(serviceWorker, undefined);
}
