/** Walks the oidc-provider development pages like a person: sign in, then reach the consent page. */
import type { Page } from 'playwright-core';
import { IDP_HOST } from '../../fixtures/idp/identity-provider';

export async function blockRemoteFonts(page: Page): Promise<void> {
  // oidc-provider's development layout imports a web font; there is no network here, so answer at once.
  await page.context().route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
}

/** From the login page: any login and password are accepted by devInteractions. */
export async function signIn(page: Page, login = 'ada.lovelace'): Promise<void> {
  await page.waitForSelector('input[name="login"]');
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'correct horse battery staple');
  await Promise.all([page.waitForURL(new RegExp(`^https://${IDP_HOST.replace('.', '\\.')}/interaction/`)), page.click('button[type="submit"]')]);
  await page.waitForSelector('input[name="prompt"][value="consent"]', { state: 'attached' });
}
