/**
 * The background on the fake browser: a fresh browser, IndexedDB and policy cache per test, the APIs the fake
 * lacks (scripting, webNavigation.getFrame, tabs.goBack) stubbed, and helpers that deliver events the way the
 * browser does (messages with an explicit sender; navigations as webNavigation details).
 */
import { forgetPeekedTabStates } from '../../../lib/background/tab-state-store';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PolicyInput } from '../../../lib/policy/schema';
import { detachedWorkDone, runDetached } from '../../../lib/background/detached-work';
import { resetInstallationId } from '../../../lib/background/installation-id';
import { outboxIdle, resetOutbox } from '../../../lib/background/outbox';
import { invalidatePolicy, POLICY_STORAGE_KEY, resetPolicyCache } from '../../../lib/background/policy-cache';
import { applyPolicy } from '../../../lib/background/policy-changes';
import { removePolicyState, writePolicyState } from '../../../lib/storage/policy-state';
import { registerBackground } from '../../../lib/background/register-background';
import { tabQueue } from '../../../lib/background/tab-queue';
import type { StoredTabState } from '../../../lib/background/tab-state-store';
import type { Message, MessageReplies, MessageType } from '../../../lib/messages/protocol';
import { useFreshIndexedDb } from '../storage/fresh-indexeddb';

export const GOOGLE_CLIENT = '123.apps.googleusercontent.com';
export const SOURCE_PAGE = 'https://notes.example/settings/integrations';

export const URLS = {
  googleSignIn: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${GOOGLE_CLIENT}&response_type=code&scope=openid%20email&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback`,
  googleDrive: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${GOOGLE_CLIENT}&response_type=code&scope=https://www.googleapis.com/auth/drive&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback&access_type=offline`,
  googleChooser: `https://accounts.google.com/o/oauth2/v2/auth/oauthchooseaccount?client_id=${GOOGLE_CLIENT}&response_type=code&scope=https://www.googleapis.com/auth/drive&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback&access_type=offline&flowName=GeneralOAuthFlow`,
  googleSignInPage: 'https://accounts.google.com/v3/signin/identifier?flowName=GeneralOAuthFlow',
  googleConsentPage: 'https://accounts.google.com/signin/oauth/consent?authuser=0&part=AJi8',
  callback: 'https://notes.example/callback?code=4%2F0Ad&state=xyz',
  /** A company identity provider the content script does not run on. */
  genericWrite: 'https://sso.acme-idp.example/oauth2/authorize?client_id=notes-app&response_type=code&scope=files.read%20files.write&redirect_uri=https%3A%2F%2Fnotes.example%2Fcallback',
  genericLogin: 'https://sso.acme-idp.example/login?next=%2Foauth2%2Fauthorize',
  unrelated: 'https://news.example/today',
} as const;

export const executeScript = vi.fn(async (_injection: { files?: string[]; func?: unknown; args?: unknown[] }) => [] as unknown[]);

/** The overlay-file injections among the executeScript calls (each is preceded by one that seeds its first view). */
export function overlayFileInjections(): { target: unknown; files?: string[] }[] {
  return executeScript.mock.calls.map(([injection]) => injection as { target: unknown; files?: string[] }).filter((injection) => injection.files !== undefined);
}
export const getFrame = vi.fn(async (_details: { tabId: number; frameId: number }) => ({ url: SOURCE_PAGE, parentFrameId: -1, errorOccurred: false }) as { url: string } | null);
/** The fake browser does not implement it; the background calls it at start. */
export const setAccessLevel = vi.fn(async (_options: { accessLevel: string }) => undefined);
export const goBack = vi.fn(async (_tabId?: number) => undefined);
/** The network: every test that expects a request answers it; anything else fails as if offline. */
export const fetchMock = vi.fn(async (_url: string, _init?: RequestInit): Promise<Response> => {
  throw new TypeError('Failed to fetch');
});

/** Resets everything a test may have touched and installs the stubs. Call in beforeEach. */
export function resetBackground(): void {
  backgroundStarted = false;
  fakeBrowser.reset();
  useFreshIndexedDb();
  forgetPeekedTabStates();
  resetPolicyCache();
  resetOutbox();
  resetInstallationId();
  fetchMock.mockReset().mockImplementation(async () => {
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetchMock);
  executeScript.mockReset().mockImplementation(async () => []);
  getFrame.mockReset().mockImplementation(async () => ({ url: SOURCE_PAGE, parentFrameId: -1, errorOccurred: false }));
  goBack.mockReset().mockImplementation(async () => undefined);
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.webNavigation, { getFrame });
  Object.assign(fakeBrowser.tabs, { goBack });
  setAccessLevel.mockReset().mockImplementation(async () => undefined);
  Object.assign(fakeBrowser.storage.session, { setAccessLevel });
  setManifestPermissions(['storage', 'webNavigation', 'scripting', 'activeTab', 'notifications', 'alarms']);
}

/** As a service-worker restart: memory is gone, storage.local, session storage and IndexedDB (with the policy state) stay. */
export function restartWorker(): void {
  backgroundStarted = false;
  forgetPeekedTabStates();
  resetPolicyCache();
  resetOutbox();
  resetInstallationId();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  fakeBrowser.webNavigation.onBeforeNavigate.removeAllListeners();
  fakeBrowser.webNavigation.onCommitted.removeAllListeners();
  fakeBrowser.webNavigation.onTabReplaced.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
}

/** Waits for everything listeners started and did not wait for (policy applied, remote checks, webhook sends). */
export async function settleBackground(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    await detachedWorkDone();
    await outboxIdle();
  }
}

/** Installs (or, with `{}`, removes) the enterprise managed policy, as the browser does when the admin changes it. */
export async function setManagedPolicy(values: Record<string, unknown>): Promise<void> {
  const current = await fakeBrowser.storage.managed.get(null);
  const removed = Object.keys(current).filter((key) => !(key in values));
  if (removed.length > 0) await fakeBrowser.storage.managed.remove(removed);
  if (Object.keys(values).length > 0) await fakeBrowser.storage.managed.set(values);
}

/** Fires an alarm as the browser does when it is due. */
export async function fireAlarm(name: string): Promise<void> {
  const alarm = await fakeBrowser.alarms.get(name);
  await fakeBrowser.alarms.onAlarm.trigger(alarm ?? { name, scheduledTime: Date.now() });
  await settleBackground();
}

/** A fetch answer the way the background reads it. */
export function httpResponse(status: number, body = '', headers: Record<string, string> = {}): Response {
  return new Response(status === 304 || status === 204 ? null : body, { status, headers });
}

/** The fake browser has no manifest; the background reads its permissions from it. */
export function setManifestPermissions(permissions: string[]): void {
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'Consent Gate', version: '0.1.0', permissions }),
  });
}

/** As the browser starts the service worker: registers the listeners and waits for the start-up work. */
let backgroundStarted = false;

export async function startBackground(): Promise<void> {
  backgroundStarted = true;
  await registerBackground();
}

/** Waits until everything queued for the tab (navigations, messages) has run. */
export function settle(tabId: number): Promise<void> {
  return tabQueue.run(tabId, async () => undefined);
}

export async function navigate(
  tabId: number,
  url: string,
  phase: 'before-navigate' | 'committed' | 'both' = 'both',
  transition: { transitionType?: string; transitionQualifiers?: string[] } = {},
): Promise<void> {
  const details = { tabId, frameId: 0, url, parentFrameId: -1, timeStamp: Date.now(), processId: 1 };
  if (phase !== 'committed') await fakeBrowser.webNavigation.onBeforeNavigate.trigger(details as never);
  if (phase !== 'before-navigate') {
    await fakeBrowser.webNavigation.onCommitted.trigger({ ...details, transitionType: 'link', transitionQualifiers: [], ...transition } as never);
  }
  await settle(tabId);
}

/**
 * Stores the local policy where the background reads it (IndexedDB policy state) and, once the background runs,
 * applies it as the background does after another extension context changed it.
 */
export async function setPolicy(policy: PolicyInput | string): Promise<void> {
  await writePolicyState({ [POLICY_STORAGE_KEY]: policy });
  invalidatePolicy();
  if (backgroundStarted) void runDetached('apply the new policy', applyPolicy(Date.now()));
}

/** Removes the local policy, as `setPolicy` stores it. */
export async function removePolicy(): Promise<void> {
  await removePolicyState([POLICY_STORAGE_KEY]);
  invalidatePolicy();
  if (backgroundStarted) void runDetached('apply the new policy', applyPolicy(Date.now()));
}

export async function storedState(tabId: number): Promise<StoredTabState | undefined> {
  const key = `tab:${tabId}`;
  return (await fakeBrowser.storage.session.get(key))[key] as StoredTabState | undefined;
}

export function contentSender(tabId: number, url: string, extras: { documentId?: string; frameId?: number; index?: number } = {}) {
  return {
    id: fakeBrowser.runtime.id,
    url,
    origin: new URL(url).origin,
    tab: { id: tabId, index: extras.index ?? 0, windowId: 0 },
    frameId: extras.frameId ?? 0,
    ...(extras.documentId === undefined ? {} : { documentId: extras.documentId }),
  };
}

export function pageSender(path = '/popup.html') {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(path as never) };
}

/** Delivers a message the way the browser does, with the sender it sets, and returns the background's reply. */
export async function deliver<T extends MessageType>(message: { type: T } & Message<T>, sender: object): Promise<MessageReplies[T]> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  return (await replies[0]) as MessageReplies[T];
}

export async function deliverRaw(message: unknown, sender: object): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  return await replies[0];
}
