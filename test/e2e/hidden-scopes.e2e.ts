/**
 * Requests whose real grant is not in their scopes, on the real consent hosts: Microsoft's v1 endpoint (consent to
 * the app's configured permissions on `resource`, whatever `scope` says) and a Slack user token. The approval must
 * name exactly that grant before the overlay calls it approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy, type TestPolicy } from './support/policy';

const microsoft = SCENARIOS.microsoft;
const slack = SCENARIOS.slack;
const GRAPH = 'https://graph.microsoft.com';

// https://learn.microsoft.com/en-us/previous-versions/azure/active-directory/azuread-dev/v1-protocols-oauth-code
const V1_URL = `https://login.microsoftonline.com/common/oauth2/authorize?${new URLSearchParams({
  client_id: microsoft.clientId,
  response_type: 'code',
  redirect_uri: 'https://app.example-crm.test/oauth/callback',
  resource: GRAPH,
  scope: 'openid',
  state: 'e2e-state',
})}`;

const SLACK_USER_URL = `https://slack.com/oauth/v2/authorize?${new URLSearchParams({
  client_id: slack.clientId,
  user_scope: 'chat:write',
  redirect_uri: 'https://app.example-crm.test/oauth/callback',
  state: 'e2e-state',
})}`;

describe('grants the scopes do not show', () => {
  let browser: ExtensionBrowser;

  async function open(url: string, policy: TestPolicy) {
    await setPolicy(await browser.worker(), policy);
    const { page } = await openPage(browser);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const host = await waitForOverlayReady(page);
    return { page, host };
  }

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'microsoft');
    await serveConsentPage(browser.context, 'slack');
    await serveAppCallback(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('Microsoft v1: an approval of the same scopes without the resource is not enough, and the overlay says why', async () => {
    const { page, host } = await open(V1_URL, {
      enforcement: 'warn',
      approvedIntegrations: [{ provider: 'microsoft', clientId: microsoft.clientId, scopes: ['openid'], name: 'Example CRM' }],
    });
    await screenshot(page, 'hidden-scopes-v1-needs-review');
    expect(host['data-verdict']).toBe('needs-review');
    expect(host['data-risk']).toBe('high');
    await expect.poll(() => overlay(page).text(), { timeout: 5_000 }).toContain('older sign-in endpoint');
    await page.close();
  });

  it('Microsoft v1: an approval that names the resource approves it', async () => {
    const { page, host } = await open(V1_URL, {
      enforcement: 'warn',
      approvedIntegrations: [{ provider: 'microsoft', clientId: microsoft.clientId, scopes: ['openid'], name: 'Example CRM', resources: [GRAPH] }],
    });
    expect(host['data-verdict']).toBe('approved');
    expect(host['data-client-id']).toBe(microsoft.clientId);
    await page.close();
  });

  it('Slack: a bot-scope approval does not approve the same scope for the employee\'s own token', async () => {
    const { page, host } = await open(SLACK_USER_URL, {
      enforcement: 'warn',
      approvedIntegrations: [{ provider: 'slack', clientId: slack.clientId, scopes: ['chat:write'], name: 'Standup Bot' }],
    });
    await screenshot(page, 'hidden-scopes-slack-user-token');
    expect(host['data-verdict']).toBe('needs-review');
    await expect.poll(() => overlay(page).text(), { timeout: 5_000 }).toContain('act as you');
    await page.close();
  });

  it('Slack: a userScopes approval approves it', async () => {
    const { page, host } = await open(SLACK_USER_URL, {
      enforcement: 'warn',
      approvedIntegrations: [{ provider: 'slack', clientId: slack.clientId, scopes: [], userScopes: ['chat:write'], name: 'Standup Bot' }],
    });
    expect(host['data-verdict']).toBe('approved');
    await page.close();
  });
});
