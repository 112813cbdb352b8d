/**
 * The overlay always describes the request the provider will act on: a second app in the same tab, a popup that
 * its opener sends to another app, an authorization request sent as a form POST, and a "Continue" given to one app
 * that must not carry over to the next.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage, serveHtml } from './support/consent-fixtures';
import { overlay, readHostAttributes, waitForOverlayReady, type HostAttributes } from './support/consent-gate-overlay';
import { waitForConsentEvent } from './support/consent-events';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import type { ExtensionGlobals } from './support/extension-globals';
import { blockRemoteFonts } from './support/oidc-flow';
import { setPolicy } from './support/policy';
import { CLIENT_ID, IDP_HOST, startIdentityProvider, type IdentityProvider } from '../fixtures/idp/identity-provider';

const google = SCENARIOS.google;
/** App A: approved for sign-in and reading mail. */
const APP_A = google.clientId;
const APP_A_SCOPES = ['openid', 'email', 'https://www.googleapis.com/auth/gmail.readonly'];
/** App B: unknown, and asks for far more. */
const APP_B = '918273645500-unknownsync.apps.googleusercontent.com';
const APP_B_SCOPES = ['openid', 'email', 'https://mail.google.com/', 'https://www.googleapis.com/auth/drive'];

/** A page outside the consent hosts from which an app starts its sign-in. */
const APP_ORIGIN = 'https://crm-launcher.example.test';

function launcherPage(): string {
  const a = google.authorizationUrl(APP_A_SCOPES, APP_A);
  const b = google.authorizationUrl(APP_B_SCOPES, APP_B);
  const post = new URL(google.authorizationUrl(APP_B_SCOPES, APP_B));
  const fields = [...post.searchParams].map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`).join('');
  return `<!doctype html><html lang="en"><head><title>Example launcher</title></head><body>
    <button id="open-a">Connect A</button>
    <button id="open-b">Connect B</button>
    <form id="post-b" method="post" action="${post.origin}${post.pathname}">${fields}<button id="submit-b">Connect by POST</button></form>
    <script>
      document.getElementById('open-a').onclick = () => window.open(${JSON.stringify(a)}, 'oauth', 'popup,width=500,height=600');
      document.getElementById('open-b').onclick = () => window.open(${JSON.stringify(b)}, 'oauth');
    </script>
  </body></html>`;
}

/** Waits until the overlay's host names the given client id (it may first still show an older page's). */
async function waitForClient(page: Page, clientId: string, timeout = 10_000): Promise<HostAttributes> {
  await waitForOverlayReady(page, timeout);
  await expect.poll(async () => (await readHostAttributes(page))?.['data-client-id'], { timeout }).toBe(clientId);
  const host = await readHostAttributes(page);
  if (host === null) throw new Error(`The overlay vanished from ${page.url()}`);
  return host;
}

describe('the overlay is bound to the request the provider acts on', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    await serveHtml(browser.context, `${APP_ORIGIN}/**`, launcherPage());
  });

  beforeEach(async () => {
    await setPolicy(await browser.worker(), {
      enforcement: 'warn',
      approvedIntegrations: [{ provider: 'google', clientId: APP_A, scopes: APP_A_SCOPES, name: 'Example CRM', owner: 'Dana Whitfield' }],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('same tab: an approved app, then an unknown app with broader scopes, shows the second app and its verdict', async () => {
    const { page } = await openPage(browser);
    await page.goto(google.authorizationUrl(APP_A_SCOPES, APP_A), { waitUntil: 'domcontentloaded' });
    const first = await waitForClient(page, APP_A);
    expect(first['data-verdict']).toBe('approved');

    await page.goto(google.authorizationUrl(APP_B_SCOPES, APP_B), { waitUntil: 'domcontentloaded' });
    const second = await waitForClient(page, APP_B);
    await screenshot(page, 'request-binding-second-app');
    expect(second['data-verdict']).toBe('needs-review');
    expect(['high', 'critical']).toContain(second['data-risk']);
    await expect.poll(() => overlay(page).visible('start-review'), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('same tab, single-page consent screen: the page moves to another app without loading a document', async () => {
    const { page } = await openPage(browser);
    await page.goto(google.authorizationUrl(APP_A_SCOPES, APP_A), { waitUntil: 'domcontentloaded' });
    expect((await waitForClient(page, APP_A))['data-verdict']).toBe('approved');

    // The History API changes the URL, and with it the request, in the same document.
    await page.evaluate((url) => history.pushState(null, '', url), google.authorizationUrl(APP_B_SCOPES, APP_B));
    const second = await waitForClient(page, APP_B);
    expect(second['data-verdict']).toBe('needs-review');
    await expect.poll(() => overlay(page).visible('start-review'), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('popup: the opener sends its sign-in popup from an approved app to another app', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${APP_ORIGIN}/connect`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#open-a')]);
    const first = await waitForClient(popup, APP_A);
    expect(first['data-verdict']).toBe('approved');

    // The same window name: the opener navigates the popup it already has.
    const navigated = popup.waitForURL((url) => url.searchParams.get('client_id') === APP_B);
    await page.click('#open-b');
    await navigated;
    const second = await waitForClient(popup, APP_B);
    await screenshot(popup, 'request-binding-popup-second-app');
    expect(second['data-verdict']).toBe('needs-review');
    await popup.close();
    await page.close();
  });

  it('form POST: an authorization request in the body of a POST is caught, with the right client id', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${APP_ORIGIN}/connect`);
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().startsWith('https://accounts.google.com/'));
    await page.click('#submit-b');
    expect((await posted).url()).not.toContain('client_id');
    const host = await waitForClient(page, APP_B);
    await screenshot(page, 'request-binding-form-post');
    expect(host['data-provider']).toBe('google');
    expect(host['data-verdict']).toBe('needs-review');
    const tabStates = await (await browser.worker()).evaluate(async () => {
      const all = await (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get(null);
      return Object.values(all) as { request?: { clientId: string; anomalies: string[] } }[];
    });
    const flow = tabStates.find((state) => state.request?.clientId === APP_B);
    expect(flow?.request?.anomalies.some((text) => /form POST/.test(text))).toBe(true);
    await page.close();
  });

  it('"Continue" on one app does not carry over to the next app in the tab', async () => {
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
    const { page } = await openPage(browser);
    await page.goto(google.authorizationUrl(APP_A_SCOPES, APP_A), { waitUntil: 'domcontentloaded' });
    const first = await waitForClient(page, APP_A);
    expect(first['data-verdict']).toBe('needs-review');
    const ui = overlay(page);
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(true);
    await ui.click('continue');
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(false);
    await waitForConsentEvent(await browser.worker(), (event) => event.action === 'continued' && event.clientId === APP_A);

    await page.goto(google.authorizationUrl(APP_B_SCOPES, APP_B), { waitUntil: 'domcontentloaded' });
    const second = await waitForClient(page, APP_B);
    expect(second['data-verdict']).toBe('needs-review');
    // B is warned afresh: the full panel with its choices, not A's "continued" state.
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(true);
    expect(await ui.visible('start-review')).toBe(true);
    await screenshot(page, 'request-binding-continue-not-carried');
    await page.close();
  });

  it('"Continue" on one app does not carry over when a single-page screen moves to the next app', async () => {
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
    const { page } = await openPage(browser);
    await page.goto(google.authorizationUrl(APP_A_SCOPES, APP_A), { waitUntil: 'domcontentloaded' });
    await waitForClient(page, APP_A);
    const ui = overlay(page);
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(true);
    await ui.click('continue');
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(false);

    await page.evaluate((url) => history.pushState(null, '', url), google.authorizationUrl(APP_B_SCOPES, APP_B));
    expect((await waitForClient(page, APP_B))['data-verdict']).toBe('needs-review');
    await expect.poll(() => ui.visible('continue'), { timeout: 5_000 }).toBe(true);
    expect(await ui.visible('start-review')).toBe(true);
    await page.close();
  });
});

describe('a form POST to a real OpenID provider (oidc-provider under acme.okta.com)', () => {
  let idp: IdentityProvider;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    idp = await startIdentityProvider({ httpPost: true });
    browser = await launchExtensionBrowser({ hostMap: { hosts: idp.hosts, port: idp.port } });
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
  });

  afterAll(async () => {
    await browser?.close();
    await idp?.close();
  });

  it('catches the request from the POST body and shows it on the sign-in page the provider answers with', async () => {
    const request = new URL(idp.authorizationUrl());
    const fields = [...request.searchParams].map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join('');
    await serveHtml(
      browser.context,
      `${APP_ORIGIN}/okta`,
      `<!doctype html><html lang="en"><head><title>Connect Okta</title></head><body>
       <form method="post" action="${request.origin}${request.pathname}">${fields}<button id="connect">Connect Okta</button></form></body></html>`,
    );
    const { page, dialogs } = await openPage(browser);
    await blockRemoteFonts(page);
    await page.goto(`${APP_ORIGIN}/okta`);
    await Promise.all([page.waitForURL((url) => url.host === IDP_HOST && url.pathname.startsWith('/interaction/')), page.click('#connect')]);
    const host = await waitForClient(page, CLIENT_ID);
    expect(host).toMatchObject({ 'data-provider': 'okta', 'data-verdict': 'needs-review' });
    expect(await overlay(page).text()).toContain('okta.users.read');
    await screenshot(page, 'request-binding-form-post-oidc-provider');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
