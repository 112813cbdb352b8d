/**
 * A consent page whose own scripts fight the overlay: they remove its host, hide it, restyle it, or put markup and
 * script into the app name. The overlay comes back, stays visible, and shows page strings as text only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/artifacts';
import { readConsentPage, SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openConsentScreen } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

const google = SCENARIOS.google;
const HOSTILE_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script><b>Evil CRM</b>';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Google's consent layout, with the app name given as text that looks like markup. */
const MARKUP_IN_NAME_PAGE = `<!doctype html><html lang="en"><head><title>Sign in - Google Accounts</title></head><body>
<h1 id="headingText"><a href="#">${escapeHtml(HOSTILE_NAME)}</a> wants to access your Google Account</h1>
<p>This will allow ${escapeHtml(HOSTILE_NAME)} to:</p>
<ul><li>Read, compose and send emails from your Gmail account</li><li>See and download all your Google Drive files</li></ul>
<button>Allow</button></body></html>`;

/** The overlay is there, ready, and its main action is on screen and reachable by the mouse. */
async function expectOverlayShowing(page: Page): Promise<void> {
  await waitForOverlayReady(page);
  await expect.poll(() => overlay(page).visible('start-review'), { timeout: 5_000 }).toBe(true);
  const hostStyle = await page.evaluate(() => {
    const host = document.querySelector('[data-consent-gate]');
    if (!host) return null;
    const style = getComputedStyle(host);
    return { display: style.display, visibility: style.visibility, opacity: style.opacity, hidden: host.hasAttribute('hidden') };
  });
  expect(hostStyle).not.toBeNull();
  expect(hostStyle?.display).not.toBe('none');
  expect(hostStyle?.visibility).not.toBe('hidden');
  expect(Number(hostStyle?.opacity)).toBeGreaterThan(0);
}

describe('hostile consent pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const attacks: { name: string; script: string }[] = [
    { name: 'removes the host', script: "document.querySelector('[data-consent-gate]')?.remove()" },
    { name: 'removes the host repeatedly', script: "for (const delay of [0, 50, 150, 400]) setTimeout(() => document.querySelector('[data-consent-gate]')?.remove(), delay)" },
    { name: 'hides the host with display:none', script: "document.querySelector('[data-consent-gate]')?.style.setProperty('display', 'none', 'important')" },
    { name: 'sets the hidden attribute', script: "document.querySelector('[data-consent-gate]')?.setAttribute('hidden', '')" },
    {
      name: 'restyles it with a page style sheet',
      script:
        "const s = document.createElement('style'); s.textContent = '[data-consent-gate] { display: none !important; visibility: hidden !important; opacity: 0 !important; }'; document.head.append(s)",
    },
    { name: 'makes it transparent inline', script: "document.querySelector('[data-consent-gate]')?.setAttribute('style', 'opacity: 0 !important; visibility: hidden !important')" },
  ];

  it.each(attacks)('the page $name: the overlay comes back and stays visible', async ({ script }) => {
    const { page, dialogs } = await openConsentScreen(browser, 'google');
    await page.evaluate(script);
    await page.waitForTimeout(600);
    await expectOverlayShowing(page);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows markup in the app name as text, runs none of it', async () => {
    await browser.context.unroute(google.routePattern);
    await serveConsentPage(browser.context, 'google', MARKUP_IN_NAME_PAGE);
    try {
      const { page, dialogs } = await openConsentScreen(browser, 'google');
      await page.waitForTimeout(500);
      await screenshot(page, 'overlay-hostile-app-name');
      const ui = overlay(page);
      const injected = await ui.callOnRoot<number>(
        `function () { return this.querySelectorAll('img[src="x"], script, iframe, object, embed').length; }`,
      );
      expect(injected).toBe(0);
      expect(await ui.text()).toContain('<img src=x onerror=alert(1)>');
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await browser.context.unroute(google.routePattern);
      await serveConsentPage(browser.context, 'google');
    }
  });

  it('the hostile fixture page: no dialog, and the overlay stays up', async () => {
    await browser.context.unroute(google.routePattern);
    await serveConsentPage(browser.context, 'google', readConsentPage('hostile'));
    try {
      const { page, dialogs } = await openConsentScreen(browser, 'google');
      await page.waitForTimeout(1_500);
      await screenshot(page, 'overlay-hostile-fixture');
      await expectOverlayShowing(page);
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await browser.context.unroute(google.routePattern);
      await serveConsentPage(browser.context, 'google');
    }
  });
});
