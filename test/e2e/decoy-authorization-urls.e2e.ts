/**
 * Tricks meant to make the extension look away from a real consent screen, in a real browser: the parts of an
 * app's callback (`code=` in the query, a token after `#`) added to the authorization URL, padding that pushes
 * `client_id` past the parser's parameter cap, and GovSlack's own host. The overlay must still name the right app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, serveAppCallback, serveConsentPage, serveHtml, readConsentPage } from './support/consent-fixtures';
import { waitForOverlayReady } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

/** Parameters before everything else in the query, `client_id` included. */
function withLeadingQuery(url: string, extra: string): string {
  const at = url.indexOf('?');
  return `${url.slice(0, at + 1)}${extra}&${url.slice(at + 1)}`;
}

const padding = Array.from({ length: 2_000 }, (_, index) => `utm_${index}=x`).join('&');

describe('decoys on a real consent screen', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    for (const provider of ['google', 'github', 'slack'] as const) await serveConsentPage(browser.context, provider);
    // GovSlack serves the same OAuth pages as Slack under its own host.
    await serveHtml(browser.context, 'https://slack-gov.com/oauth/**', readConsentPage('slack'));
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['GitHub with a decoy code and a token fragment', 'github', `${SCENARIOS.github.authorizationUrl()}&code=decoy#access_token=decoy`],
    ['Slack with a decoy error and a code fragment', 'slack', `${SCENARIOS.slack.authorizationUrl()}&error=access_denied#code=decoy`],
    ['Google with 2,000 parameters before client_id', 'google', withLeadingQuery(SCENARIOS.google.authorizationUrl(), padding)],
    ['GovSlack', 'slack', SCENARIOS.slack.authorizationUrl().replace('https://slack.com/', 'https://slack-gov.com/')],
  ] as const)('%s: the overlay names the app and asks for a review', async (_name, provider, url) => {
    const { page } = await openPage(browser);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const host = await waitForOverlayReady(page);
    expect(host).toMatchObject({
      'data-provider': provider,
      'data-client-id': SCENARIOS[provider].clientId,
      'data-verdict': 'needs-review',
    });
    await page.close();
  });
});
