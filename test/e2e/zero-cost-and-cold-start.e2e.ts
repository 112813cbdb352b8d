/**
 * No script of this extension runs on a consent-host page outside a flow, and nothing is lost for it: the overlay
 * still reaches every page of a flow when the service worker was asleep, had just woken, was restarted mid-flow, and
 * when a tab's flow is restored from storage (as after a browser restart that restores the tab with its session).
 *
 * "No script" is read from the browser itself: CDP reports every JavaScript context created in the page, and a
 * content script of this extension gets an isolated world whose origin is the extension's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCENARIOS, serveConsentPage, serveHtml } from './support/consent-fixtures';
import { waitForOverlayReady } from './support/consent-gate-overlay';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import type { ExtensionGlobals } from './support/extension-globals';
import { setPolicy } from './support/policy';
import { stopServiceWorker } from './support/service-worker-stop';

const google = SCENARIOS.google;
/** A consent-host page that carries no authorization request: part of a flow only when the tab is in one. */
const CONSENT_STEP = 'https://accounts.google.com/signin/oauth/consent?authuser=0';
const NEWS = 'https://www.example-news.test/';
/** A Microsoft sign-in page outside any flow: the host also serves the device-code page, which gets its own script. */
const MICROSOFT_LOGIN = 'https://login.microsoftonline.com/common/login';

interface ContextCreated {
  context: { origin: string; name: string; auxData?: { type?: string; frameId?: string } };
}

/**
 * Opens `url` in a new tab and returns the page with the origins of the extension contexts created in it, which
 * grow as the page runs. Playwright's own utility world has an empty origin and is not counted.
 */
async function openWatched(browser: ExtensionBrowser, url: string): Promise<{ page: Page; extensionContexts: string[] }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const extensionContexts: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: ContextCreated) => {
    if (event.context.origin.startsWith('chrome-extension://')) extensionContexts.push(`${event.context.origin} ${event.context.name}`);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, extensionContexts };
}

/** Lets a page run a while: a content script would have started by then, and its context been reported. */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(500);
}

/** The tab id of the only tab matching `pattern` (the consent hosts are in host_permissions, so the worker sees URLs). */
async function tabIdOf(browser: ExtensionBrowser, pattern: string): Promise<number> {
  const worker = await browser.worker();
  const ids = await worker.evaluate(async (target) => (await (globalThis as unknown as ExtensionGlobals).chrome.tabs.query({ url: target })).map((tab) => tab.id ?? -1), pattern);
  if (ids.length !== 1 || ids[0] === undefined || ids[0] < 0) throw new Error(`Expected one tab at ${pattern}, found ${JSON.stringify(ids)}`);
  return ids[0];
}

async function storedFlowIds(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const all = await (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('tab:'))
      .map(([, value]) => (value as { flowId: string }).flowId);
  });
}

describe('zero cost outside a flow, and the overlay after a cold start', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveHtml(browser.context, `${NEWS}**`, '<!doctype html><title>News</title><p>Nothing to see.</p>');
    await serveHtml(browser.context, `${MICROSOFT_LOGIN}**`, '<!doctype html><title>Sign in</title><form><input name="login"><button>Next</button></form>');
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('declares and registers no content script for the consent hosts', async () => {
    const worker = await browser.worker();
    const { declared, registered } = await worker.evaluate(async () => ({
      declared: ((globalThis as unknown as ExtensionGlobals).chrome.runtime.getManifest().content_scripts ?? []).flatMap((entry) => entry.matches ?? []),
      registered: (await (globalThis as unknown as ExtensionGlobals).chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
    }));
    expect(declared.filter((pattern) => pattern.startsWith('https://accounts.google.com/'))).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('runs no extension script on a consent-host page outside a flow, and does on a page of a flow', async () => {
    const outside = await openWatched(browser, CONSENT_STEP);
    await settle(outside.page);
    expect(outside.extensionContexts).toEqual([]);
    expect(await outside.page.locator('[data-consent-gate]').count()).toBe(0);
    await outside.page.close();

    // The same watch sees the overlay's world on a page of a flow, so the empty list above is not a blind spot.
    const inFlow = await openWatched(browser, google.authorizationUrl());
    await waitForOverlayReady(inFlow.page);
    expect(inFlow.extensionContexts).toEqual([expect.stringMatching(new RegExp(`^chrome-extension://${browser.extensionId} `))]);
    await inFlow.page.close();
  });

  it('puts the overlay on a consent page whose navigation wakes a stopped worker', async () => {
    const stopped = await stopServiceWorker(browser.context, await browser.worker());
    const page = await browser.context.newPage();
    await page.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    const host = await waitForOverlayReady(page);
    expect(host['data-client-id']).toBe(google.clientId);
    expect(await stopped.restarted(await browser.worker())).toBe(true);
    await page.close();
  });

  it('puts the overlay on a consent page that commits while the worker is just waking', async () => {
    const stopped = await stopServiceWorker(browser.context, await browser.worker());
    const page = await browser.context.newPage();
    // An ordinary page on a consent host wakes the worker (its navigation events), and the flow starts right after.
    await page.goto(CONSENT_STEP, { waitUntil: 'commit' });
    await page.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    expect((await waitForOverlayReady(page))['data-client-id']).toBe(google.clientId);
    expect(await stopped.restarted(await browser.worker())).toBe(true);
    await page.close();
  });

  it('keeps the flow and its overlay across a worker restarted mid-flow', async () => {
    const page = await browser.context.newPage();
    await page.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    await waitForOverlayReady(page);
    const before = await storedFlowIds(browser);
    const stopped = await stopServiceWorker(browser.context, await browser.worker());
    // The next step of the flow carries no request: only the stored flow tells that it belongs to one.
    await page.goto(CONSENT_STEP, { waitUntil: 'domcontentloaded' });
    expect((await waitForOverlayReady(page))['data-client-id']).toBe(google.clientId);
    expect(await stopped.restarted(await browser.worker())).toBe(true);
    expect(await storedFlowIds(browser)).toEqual(before);
    await page.close();
  });

  it('puts the overlay on a restored tab whose flow is in storage when the worker starts', async () => {
    // The flow as another tab stored it, moved to a tab that shows a consent step without any flow of its own: the
    // state a restored tab meets after a browser restart that kept its session.
    const source = await browser.context.newPage();
    await source.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    await waitForOverlayReady(source);
    const restoredUrl = `${CONSENT_STEP}&restored=1`;
    const restored = await openWatched(browser, restoredUrl);
    await settle(restored.page);
    expect(restored.extensionContexts).toEqual([]);
    const sourceTab = await tabIdOf(browser, 'https://accounts.google.com/o/oauth2/*');
    const restoredTab = await tabIdOf(browser, 'https://accounts.google.com/signin/oauth/consent*restored=1*');
    await (await browser.worker()).evaluate(
      async ([from, to]) => {
        const state = (await (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get(`tab:${from}`))[`tab:${from}`] as Record<string, unknown>;
        const { injectedDocuments: _documents, ...rest } = state;
        await (globalThis as unknown as ExtensionGlobals).chrome.storage.session.set({ [`tab:${to}`]: { ...rest, tabId: to } });
      },
      [sourceTab, restoredTab] as const,
    );
    await source.close();
    const stopped = await stopServiceWorker(browser.context, await browser.worker());

    await restored.page.reload({ waitUntil: 'domcontentloaded' });
    expect((await waitForOverlayReady(restored.page))['data-client-id']).toBe(google.clientId);
    expect(await stopped.restarted(await browser.worker())).toBe(true);
    await restored.page.close();
  });

  it.each([
    ['an ordinary page', NEWS],
    ['a Microsoft sign-in page, whose host also serves the device-code page', MICROSOFT_LOGIN],
  ])('runs no extension script on %s', async (_name, url) => {
    const { page, extensionContexts } = await openWatched(browser, url);
    await settle(page);
    expect(extensionContexts).toEqual([]);
    await page.close();
  });
});
