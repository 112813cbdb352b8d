/**
 * A full authorization-code flow against a real OpenID provider under an Okta host name: the authorization URL
 * carries the scopes, the login and consent pages (`/interaction/<uid>`) do not. The overlay on the consent page
 * must still show the scopes, because the background captured them before the redirect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { overlay, readHostAttributes, waitForOverlayReady } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { blockRemoteFonts, signIn } from './support/oidc-flow';
import { setPolicy } from './support/policy';
import { CLIENT_ID, IDP_HOST, REDIRECT_URI, startIdentityProvider, type IdentityProvider } from '../fixtures/idp/identity-provider';

describe('oidc-provider flow under acme.okta.com', () => {
  let idp: IdentityProvider;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    browser = await launchExtensionBrowser({ hostMap: { hosts: idp.hosts, port: idp.port } });
    await setPolicy(await browser.worker(), { enforcement: 'warn', organization: { name: 'Acme Corp', supportContact: 'security@acme.example' } });
  });

  afterAll(async () => {
    await browser?.close();
    await idp?.close();
  });

  it('shows the scopes captured before the redirect on the consent page, then lets the flow finish', async () => {
    const { page, dialogs } = await openPage(browser);
    await blockRemoteFonts(page);
    await page.goto(idp.authorizationUrl(), { waitUntil: 'domcontentloaded' });

    // The login page: the URL no longer carries the scopes, the flow is still marked.
    const loginUrl = new URL(page.url());
    expect(loginUrl.host).toBe(IDP_HOST);
    expect(loginUrl.pathname).toMatch(/^\/interaction\//);
    expect(loginUrl.search).not.toContain('scope');
    const onLogin = await waitForOverlayReady(page);
    expect(onLogin).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID });
    await screenshot(page, 'oidc-login-page');

    // The overlay may cover the login form; "Continue anyway" steps aside, as a person would click it.
    if (await overlay(page).visible('continue')) await overlay(page).click('continue');
    await signIn(page);

    // The consent page, a new document: the overlay comes back with what was captured at /oauth2/v1/authorize.
    expect(new URL(page.url()).search).toBe('');
    const onConsent = await waitForOverlayReady(page);
    expect(onConsent).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID, 'data-verdict': 'needs-review' });
    expect(['high', 'critical', 'medium']).toContain(onConsent['data-risk']);
    await screenshot(page, 'oidc-consent-page');
    const text = await overlay(page).text();
    expect(text).toContain('okta.users.read');
    expect(text).toMatch(/offline/i);
    // The development consent page names no app; its "Authorize" heading is a page title, not the app's name.
    expect(await overlay(page).textOf('app-name')).not.toMatch(/^(Authorize|Sign-in)$/i);

    if (await overlay(page).visible('continue')) await overlay(page).click('continue');
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(REDIRECT_URI), { timeout: 10_000 }),
      page.click('button[type="submit"]'),
    ]);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
    // The app's own page is not a consent host: no overlay, no script.
    expect(await readHostAttributes(page)).toBeNull();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('captures an authorization URL that is only a step in the app server redirect chain', async () => {
    const { page, dialogs } = await openPage(browser);
    await blockRemoteFonts(page);
    // app -> 302 -> /oauth2/v1/authorize -> 303 -> /interaction/<uid>: navigation events see only the two ends.
    await page.goto(idp.connectUrl, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
    const onLogin = await waitForOverlayReady(page);
    expect(onLogin).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID, 'data-verdict': 'needs-review' });
    expect(await overlay(page).text()).toContain('okta.users.read');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
