/**
 * This module's job is the browser: each tab's authorization flow in `storage.session` under `tab:<tabId>`, so a
 * stopped service worker loses nothing. Session storage stays in memory, is cleared when the browser closes, and
 * is out of reach of content scripts (Chromium's default access level is trusted contexts only).
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../messages/protocol';

/** The background's own bookkeeping next to the public TabState; never sent to other contexts. */
export interface StoredTabState extends TabState {
  /** The first-sight event of this flow was logged (once per flow). */
  firstSightLogged?: boolean;
  /** Documents the overlay was injected into, by the browser's documentId, newest last. */
  injectedDocuments?: string[];
}

const PREFIX = 'tab:';

/**
 * What this service worker last wrote for each tab: a synchronous peek for the one path that cannot wait for
 * storage (injecting the overlay the moment a consent page commits). storage.session stays the source of truth;
 * after a restart this starts empty and that path simply waits for storage like every other.
 */
const lastWritten = new Map<number, StoredTabState>();

export function peekTabState(tabId: number): StoredTabState | undefined {
  return lastWritten.get(tabId);
}
const MAX_REMEMBERED_DOCUMENTS = 20;

export function tabStateKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

function isStoredTabState(value: unknown): value is StoredTabState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    typeof state.flowId === 'string' &&
    typeof state.tabId === 'number' &&
    typeof state.capturedAt === 'number' &&
    typeof state.request === 'object' &&
    state.request !== null
  );
}

export async function readTabState(tabId: number): Promise<StoredTabState | undefined> {
  const key = tabStateKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isStoredTabState(stored) ? stored : undefined;
}

export async function writeTabState(state: StoredTabState): Promise<void> {
  lastWritten.set(state.tabId, state);
  await browser.storage.session.set({ [tabStateKey(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  lastWritten.delete(tabId);
  await browser.storage.session.remove(tabStateKey(tabId));
}

/** For tests that simulate a service-worker restart. */
export function forgetPeekedTabStates(): void {
  lastWritten.clear();
}

export async function listTabStates(): Promise<StoredTabState[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value)
    .filter(isStoredTabState);
}

/** The state as other contexts see it, without the background's bookkeeping. */
export function publicTabState(state: StoredTabState): TabState {
  const { firstSightLogged: _logged, injectedDocuments: _documents, ...rest } = state;
  return rest;
}

export function rememberInjectedDocument(state: StoredTabState, document: string): StoredTabState {
  const documents = [...(state.injectedDocuments ?? []).filter((known) => known !== document), document];
  return { ...state, injectedDocuments: documents.slice(-MAX_REMEMBERED_DOCUMENTS) };
}
