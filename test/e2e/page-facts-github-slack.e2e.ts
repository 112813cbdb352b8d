/**
 * GitHub and Slack consent pages modelled on the real ones (test/fixtures/consent-pages/github-slack/), served under
 * the providers' real hosts after their real authorization URL: the overlay shows the app name and publisher state
 * it read from the page, and says where a fact came from when the page and the approved integration disagree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayStrings } from '../../lib/strings/overlay';
import { GITHUB_SLACK_FIXTURE_DIR } from '../fixtures/consent-pages/real-github-slack';
import { screenshot } from './support/artifacts';
import { CONSENT_PAGES_DIR, serveAppCallback } from './support/consent-fixtures';
import { overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

const ORGANIZATION = { name: 'Acme Corp', supportContact: 'security@acme.example' };
const S = overlayStrings.factSources;
const REDIRECT = 'https://app.example-crm.test/oauth/callback';

interface Flow {
  fixture: string;
  /** The real authorization URL the person's browser opens; its host serves the fixture page. */
  url: string;
  clientId: string;
}

function authorizeUrl(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

const FLOWS = {
  // https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#1-request-a-users-github-identity
  githubOAuthApp: {
    fixture: 'github-oauth-app.html',
    clientId: 'Ov23liRadar0Demo0001',
    url: authorizeUrl('https://github.com/login/oauth/authorize', { client_id: 'Ov23liRadar0Demo0001', redirect_uri: REDIRECT, scope: 'user:email repo', state: 'e2e' }),
  },
  // GitHub Apps use the same endpoint without scopes: https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-access-token-for-a-github-app
  githubApp: {
    fixture: 'github-app.html',
    clientId: 'Iv23liLens0Demo00001',
    url: authorizeUrl('https://github.com/login/oauth/authorize', { client_id: 'Iv23liLens0Demo00001', redirect_uri: REDIRECT, state: 'e2e' }),
  },
  // https://api.slack.com/authentication/oauth-v2#asking, on a workspace host.
  slackWorkspace: {
    fixture: 'slack-oauth-v2.html',
    clientId: '1601185624273.7700112233445',
    url: authorizeUrl('https://acme-corp.slack.com/oauth/v2/authorize', {
      client_id: '1601185624273.7700112233445',
      scope: 'channels:history,channels:read,users:read,users:read.email,chat:write',
      redirect_uri: REDIRECT,
      state: 'e2e',
    }),
  },
  slackGerman: {
    fixture: 'slack-oauth-v2-de.html',
    clientId: '1601185624273.7700112233446',
    url: authorizeUrl('https://slack.com/oauth/v2/authorize', {
      client_id: '1601185624273.7700112233446',
      scope: 'channels:history,chat:write',
      redirect_uri: REDIRECT,
      state: 'e2e',
    }),
  },
} satisfies Record<string, Flow>;

const FIXTURES_BY_CLIENT = new Map(Object.values(FLOWS).map((flow) => [flow.clientId, flow.fixture]));

function readFixture(file: string): string {
  return readFileSync(resolve(CONSENT_PAGES_DIR, GITHUB_SLACK_FIXTURE_DIR, file), 'utf8');
}

/** Answers every document request on the consent hosts with the fixture of the flow's client id. */
async function serveFixtures(browser: ExtensionBrowser): Promise<void> {
  for (const pattern of ['https://github.com/login/**', 'https://acme-corp.slack.com/oauth/**', 'https://slack.com/oauth/**']) {
    await browser.context.route(pattern, (route) => {
      const request = route.request();
      if (request.resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
      const fixture = FIXTURES_BY_CLIENT.get(new URL(request.url()).searchParams.get('client_id') ?? '');
      if (fixture === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: `no fixture for ${request.url()}` });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFixture(fixture) });
    });
  }
}

async function open(browser: ExtensionBrowser, flow: Flow) {
  const { page, dialogs } = await openPage(browser);
  await page.goto(flow.url, { waitUntil: 'domcontentloaded' });
  const host = await waitForOverlayReady(page);
  return { page, host, dialogs, ui: overlay(page) };
}

describe('page facts of GitHub and Slack consent pages in the overlay', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveFixtures(browser);
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), {
      enforcement: 'warn',
      organization: ORGANIZATION,
      approvedIntegrations: [
        // Approved under another name than the one its consent page shows.
        { provider: 'github', clientId: FLOWS.githubApp.clientId, scopes: [], name: 'Lens for Pipelines', owner: 'platform@acme.example' },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('GitHub OAuth App: app name and owner from the page; verification not shown on it', async () => {
    const { page, host, ui, dialogs } = await open(browser, FLOWS.githubOAuthApp);
    await screenshot(page, 'page-facts-github-oauth-app');
    expect(host).toMatchObject({ 'data-provider': 'github', 'data-client-id': FLOWS.githubOAuthApp.clientId, 'data-verdict': 'needs-review' });
    expect(await ui.textOf('app-name')).toBe('Release Radar');
    const sources = await ui.textOf('fact-sources');
    expect(sources).toContain(S.publisherShown('northwind-labs'));
    expect(sources).toContain(S.notShown(S.fieldNames.verified));
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('GitHub App approved under another name: the quiet confirmation says which name came from where', async () => {
    const { page, host, ui } = await open(browser, FLOWS.githubApp);
    expect(host).toMatchObject({ 'data-provider': 'github', 'data-verdict': 'approved' });
    const confirmation = await ui.textOf('confirmation');
    await screenshot(page, 'page-facts-github-app-name-differs');
    // The organization's sentence names what the organization approved; the page's name is quoted as the page's.
    expect(confirmation).toContain(overlayStrings.approvedBy(ORGANIZATION.name, 'Lens for Pipelines'));
    expect(confirmation).not.toContain(overlayStrings.approvedBy(ORGANIZATION.name, 'Pipeline Lens'));
    expect(confirmation).toContain(S.namesDiffer('Pipeline Lens', 'Lens for Pipelines'));
    await page.close();
  });

  it('Slack on a workspace host: app name from the heading, no publisher on the page', async () => {
    const { page, host, ui } = await open(browser, FLOWS.slackWorkspace);
    await screenshot(page, 'page-facts-slack-workspace');
    expect(host).toMatchObject({ 'data-provider': 'slack', 'data-client-id': FLOWS.slackWorkspace.clientId, 'data-verdict': 'needs-review' });
    expect(await ui.textOf('app-name')).toBe('Standup Owl');
    expect(await ui.textOf('fact-sources')).toContain(S.publisherNotShown);
    await page.close();
  });

  it('Slack in German on slack.com: the localized heading still names the app', async () => {
    const { page, host, ui } = await open(browser, FLOWS.slackGerman);
    expect(host).toMatchObject({ 'data-provider': 'slack', 'data-client-id': FLOWS.slackGerman.clientId });
    expect(await ui.textOf('app-name')).toBe('Standup Owl');
    expect(await ui.textOf('fact-sources')).toContain(S.publisherNotShown);
    await page.close();
  });
});
