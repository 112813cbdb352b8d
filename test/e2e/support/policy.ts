/**
 * Writes the admin policy where the extension reads it: `chrome.storage.local`, key `policy`.
 * Evaluated in the extension's own service worker, so it goes through the real storage area.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Worker } from 'playwright-core';
import type { ExtensionGlobals } from './extension-globals';

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
}

export interface BlockedIntegration {
  provider: string;
  clientId: string;
  name?: string;
  reason?: string;
}

export interface TestPolicy {
  enforcement?: Enforcement;
  approvedIntegrations?: ApprovedIntegration[];
  blockedIntegrations?: BlockedIntegration[];
  [key: string]: unknown;
}

export async function setPolicy(serviceWorker: Worker, policy: TestPolicy): Promise<void> {
  await serviceWorker.evaluate((value) => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.set({ policy: value }), policy);
  const stored = await serviceWorker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('policy'));
  if (!isDeepStrictEqual(stored.policy, JSON.parse(JSON.stringify(policy)))) {
    throw new Error(`The policy did not reach chrome.storage.local: ${JSON.stringify(stored)}`);
  }
}

export async function clearPolicy(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.remove('policy'));
}
