/**
 * Google and Microsoft consent screens modelled on the real pages (test/fixtures/consent-pages/google-microsoft/),
 * served under the providers' real hosts after a real authorization request: the overlay must show the app name and
 * the publisher state the page facts read from them, including Microsoft's personal-account prompt on
 * account.live.com, which the flow reaches from login.live.com.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { serveAppCallback } from './support/consent-fixtures';
import { overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/consent-pages/google-microsoft');
const REDIRECT = 'https://app.example-crm.test/oauth/callback';
// The unverified-publisher rule's message (lib/rules/unverified-publisher.ts).
const UNVERIFIED_MESSAGE = 'has not verified who makes this app';

function fixture(file: string): string {
  return readFileSync(resolve(FIXTURES, file), 'utf8');
}

function url(base: string, params: Record<string, string>): string {
  const target = new URL(base);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.href;
}

/** Which fixture answers the next document request on each host: one flow at a time in this file. */
const pages = new Map<string, string>();

async function serveHost(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    const body = pages.get(origin);
    if (route.request().resourceType() !== 'document' || body === undefined) return route.fulfill({ status: 204, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/**
 * The requests below ask for enough (mail, files, offline access) that the verdict is "needs review" and the overlay
 * stays open as a panel; an allowed request shows a confirmation that fades before the text can be read.
 */

/** Polls the overlay text until it holds every expected phrase: page facts arrive a moment after the overlay. */
async function waitForOverlayText(page: Page, expected: readonly string[], timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await overlay(page).text();
    if (expected.every((phrase) => text.includes(phrase))) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`The overlay never showed ${JSON.stringify(expected)}. It shows: ${JSON.stringify(text.slice(0, 800))}`);
}

describe('page facts from real-modelled Google and Microsoft screens', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    for (const origin of ['https://accounts.google.com', 'https://login.microsoftonline.com', 'https://login.live.com', 'https://account.live.com']) {
      await serveHost(browser.context, origin);
    }
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), { enforcement: 'warn', organization: { name: 'Acme Corp', supportContact: 'security@acme.example' } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('Google consent step: the app name from #developer_info_glif', async () => {
    pages.set('https://accounts.google.com', fixture('google-consent-summary.html'));
    const { page } = await openPage(browser);
    await page.goto(
      url('https://accounts.google.com/o/oauth2/v2/auth', {
        client_id: '407408718192-acmenotes.apps.googleusercontent.com',
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'openid email https://www.googleapis.com/auth/drive https://www.googleapis.com/auth/gmail.readonly',
        state: 'e2e-state',
      }),
      { waitUntil: 'domcontentloaded' },
    );
    const host = await waitForOverlayReady(page);
    expect(host).toMatchObject({ 'data-provider': 'google', 'data-client-id': '407408718192-acmenotes.apps.googleusercontent.com' });
    const text = await waitForOverlayText(page, ['Acme Notes']);
    // Google's consent step shows no verification either way: the overlay must not claim one.
    expect(text).not.toContain(UNVERIFIED_MESSAGE);
    await screenshot(page, 'page-facts-google-consent-summary');
    await page.close();
  });

  it('Google unverified screen: the app from "Go to … (unsafe)" and the unverified publisher', async () => {
    pages.set('https://accounts.google.com', fixture('google-unverified-isnt-verified.html'));
    const { page } = await openPage(browser);
    await page.goto(
      url('https://accounts.google.com/o/oauth2/v2/auth', {
        client_id: '115049125563-webtask.apps.googleusercontent.com',
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'https://www.googleapis.com/auth/spreadsheets',
        state: 'e2e-state',
      }),
      { waitUntil: 'domcontentloaded' },
    );
    await waitForOverlayReady(page);
    await waitForOverlayText(page, ['webtask.io', UNVERIFIED_MESSAGE]);
    await screenshot(page, 'page-facts-google-unverified');
    await page.close();
  });

  it('Microsoft work account: app name and the verified publisher', async () => {
    pages.set('https://login.microsoftonline.com', fixture('microsoft-permissions-requested.html'));
    const { page } = await openPage(browser);
    await page.goto(
      url('https://login.microsoftonline.com/common/oauth2/v2.0/authorize', {
        client_id: '6731de76-14a6-49ae-97bc-6eba6914391e',
        response_type: 'code',
        redirect_uri: REDIRECT,
        scope: 'openid https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/Files.ReadWrite',
        state: 'e2e-state',
      }),
      { waitUntil: 'domcontentloaded' },
    );
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'microsoft' });
    const text = await waitForOverlayText(page, ['Contoso Expenses']);
    expect(text).not.toContain(UNVERIFIED_MESSAGE);
    await page.close();
  });

  it('Microsoft unverified publisher, "not published by Microsoft": app name and the unverified finding', async () => {
    pages.set('https://login.microsoftonline.com', fixture('microsoft-unverified-not-published.html'));
    const { page } = await openPage(browser);
    await page.goto(
      url('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize', {
        client_id: 'd6b668c7-e181-4415-b6fe-fb7a76d48d4a',
        response_type: 'code',
        redirect_uri: REDIRECT,
        scope: 'openid offline_access https://graph.microsoft.com/Mail.ReadWrite',
        state: 'e2e-state',
      }),
      { waitUntil: 'domcontentloaded' },
    );
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'microsoft', 'data-verdict': 'needs-review' });
    await waitForOverlayText(page, ['repsys requestor', UNVERIFIED_MESSAGE]);
    await screenshot(page, 'page-facts-microsoft-unverified');
    await page.close();
  });

  it('Microsoft personal account: login.live.com hands over to account.live.com/Consent, where the overlay reads the page', async () => {
    const consentUrl = 'https://account.live.com/Consent/Update?ru=https%3a%2f%2flogin.live.com%2foauth20_authorize.srf&mkt=EN-US&uiflavor=web';
    // login.live.com answers with a page that moves on to the consent host, as the real one does after sign-in.
    pages.set('https://login.live.com', `<!doctype html><title>Sign in</title><script>location.replace(${JSON.stringify(consentUrl)})</script>`);
    pages.set('https://account.live.com', fixture('microsoft-live-consent.html'));
    const { page } = await openPage(browser);
    await page.goto(
      url('https://login.live.com/oauth20_authorize.srf', {
        client_id: '00000000402b5328',
        response_type: 'code',
        redirect_uri: REDIRECT,
        scope: 'XboxLive.signin offline_access Files.ReadWrite.All',
        state: 'e2e-state',
      }),
      { waitUntil: 'domcontentloaded' },
    );
    await page.waitForURL(/^https:\/\/account\.live\.com\/Consent\//);
    expect(await waitForOverlayReady(page)).toMatchObject({
      'data-provider': 'microsoft',
      'data-client-id': '00000000402b5328',
      'data-verdict': 'needs-review',
    });
    await waitForOverlayText(page, ['Craft Launcher', UNVERIFIED_MESSAGE]);
    await screenshot(page, 'page-facts-microsoft-live-consent');
    await page.close();
  });
});
