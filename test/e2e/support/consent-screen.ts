/**
 * Opens a provider's consent screen the way a person reaches it: a fresh tab navigates to the real authorization
 * URL (so the background's webNavigation listener captures it), and the consent host answers with the fixture page.
 */
import type { Page } from 'playwright-core';
import { readConsentPage, SCENARIOS, type FixtureProvider } from './consent-fixtures';
import { waitForOverlayReady, type HostAttributes } from './consent-gate-overlay';
import type { ExtensionBrowser } from './extension-browser';

export interface OpenedConsentScreen {
  page: Page;
  host: HostAttributes;
  /** Every dialog (alert, confirm, prompt) the page opened: a hostile page must not get one through the overlay. */
  dialogs: string[];
}

export async function openPage(browser: ExtensionBrowser): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, dialogs };
}

export async function openConsentScreen(
  browser: ExtensionBrowser,
  provider: FixtureProvider,
  options: { scopes?: readonly string[]; clientId?: string; waitForOverlay?: boolean } = {},
): Promise<OpenedConsentScreen> {
  readConsentPage(provider); // fails with the fixture's path when it is missing
  const scenario = SCENARIOS[provider];
  const { page, dialogs } = await openPage(browser);
  await page.goto(scenario.authorizationUrl(options.scopes, options.clientId), { waitUntil: 'domcontentloaded' });
  const host = options.waitForOverlay === false ? {} : await waitForOverlayReady(page);
  return { page, host, dialogs };
}
