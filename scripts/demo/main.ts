/**
 * `npm run demo`: a local identity provider (oidc-provider under acme.okta.com), fixture consent screens of the big
 * providers under their real host names, and Chromium with Consent Gate loaded.
 * With a display: a headed browser left open until Ctrl-C. Without one: headless, walks the main scenes and writes
 * screenshots of what a person would see to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from '../../test/e2e/support/artifacts';
import { FIXTURE_PROVIDERS, SCENARIOS, serveAppCallback, serveConsentPage } from '../../test/e2e/support/consent-fixtures';
import { overlay, waitForOverlayReady } from '../../test/e2e/support/consent-gate-overlay';
import { openConsentScreen } from '../../test/e2e/support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../test/e2e/support/extension-browser';
import { blockRemoteFonts, signIn } from '../../test/e2e/support/oidc-flow';
import { setPolicy, type TestPolicy } from '../../test/e2e/support/policy';
import { fillQuestionnaire } from '../../test/e2e/support/questionnaire';
import { startIdentityProvider, type IdentityProvider } from '../../test/fixtures/idp/identity-provider';
import { errorMessage } from '../../lib/error-message';

const OUTPUT_DIR = resolve(import.meta.dirname, '../../demo-output');
const DEMO_POLICY: TestPolicy = {
  enforcement: 'warn',
  organization: { name: 'Acme Corp', supportContact: 'security@acme.example' },
  approvedIntegrations: [
    {
      name: 'Acme Calendar Sync',
      provider: 'google',
      clientId: '1234567890-calsync.apps.googleusercontent.com',
      scopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar.readonly'],
      owner: 'Dana Whitfield',
    },
  ],
};

interface Scene {
  name: string;
  run(browser: ExtensionBrowser, idp: IdentityProvider): Promise<string[]>;
}

async function usePolicy(browser: ExtensionBrowser, policy: TestPolicy): Promise<void> {
  await setPolicy(await browser.worker(), policy);
}

async function shot(page: Page, name: string): Promise<string> {
  return screenshot(page, name, OUTPUT_DIR);
}

const SCENES: Scene[] = [
  {
    name: 'Google: an unknown CRM asks for mail and Drive (needs review, warn)',
    async run(browser) {
      await usePolicy(browser, DEMO_POLICY);
      const { page } = await openConsentScreen(browser, 'google');
      const path = await shot(page, '01-google-needs-review-warn');
      await page.close();
      return [path];
    },
  },
  {
    name: 'Block mode: the interstitial with "Request review"',
    async run(browser) {
      await usePolicy(browser, { ...DEMO_POLICY, enforcement: 'block' });
      const { page } = await openConsentScreen(browser, 'microsoft');
      const path = await shot(page, '02-microsoft-block-interstitial');
      await page.close();
      await usePolicy(browser, DEMO_POLICY);
      return [path];
    },
  },
  {
    name: 'A real OpenID provider flow under acme.okta.com: scopes captured before the redirect',
    async run(browser, idp) {
      await usePolicy(browser, DEMO_POLICY);
      const page = await browser.context.newPage();
      await blockRemoteFonts(page);
      await page.goto(idp.authorizationUrl(), { waitUntil: 'domcontentloaded' });
      await waitForOverlayReady(page);
      const login = await shot(page, '03-okta-login-page');
      if (await overlay(page).visible('continue')) await overlay(page).click('continue');
      await signIn(page);
      await waitForOverlayReady(page);
      const consent = await shot(page, '04-okta-consent-page');
      await page.close();
      return [login, consent];
    },
  },
  {
    name: 'Start review: the questionnaire, prefilled, then filled and submitted',
    async run(browser) {
      await usePolicy(browser, DEMO_POLICY);
      const { page } = await openConsentScreen(browser, 'google');
      const [review] = await Promise.all([
        browser.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/review.html'), timeout: 10_000 }),
        overlay(page).click('start-review'),
      ]);
      await review.waitForSelector('[data-testid="submit-review"]');
      const prefilled = await shot(review, '05-questionnaire-prefilled');
      await fillQuestionnaire(review);
      const filled = await shot(review, '06-questionnaire-filled');
      await review.click('[data-testid="submit-review"]');
      await review.waitForTimeout(1_000);
      const submitted = await shot(review, '07-questionnaire-submitted');
      await review.close();
      await page.close();
      return [prefilled, filled, submitted];
    },
  },
  {
    name: 'The popup: the review request, kept locally',
    async run(browser) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 420, height: 640 });
      await page.goto(browser.extensionUrl('popup.html'));
      await page.waitForTimeout(800);
      const path = await shot(page, '08-popup');
      await page.close();
      return [path];
    },
  },
];

async function runHeadless(browser: ExtensionBrowser, idp: IdentityProvider): Promise<number> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  let failures = 0;
  for (const scene of SCENES) {
    try {
      const paths = await scene.run(browser, idp);
      console.log(`ok    ${scene.name}`);
      for (const path of paths) console.log(`      ${path}`);
    } catch (error) {
      // A broken scene is reported with its cause and makes the demo exit non-zero; the others still run.
      failures += 1;
      console.error(`FAIL  ${scene.name}\n      ${errorMessage(error)}`);
    }
  }
  return failures;
}

async function runHeaded(browser: ExtensionBrowser, idp: IdentityProvider): Promise<void> {
  await usePolicy(browser, DEMO_POLICY);
  const tabs: [string, string][] = [
    ...FIXTURE_PROVIDERS.map((provider): [string, string] => [provider, SCENARIOS[provider].authorizationUrl()]),
    ['okta (oidc-provider)', idp.authorizationUrl()],
  ];
  for (const [name, url] of tabs) {
    const page = await browser.context.newPage();
    await blockRemoteFonts(page);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    console.log(`${name}: ${url}`);
  }
  console.log(`\nPopup:  ${browser.extensionUrl('popup.html')}\nConsent Gate is loaded. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    browser.context.once('close', () => resolve());
  });
}

async function main(): Promise<void> {
  const idp = await startIdentityProvider();
  const headed = Boolean(process.env.DISPLAY);
  const browser = await launchExtensionBrowser({ headless: !headed, hostMap: { hosts: idp.hosts, port: idp.port } });
  for (const provider of FIXTURE_PROVIDERS) await serveConsentPage(browser.context, provider);
  await serveAppCallback(browser.context);
  console.log(`Consent Gate ${browser.extensionId} in Chromium; identity provider https://${idp.hosts[0]} on 127.0.0.1:${idp.port}\n`);
  let failures = 0;
  try {
    if (headed) await runHeaded(browser, idp);
    else failures = await runHeadless(browser, idp);
  } finally {
    await browser.close().catch((error: unknown) => console.error('Closing Chromium failed:', error));
    await idp.close();
  }
  if (failures > 0) {
    console.error(`\n${failures} scene(s) failed.`);
    process.exitCode = 1;
  } else if (!headed) {
    console.log(`\nScreenshots in ${OUTPUT_DIR}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
