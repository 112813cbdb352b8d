/** Walks the oidc-provider development pages in Firefox like a person: sign in, then reach the consent page. */
import type { Page } from 'puppeteer-core';
import { IDP_HOST } from '../../fixtures/idp/identity-provider';

/** From the login page: any login and password are accepted by devInteractions. */
export async function signIn(page: Page, login = 'ada.lovelace'): Promise<void> {
  await page.waitForSelector('input[name="login"]');
  await page.type('input[name="login"]', login);
  await page.type('input[name="password"]', 'correct horse battery staple');
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type="submit"]')]);
  const url = new URL(page.url());
  if (url.host !== IDP_HOST || !url.pathname.startsWith('/interaction/')) throw new Error(`Signing in led to ${page.url()}, not the consent page`);
  await page.waitForSelector('input[name="prompt"][value="consent"]');
}
