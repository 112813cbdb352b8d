/**
 * Every verdict (approved, allowed, needs-review, blocked) and every enforcement mode (off, monitor, inform, warn,
 * acknowledge, block) on Google's consent screen, with the policy written where an admin's lands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay, readHostAttributes } from './support/consent-gate-overlay';
import { waitForConsentEvent } from './support/consent-events';
import { openConsentScreen } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy, type TestPolicy } from './support/policy';

const google = SCENARIOS.google;
const SIGN_IN_ONLY = ['openid', 'email', 'profile'];
const ACTIONS = ['start-review', 'continue', 'cancel', 'request-review'] as const;

async function visibleActions(page: Page): Promise<string[]> {
  const ui = overlay(page);
  if (!(await ui.mounted())) return [];
  const shown: string[] = [];
  for (const action of ACTIONS) if (await ui.visible(action)) shown.push(action);
  return shown;
}

/** Waits until the overlay's actions are the expected ones (the overlay re-renders after an action). */
async function expectActions(page: Page, expected: string[], timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let shown = await visibleActions(page);
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await visibleActions(page);
  }
  expect(shown).toEqual(expected);
}

describe('verdicts and enforcement modes', () => {
  let browser: ExtensionBrowser;

  async function usePolicy(policy: TestPolicy): Promise<void> {
    await setPolicy(await browser.worker(), policy);
  }

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('verdicts (enforcement: warn)', () => {
    // `shows`: exactly these actions; blocked only has to offer a review and never "Continue anyway".
    const cases: { verdict: string; policy: TestPolicy; scopes?: string[]; actions: string[] }[] = [
      {
        verdict: 'approved',
        policy: {
          enforcement: 'warn',
          approvedIntegrations: [{ provider: 'google', clientId: google.clientId, scopes: google.scopes, name: 'Example CRM', owner: 'Dana Whitfield' }],
        },
        actions: [],
      },
      { verdict: 'allowed', policy: { enforcement: 'warn' }, scopes: SIGN_IN_ONLY, actions: [] },
      { verdict: 'needs-review', policy: { enforcement: 'warn' }, actions: ['start-review', 'continue', 'cancel'] },
      {
        verdict: 'blocked',
        policy: { enforcement: 'warn', blockedIntegrations: [{ provider: 'google', clientId: google.clientId, reason: 'Copies mail to an unvetted vendor.' }] },
        actions: ['request-review'],
      },
    ];

    it.each(cases)('$verdict: host says so, overlay offers $actions', async ({ verdict, policy, scopes, actions }) => {
      await usePolicy(policy);
      const { page, host } = await openConsentScreen(browser, 'google', { scopes });
      await screenshot(page, `overlay-verdict-${verdict}`);
      expect(host['data-verdict']).toBe(verdict);
      expect(host['data-provider']).toBe('google');
      expect(host['data-client-id']).toBe(google.clientId);
      if (verdict === 'allowed') expect(host['data-risk']).toBe('low');
      if (verdict === 'blocked') {
        await expect.poll(() => visibleActions(page), { timeout: 5_000 }).toContain('request-review');
        expect(await visibleActions(page)).not.toContain('continue');
      } else {
        await expectActions(page, actions);
      }
      await page.close();
    });

    it('calls out a look-alike app: an approved app\'s name with another client id', async () => {
      await usePolicy({
        enforcement: 'warn',
        approvedIntegrations: [{ provider: 'google', clientId: google.clientId, scopes: google.scopes, name: 'Example CRM' }],
      });
      const impostorClientId = '999999999999-impostor.apps.googleusercontent.com';
      // A Google consent page that names the approved app while the URL carries another client id.
      await serveConsentPage(
        browser.context,
        'google',
        `<!doctype html><html lang="en"><head><title>Sign in - Google Accounts</title></head><body>
         <h1 id="headingText"><a href="#">Example CRM</a> wants to access your Google Account</h1>
         <p>This will allow Example CRM to:</p><ul><li>Read, compose and send emails from your Gmail account</li></ul>
         <button>Allow</button></body></html>`,
      );
      try {
        const { page, host } = await openConsentScreen(browser, 'google', { clientId: impostorClientId });
        await screenshot(page, 'overlay-look-alike-app');
        expect(host['data-client-id']).toBe(impostorClientId);
        expect(host['data-verdict']).not.toBe('approved');
        await expect.poll(() => overlay(page).text(), { timeout: 5_000 }).toMatch(/look-alike/i);
        await page.close();
      } finally {
        await browser.context.unroute(google.routePattern);
        await serveConsentPage(browser.context, 'google');
      }
    });
  });

  describe('enforcement modes (a request that needs review)', () => {
    it('off: nothing is shown', async () => {
      await usePolicy({ enforcement: 'off' });
      const { page } = await openConsentScreen(browser, 'google', { waitForOverlay: false });
      await page.waitForLoadState('load');
      await page.waitForTimeout(1_000);
      const host = await readHostAttributes(page);
      if (host) expect(host['data-enforcement']).toBe('off');
      expect(await visibleActions(page)).toEqual([]);
      if (host && (await overlay(page).mounted())) expect(await overlay(page).text()).toBe('');
      await page.close();
    });

    it('monitor: the host marks the flow, shows nothing, and the event is logged', async () => {
      await usePolicy({ enforcement: 'monitor' });
      const { page, host } = await openConsentScreen(browser, 'google');
      expect(host).toMatchObject({ 'data-enforcement': 'monitor', 'data-verdict': 'needs-review', 'data-provider': 'google' });
      expect(await visibleActions(page)).toEqual([]);
      expect(await overlay(page).text()).toBe('');
      await waitForConsentEvent(await browser.worker(), (event) => event.enforcement === 'monitor' && event.clientId === google.clientId);
      await page.close();
    });

    it('inform: tells what the app asks for without standing in the way', async () => {
      await usePolicy({ enforcement: 'inform' });
      const { page, host } = await openConsentScreen(browser, 'google');
      await screenshot(page, 'overlay-enforcement-inform');
      expect(host['data-enforcement']).toBe('inform');
      expect((await overlay(page).text()).length).toBeGreaterThan(20);
      const actions = await visibleActions(page);
      expect(actions).not.toContain('request-review');
      await page.close();
    });

    it('warn: "Continue anyway" steps aside and is logged', async () => {
      await usePolicy({ enforcement: 'warn' });
      const { page, host } = await openConsentScreen(browser, 'google');
      expect(host['data-enforcement']).toBe('warn');
      await expectActions(page, ['start-review', 'continue', 'cancel']);
      await overlay(page).click('continue');
      await expectActions(page, []);
      expect(await readHostAttributes(page)).not.toBeNull();
      await waitForConsentEvent(await browser.worker(), (event) => event.action === 'continued' && event.enforcement === 'warn');
      await page.close();
    });

    it('warn: "Cancel" leaves the consent screen', async () => {
      await usePolicy({ enforcement: 'warn' });
      const { page } = await openConsentScreen(browser, 'google');
      const consentUrl = page.url();
      await overlay(page).click('cancel');
      await expect
        .poll(() => page.isClosed() || page.url() !== consentUrl, { timeout: 5_000 })
        .toBe(true);
      if (!page.isClosed()) await page.close();
    });

    it('acknowledge: continuing needs a reason, and the reason is logged', async () => {
      await usePolicy({ enforcement: 'acknowledge' });
      const { page, host } = await openConsentScreen(browser, 'google');
      expect(host['data-enforcement']).toBe('acknowledge');
      const ui = overlay(page);
      expect(await ui.visible('reason')).toBe(true);
      await ui.click('continue');
      await page.waitForTimeout(300);
      expect(await ui.visible('continue')).toBe(true);
      expect(await ui.text()).toMatch(/reason/i);
      await screenshot(page, 'overlay-enforcement-acknowledge');
      const reason = 'Pilot approved by Priya in ticket SEC-142; five reps for two weeks.';
      await ui.type('reason', reason);
      await ui.click('continue');
      await expectActions(page, []);
      const event = await waitForConsentEvent(await browser.worker(), (logged) => logged.action === 'continued' && logged.enforcement === 'acknowledge');
      expect(event.reason).toBe(reason);
      await page.close();
    });

    it('block: an interstitial covers the consent screen and offers "Request review"', async () => {
      await usePolicy({ enforcement: 'block' });
      const { page, host } = await openConsentScreen(browser, 'google');
      await screenshot(page, 'overlay-enforcement-block');
      expect(host['data-enforcement']).toBe('block');
      await expect.poll(() => visibleActions(page), { timeout: 5_000 }).toContain('request-review');
      expect(await visibleActions(page)).not.toContain('continue');
      const covered = await page.evaluate(() => {
        const points = [
          [innerWidth / 2, innerHeight / 2],
          [10, 10],
          [innerWidth - 10, innerHeight - 10],
        ] as const;
        return points.map(([x, y]) => document.elementFromPoint(x, y)?.hasAttribute('data-consent-gate') ?? false);
      });
      expect(covered).toEqual([true, true, true]);
      await page.close();
    });
  });
});
