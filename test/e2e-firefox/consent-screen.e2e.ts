/**
 * Detection and the overlay in real Firefox: the shipped Firefox build on fixture consent screens served under the
 * providers' real host names. Firefox 153 gives the add-on a `documentId`; Firefox 140 to 152, which the manifest
 * also supports, do not, and the add-on then depends on the greeting script alone. Both are run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../e2e/support/consent-fixtures';
import { startConsentHostServer, type ConsentHostServer } from './support/consent-host-server';
import { withoutDocumentIdCopy } from './support/firefox-before-153';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type FirefoxExtensionBrowser } from './support/firefox-browser';
import { overlay, readHostAttributes, waitForOverlayReady } from './support/firefox-overlay';
import { readSessionStorage } from './support/extension-page';
import { FIREFOX_ADDON_ID } from '../../lib/extension-ids';
import type { Page } from 'puppeteer-core';

const google = SCENARIOS.google;
const github = SCENARIOS.github;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The documents the background recorded as carrying the overlay, across all tabs. */
async function injectedDocuments(extensionPage: Page): Promise<string[]> {
  const session = await readSessionStorage(extensionPage);
  return Object.entries(session)
    .filter(([key]) => key.startsWith('tab:'))
    .flatMap(([, state]) => (state as { injectedDocuments?: string[] }).injectedDocuments ?? []);
}

async function openAuthorizationUrl(browser: FirefoxExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

// One browser for the file: the add-on without documentId is installed into it after the shipped one is removed.
let server: ConsentHostServer;
let browser: FirefoxExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  server = await startConsentHostServer(['google', 'github']);
  browser = await launchFirefox({ hostMaps: [{ hosts: server.hosts, port: server.port }] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox 153: consent screens', () => {
  beforeAll(async () => {
    extensionPage = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await extensionPage?.close();
  });

  it('installs the add-on under the id the enterprise policy files name', () => {
    expect(browser.addonId).toBe(FIREFOX_ADDON_ID);
  });

  it('detects a Google authorization request and shows what it asks for on the consent screen', async () => {
    const page = await openAuthorizationUrl(browser, google.authorizationUrl());
    const host = await waitForOverlayReady(page);
    expect(host).toMatchObject({ 'data-provider': 'google', 'data-client-id': google.clientId, 'data-verdict': 'needs-review', 'data-enforcement': 'warn' });
    expect(['high', 'critical']).toContain(host['data-risk']);
    const text = await overlay(page).text();
    expect(text).toContain('gmail.readonly');
    expect(text).toMatch(/offline/i);
    // The app's name comes from the consent page itself (the fixture's "Acme Notes").
    expect(await overlay(page).textOf('app-name')).toBe('Acme Notes');
    // Firefox 153 names documents: the background recorded this one by its documentId, not by its URL.
    const documents = await injectedDocuments(extensionPage);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) expect(document).toMatch(UUID);
    await page.close();
  });

  it('puts the overlay back on a reload of the consent page', async () => {
    const page = await openAuthorizationUrl(browser, github.authorizationUrl());
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'github', 'data-client-id': github.clientId });
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'github', 'data-client-id': github.clientId });
    expect(await overlay(page).text()).toContain('repo');
    await page.close();
  });

  it('steps aside when the person continues in warn mode', async () => {
    const page = await openAuthorizationUrl(browser, github.authorizationUrl());
    await waitForOverlayReady(page);
    expect(await overlay(page).visible('continue')).toBe(true);
    await overlay(page).click('continue');
    await expect.poll(() => overlay(page).visible('continue'), { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('leaves a consent-host page outside any flow alone', async () => {
    const page = await openAuthorizationUrl(browser, 'https://accounts.google.com/ServiceLogin?hl=en');
    // The greeting script's answer and an injection both take well under this; nothing may come.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await readHostAttributes(page)).toBeNull();
    await page.close();
  });
});

describe('Firefox 140 to 152: no documentId', () => {
  let copy: ReturnType<typeof withoutDocumentIdCopy>;

  beforeAll(async () => {
    copy = withoutDocumentIdCopy(FIREFOX_EXTENSION_DIR);
    await browser.reinstall(copy.directory);
    extensionPage = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await extensionPage?.close();
    copy?.remove();
  });

  it('shows the overlay through the greeting alone, and records no document it cannot name', async () => {
    const page = await openAuthorizationUrl(browser, google.authorizationUrl());
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'google', 'data-client-id': google.clientId, 'data-verdict': 'needs-review' });
    expect(await overlay(page).text()).toContain('gmail.readonly');
    expect(await injectedDocuments(extensionPage)).toEqual([]);
    await page.close();
  });

  it('puts the overlay back on a reload of the same consent page', async () => {
    const page = await openAuthorizationUrl(browser, github.authorizationUrl());
    await waitForOverlayReady(page);
    for (let reload = 1; reload <= 2; reload++) {
      await page.reload({ waitUntil: 'domcontentloaded' });
      expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'github', 'data-client-id': github.clientId });
    }
    await page.close();
  });

  it('follows another app in the same tab', async () => {
    const page = await openAuthorizationUrl(browser, google.authorizationUrl());
    await waitForOverlayReady(page);
    await page.goto(github.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'github', 'data-client-id': github.clientId });
    expect(await overlay(page).text()).not.toContain('gmail.readonly');
    await page.close();
  });
});
