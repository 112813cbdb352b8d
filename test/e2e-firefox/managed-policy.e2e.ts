/**
 * Enterprise managed policy in real Firefox: the `policies.json` that the admin CLI's `deploy` writes for Firefox is
 * put where Firefox on Linux reads it, unchanged, before the browser starts. Its `3rdparty.Extensions` entry must
 * reach the add-on's `storage.managed` whole, take precedence in the background, and decide the overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../lib/extension-ids';
import { PolicySchema } from '../../lib/policy/schema';
import { SCENARIOS } from '../e2e/support/consent-fixtures';
import { startConsentHostServer, type ConsentHostServer } from './support/consent-host-server';
import { getPolicyStatus, readManagedStorage, waitForPolicyStatus } from './support/extension-page';
import { launchFirefox, type FirefoxExtensionBrowser } from './support/firefox-browser';
import { deployFirefoxPolicies, FIREFOX_POLICIES_FILE, installFirefoxPolicies, type InstalledPolicies } from './support/firefox-policies';
import { overlay, waitForOverlayReady } from './support/firefox-overlay';

const google = SCENARIOS.google;
const github = SCENARIOS.github;

const POLICY = {
  schemaVersion: 1,
  organization: { name: 'Example Corp', supportContact: 'security@example-corp.test' },
  enforcement: 'block',
  approvedIntegrations: [
    {
      name: 'Example CRM',
      provider: 'google',
      clientId: google.clientId,
      host: 'accounts.google.com',
      scopes: [...google.scopes],
      kind: 'production',
      owner: 'Dana Whitfield',
      approvedBy: 'Priya Raman',
      approvedOn: '2026-01-12',
      reviewBy: '2099-01-12',
      expiresOn: '2099-07-12',
      dataClasses: ['customer', 'communications', 'files'],
      shutdown: 'Remove the app in Google Admin console > Security > API controls; ask the vendor to delete our data.',
    },
  ],
  blockedIntegrations: [{ provider: 'github', clientId: github.clientId, name: 'Acme CI', reason: 'Copies every repository to an unvetted vendor.' }],
  allowLocalPolicy: false,
};

describe('enterprise policy from the policies.json that deploy writes for Firefox', () => {
  let server: ConsentHostServer;
  let browser: FirefoxExtensionBrowser;
  let installed: InstalledPolicies | undefined;
  let deployed: string;
  let optionsPage: Page;

  beforeAll(async () => {
    expect(PolicySchema.safeParse(POLICY).success).toBe(true);
    const { text, stdout } = await deployFirefoxPolicies(POLICY);
    expect(stdout).toContain('firefox/policies.json');
    deployed = text;
    installed = installFirefoxPolicies(deployed);
    server = await startConsentHostServer(['google', 'github']);
    browser = await launchFirefox({ hostMaps: [{ hosts: server.hosts, port: server.port }] });
    optionsPage = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await server?.close();
    } finally {
      installed?.remove();
    }
  });

  it('the deployed file names the add-on id Firefox installs it under', () => {
    const file = JSON.parse(deployed) as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } };
    expect(Object.keys(file.policies['3rdparty'].Extensions)).toEqual([browser.addonId]);
    expect(browser.addonId).toBe(FIREFOX_ADDON_ID);
  });

  it(`every value reaches browser.storage.managed unchanged from ${FIREFOX_POLICIES_FILE}`, async () => {
    expect(await readManagedStorage(optionsPage)).toEqual(POLICY);
  });

  it('the background takes every key from the managed source', async () => {
    const status = await waitForPolicyStatus(optionsPage, (current) => current.sources.managed.active, 15_000, 'the managed source active');
    for (const key of Object.keys(POLICY)) expect([key, status.origins[key]]).toEqual([key, 'managed']);
    expect(status.policy.enforcement).toBe('block');
    expect(status.policy.approvedIntegrations).toEqual(POLICY.approvedIntegrations);
    expect(status.sources.managed.error).toBeUndefined();
    expect(status.sources.local.allowed).toBe(false);
  });

  it('refuses a local policy import, as the managed policy says', async () => {
    const reply = await optionsPage.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        type: 'page/import-local-policy',
        text: '{ "enforcement": "off" }',
      }),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow a local policy/) });
    expect((await getPolicyStatus(optionsPage)).policy.enforcement).toBe('block');
  });

  it('the overlay says the managed approval applies on its consent screen', async () => {
    const page = await browser.newPage();
    await page.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-verdict': 'approved', 'data-client-id': google.clientId });
    await page.close();
  });

  it('the overlay blocks the app the managed policy blocks', async () => {
    const page = await browser.newPage();
    await page.goto(github.authorizationUrl(), { waitUntil: 'domcontentloaded' });
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-verdict': 'blocked', 'data-enforcement': 'block', 'data-client-id': github.clientId });
    expect(await overlay(page).text()).toContain('Example Corp');
    await page.close();
  });
});
