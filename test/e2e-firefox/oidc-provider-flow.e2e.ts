/**
 * A full authorization-code flow in Firefox against a real OpenID provider (oidc-provider, the Chromium suite's own)
 * under an Okta host name. The login and consent pages (`/interaction/<uid>`) no longer carry the scopes, so the
 * overlay there shows what the background captured from the authorization request before the redirect. Run in
 * Firefox 153 and again with the API surface of Firefox 140 to 152 (no documentId), where only the greeting script
 * brings the overlay to each new page of the flow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, IDP_HOST, REDIRECT_URI, startIdentityProvider, type IdentityProvider } from '../fixtures/idp/identity-provider';
import { withoutDocumentIdCopy } from './support/firefox-before-153';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type FirefoxExtensionBrowser } from './support/firefox-browser';
import { overlay, readHostAttributes, waitForOverlayReady } from './support/firefox-overlay';
import { signIn } from './support/oidc-flow';

// One browser and one provider for the file; the second run reinstalls the add-on without documentId.
let idp: IdentityProvider;
let browser: FirefoxExtensionBrowser;

beforeAll(async () => {
  idp = await startIdentityProvider();
  browser = await launchFirefox({ hostMaps: [{ hosts: idp.hosts, port: idp.port }] });
});

afterAll(async () => {
  await browser?.close();
  await idp?.close();
});

describe.each([
  { firefox: 'Firefox 153', documentId: true },
  { firefox: 'Firefox 140 to 152, no documentId', documentId: false },
])('oidc-provider flow under acme.okta.com, $firefox', ({ documentId }) => {
  let copy: ReturnType<typeof withoutDocumentIdCopy> | undefined;

  beforeAll(async () => {
    if (documentId) return;
    copy = withoutDocumentIdCopy(FIREFOX_EXTENSION_DIR);
    await browser.reinstall(copy.directory);
    // The provider's session from the first run would skip the login page this run walks through.
    await browser.browser.deleteCookie(...(await browser.browser.cookies()));
  });

  afterAll(() => {
    copy?.remove();
  });

  it('shows the scopes captured before the redirect on the login and consent pages, then lets the flow finish', async () => {
    const page = await browser.newPage();
    await page.goto(idp.authorizationUrl(), { waitUntil: 'domcontentloaded' });

    const loginUrl = new URL(page.url());
    expect(loginUrl.host).toBe(IDP_HOST);
    expect(loginUrl.pathname).toMatch(/^\/interaction\//);
    expect(loginUrl.search).not.toContain('scope');
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID });

    // The overlay may cover the login form; "Continue" steps aside, as a person would click it.
    if (await overlay(page).visible('continue')) await overlay(page).click('continue');
    await signIn(page);

    // The consent page, a new document: the overlay comes back with what was captured at /oauth2/v1/authorize.
    expect(new URL(page.url()).search).toBe('');
    const onConsent = await waitForOverlayReady(page);
    expect(onConsent).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID, 'data-verdict': 'needs-review' });
    expect(['medium', 'high', 'critical']).toContain(onConsent['data-risk']);
    const text = await overlay(page).text();
    expect(text).toContain('okta.users.read');
    expect(text).toMatch(/offline/i);

    if (await overlay(page).visible('continue')) await overlay(page).click('continue');
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type="submit"]')]);
    expect(page.url().startsWith(REDIRECT_URI)).toBe(true);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
    // The app's own page is not a consent host: no overlay.
    expect(await readHostAttributes(page)).toBeNull();
    await page.close();
  });

  it('captures an authorization URL that is only a step in the app server redirect chain', async () => {
    const page = await browser.newPage();
    // app -> 302 -> /oauth2/v1/authorize -> 303 -> /interaction/<uid>: webNavigation sees only the two ends;
    // webRequest sees the authorization request in the middle.
    await page.goto(idp.connectUrl, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
    expect(await waitForOverlayReady(page)).toMatchObject({ 'data-provider': 'okta', 'data-client-id': CLIENT_ID, 'data-verdict': 'needs-review' });
    expect(await overlay(page).text()).toContain('okta.users.read');
    await page.close();
  });
});
