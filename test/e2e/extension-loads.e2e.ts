/**
 * The ground the other browser tests stand on: the built extension loads with its fixed id, and the local identity
 * provider runs a real authorization-code flow under its Okta host name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_EXTENSION_ID, launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import type { ExtensionGlobals } from './support/extension-globals';
import { blockRemoteFonts, signIn } from './support/oidc-flow';
import { REDIRECT_URI, startIdentityProvider, type IdentityProvider } from '../fixtures/idp/identity-provider';

describe('the browser harness', () => {
  let idp: IdentityProvider;
  let browser: ExtensionBrowser;
  /** The identity provider is checked on its own, without the overlay in the way. */
  let plainBrowser: ExtensionBrowser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    browser = await launchExtensionBrowser();
    plainBrowser = await launchExtensionBrowser({ withExtension: false, hostMap: { hosts: idp.hosts, port: idp.port } });
  });

  afterAll(async () => {
    await browser?.close();
    await plainBrowser?.close();
    await idp?.close();
  });

  it('loads the built extension with the id fixed by the manifest key', async () => {
    expect(browser.extensionId).toBe(EXPECTED_EXTENSION_ID);
    const manifest = await browser.serviceWorker?.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.runtime.getManifest());
    expect(manifest?.name).toBe('Consent Gate');
    expect(manifest?.host_permissions).not.toContain('<all_urls>');
  });

  it('runs a real oidc-provider flow: authorize, login page, consent page, callback with a code', async () => {
    const page = await plainBrowser.context.newPage();
    await blockRemoteFonts(page);
    await page.goto(idp.authorizationUrl());
    expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
    await signIn(page);
    expect(await page.textContent('body')).toContain('Authorize');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(REDIRECT_URI)), page.click('button[type="submit"]')]);
    expect(new URL(page.url()).searchParams.get('code')).toMatch(/.{20,}/);
    expect(await page.textContent('[data-testid="callback"]')).toContain('connected');
    await page.close();
  });
});
