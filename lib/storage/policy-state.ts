/**
 * This module's job is the browser: the policy's security state in the extension's IndexedDB (store
 * `policy-state`), where content scripts cannot write, unlike `storage.local`. Every read first makes sure the
 * one-time move from storage.local (lib/storage/migrations/004-policy-state.ts) has run in this context.
 *
 * Changes are announced on a BroadcastChannel of the extension's origin, which pages cannot join: the background
 * resolves the policy again when another extension context (or a test driving the service worker) changes it.
 * Writes made by the background itself are followed by its own re-resolve, so their announcement is skipped there.
 */
import { browser } from 'wxt/browser';
import { withDatabase } from './database';
import { moveFromStorageLocal, type MoveReport } from './migrations/004-policy-state';

export const POLICY_STATE_CHANNEL = 'consent-gate:policy-state';

/** Tells this context's own announcements apart from those of other contexts. */
const CONTEXT_ID = crypto.randomUUID();

let moving: Promise<MoveReport> | undefined;

/** Runs the move from storage.local once per context; a failed move is tried again on the next read. */
export function ensurePolicyStateMoved(now: () => Date = () => new Date()): Promise<MoveReport> {
  if (moving === undefined) {
    const attempt = withDatabase('move its policy state out of storage.local', (database) =>
      moveFromStorageLocal(
        { get: (keys) => browser.storage.local.get(keys), remove: (keys) => browser.storage.local.remove(keys) },
        async (work) => {
          const transaction = database.transaction('policy-state', 'readwrite');
          const store = transaction.objectStore('policy-state');
          const result = await work({ get: (key) => store.get(key), put: (value, key) => store.put(value, key) });
          await transaction.done;
          return result;
        },
        now(),
      ),
    );
    moving = attempt;
    attempt.then(
      (report) => {
        if (report.broken.length > 0) console.error(`Consent Gate kept unreadable policy state aside while moving it: ${report.broken.join(', ')}.`);
      },
      () => {
        if (moving === attempt) moving = undefined;
      },
    );
  }
  return moving;
}

export async function readPolicyState(keys: readonly string[]): Promise<Record<string, unknown>> {
  await ensurePolicyStateMoved();
  return withDatabase('read its policy state', async (database) => {
    const transaction = database.transaction('policy-state', 'readonly');
    const values = await Promise.all(keys.map((key) => transaction.store.get(key)));
    await transaction.done;
    const out: Record<string, unknown> = {};
    keys.forEach((key, index) => {
      if (values[index] !== undefined) out[key] = values[index];
    });
    return out;
  });
}

export async function writePolicyState(values: Record<string, unknown>): Promise<void> {
  await ensurePolicyStateMoved();
  await withDatabase('save its policy state', async (database) => {
    const transaction = database.transaction('policy-state', 'readwrite');
    await Promise.all(Object.entries(values).map(([key, value]) => transaction.store.put(value, key)));
    await transaction.done;
  });
  announce(Object.keys(values));
}

export async function removePolicyState(keys: readonly string[]): Promise<void> {
  await ensurePolicyStateMoved();
  await withDatabase('remove its policy state', async (database) => {
    const transaction = database.transaction('policy-state', 'readwrite');
    await Promise.all(keys.map((key) => transaction.store.delete(key)));
    await transaction.done;
  });
  announce(keys);
}

export interface PolicyStateChange {
  keys: string[];
}

function openChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(POLICY_STATE_CHANNEL);
  // Node (unit tests) would otherwise keep running for an open channel; browsers have no `unref`.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

let sender: BroadcastChannel | undefined;

function announce(keys: readonly string[]): void {
  sender ??= openChannel();
  sender?.postMessage({ keys: [...keys], from: CONTEXT_ID });
}

/**
 * Calls `listener` when another context changes policy state. Messages are checked for shape: the channel is the
 * extension's own, but a malformed message must not throw in the listener. Returns the function that stops it.
 */
export function onPolicyStateChanged(listener: (change: PolicyStateChange) => void): () => void {
  const channel = openChannel();
  if (channel === undefined) return () => undefined;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { keys?: unknown; from?: unknown } | null;
    if (typeof data !== 'object' || data === null || !Array.isArray(data.keys)) return;
    if (data.from === CONTEXT_ID) return;
    listener({ keys: data.keys.filter((key): key is string => typeof key === 'string') });
  };
  return () => channel.close();
}

/** Tests: forget that the move ran, as in a new context. */
export function resetPolicyStateMove(): void {
  moving = undefined;
}
