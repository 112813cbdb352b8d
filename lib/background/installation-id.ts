/**
 * This module's job is the browser: a random id of this browser profile's installation, kept in storage.local, so
 * a webhook receiver can tell installations apart and drop repeated deliveries. It identifies no person.
 */
import { browser } from 'wxt/browser';

export const INSTALLATION_ID_KEY = 'installation-id';

let pending: Promise<string> | undefined;

async function loadOrCreate(): Promise<string> {
  const stored = (await browser.storage.local.get(INSTALLATION_ID_KEY))[INSTALLATION_ID_KEY];
  if (typeof stored === 'string' && stored !== '') return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [INSTALLATION_ID_KEY]: id });
  return id;
}

export function getInstallationId(): Promise<string> {
  if (pending === undefined) {
    const loading = loadOrCreate();
    pending = loading;
    loading.catch(() => {
      if (pending === loading) pending = undefined;
    });
  }
  return pending;
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** Tests: forget the id in memory, as after a service-worker restart. */
export function resetInstallationId(): void {
  pending = undefined;
}
