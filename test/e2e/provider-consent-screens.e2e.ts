/**
 * The consent screens of Google, Microsoft, GitHub and Slack under their real host names: the overlay host carries
 * the detection in plain attributes, and the overlay tells the person what the app asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage, FIXTURE_PROVIDERS, type FixtureProvider } from './support/consent-fixtures';
import { HOST_SELECTOR, overlay } from './support/consent-gate-overlay';
import { openConsentScreen } from './support/consent-screen';
import type { ExtensionGlobals } from './support/extension-globals';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

const ORGANIZATION = { name: 'Acme Corp', supportContact: 'security@acme.example' };

describe('consent screens of the big providers', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    for (const provider of FIXTURE_PROVIDERS) await serveConsentPage(browser.context, provider);
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), { enforcement: 'warn', organization: ORGANIZATION });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(FIXTURE_PROVIDERS.map((provider) => [provider]))(
    '%s: marks the flow on the host and asks for a review of data access',
    async (provider: FixtureProvider) => {
      const scenario = SCENARIOS[provider];
      const { page, host, dialogs } = await openConsentScreen(browser, provider);
      await screenshot(page, `overlay-${provider}-needs-review-warn`);

      expect(host).toMatchObject({
        'data-provider': provider,
        'data-client-id': scenario.clientId,
        'data-verdict': 'needs-review',
        'data-enforcement': 'warn',
        'data-state': 'ready',
      });
      expect(['high', 'critical']).toContain(host['data-risk']);

      const ui = overlay(page);
      for (const action of ['start-review', 'continue', 'cancel']) expect(await ui.visible(action), action).toBe(true);
      const text = await ui.text();
      expect(text).toContain('needs a security review');
      expect(text).toContain(ORGANIZATION.name);
      expect(text).toContain(ORGANIZATION.supportContact);
      expect(dialogs).toEqual([]);
      await page.close();
    },
  );

  it('sets the action badge for the tab in the flow', async () => {
    const { page } = await openConsentScreen(browser, 'google');
    const badges = await (await browser.worker()).evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map(async (tab) => ({ text: await chrome.action.getBadgeText({ tabId: tab.id }) })));
    });
    expect(badges.some((badge) => badge.text.trim() !== '')).toBe(true);
    await page.close();
  });

  it('runs no content script on the provider\'s ordinary pages outside a flow', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://accounts.google.com/ServiceLogin?service=mail', { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(await page.locator(HOST_SELECTOR).count()).toBe(0);
    await page.close();
  });
});
