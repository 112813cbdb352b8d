/**
 * The options page's webhook outbox against two real HTTPS receivers under real-looking host names: one that
 * accepts (submitted reviews) and one that answers 503 (consent events). "Send a test event" reaches each through
 * the normal delivery path and shows what the endpoint answered; a consent event for the failing receiver appears
 * in the outbox, on the page already open, with its error and next retry. The review page started from the same
 * flow shows the earlier decision the policy holds on the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { describeViolations, scanDocument } from './support/accessibility';
import { screenshot } from './support/artifacts';
import { startAdminEndpoints, type AdminEndpoints, type EndpointHandler } from './support/admin-endpoints';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay } from './support/consent-gate-overlay';
import { openConsentScreen } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';
import { openOptionsPage, waitForPolicyStatus } from './support/policy-status';
import { readOutbox } from './support/webhook-outbox';
import { createWebhookReceiver, HOOKS_HOST, REVIEWS_PATH, REVIEWS_WEBHOOK_URL, type WebhookReceiver } from './support/webhook-receiver';

const google = SCENARIOS.google;
const BROKEN_HOST = 'broken-hooks.example-corp.test';
const BROKEN_EVENTS_URL = `https://${BROKEN_HOST}/consent-gate/events`;
const DECISION_URL = 'https://tickets.example-corp.test/SEC-41';
const NOTES = 'Pilot for the sales team only; read-only mail.';

describe('options page: webhook outbox and test events; review page: earlier decisions', () => {
  let browser: ExtensionBrowser | undefined;
  let endpoints: AdminEndpoints | undefined;
  let receiver: WebhookReceiver;
  let brokenPosts = 0;
  let options: Page;

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  beforeAll(async () => {
    receiver = createWebhookReceiver();
    const broken: EndpointHandler = ({ method }) => {
      if (method === 'POST') brokenPosts += 1;
      return { status: 503, body: 'unavailable' };
    };
    endpoints = await startAdminEndpoints({ extensionId: CHROME_EXTENSION_ID, handlers: { [HOOKS_HOST]: receiver.handler, [BROKEN_HOST]: broken } });
    browser = await launchExtensionBrowser({ hostMap: { hosts: [HOOKS_HOST, BROKEN_HOST], port: endpoints.port } });
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), {
      enforcement: 'warn',
      reporting: { webhookUrl: BROKEN_EVENTS_URL },
      reviewIntake: { webhookUrl: REVIEWS_WEBHOOK_URL },
      approvedIntegrations: [
        {
          provider: 'google',
          clientId: google.clientId,
          name: 'Example CRM',
          scopes: google.scopes,
          kind: 'pilot',
          approvedBy: 'Ana Ruiz',
          approvedOn: '2026-01-05',
          expiresOn: '2026-01-19',
          decisionUrl: DECISION_URL,
          notes: NOTES,
        },
      ],
    });
    options = await openOptionsPage(browser);
    await waitForPolicyStatus(options, (status) => status.policy.reporting?.webhookUrl === BROKEN_EVENTS_URL, 15_000, 'the local policy');
    await options.reload();
  });

  afterAll(async () => {
    await browser?.close();
    await endpoints?.close();
  });

  it('lists each configured endpoint with a test button, and an empty outbox', async () => {
    await options.waitForSelector('[data-testid="destinations"]', { timeout: 10_000 });
    const destinations = await options.locator('[data-testid^="destination-"]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.url));
    expect(destinations).toEqual([BROKEN_EVENTS_URL, REVIEWS_WEBHOOK_URL]);
    expect(await options.textContent('[data-testid="outbox-empty"]')).toMatch(/Nothing is waiting/);
    expect(await options.textContent('[data-testid="outbox-dropped"]')).toBe('No delivery was dropped.');
  });

  it('"Send a test event" shows delivered for the working receiver, which gets a marked test payload', async () => {
    await options.click('[data-testid="send-test-review"]');
    const result = options.locator('[data-testid="test-result-review"]');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('delivered');
    expect(await result.textContent()).toBe('Delivered (HTTP 202).');
    const tests = receiver.received.filter((delivery) => delivery.path === REVIEWS_PATH);
    expect(tests).toHaveLength(1);
    expect(tests[0]?.json).toMatchObject({ format: 'consent-gate/review', version: 1, test: true });
    expect(tests[0]?.json).not.toHaveProperty('review');
    expect(tests[0]?.contentType).toBe('application/json');
  });

  it('"Send a test event" shows the HTTP status of the failing receiver, and queues nothing', async () => {
    await options.click('[data-testid="send-test-events"]');
    const result = options.locator('[data-testid="test-result-events"]');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('failed');
    expect(await result.textContent()).toBe('Not delivered: the endpoint answered HTTP 503.');
    expect(brokenPosts).toBe(1);
    expect(await readOutbox(await opened().worker())).toEqual([]);
  });

  it('the review page shows the earlier decision on the app, with a safe link to it', async () => {
    const { page } = await openConsentScreen(opened(), 'google');
    const [review] = await Promise.all([
      opened().context.waitForEvent('page', { predicate: (tab) => tab.url().includes('/review.html'), timeout: 10_000 }),
      overlay(page).click('start-review'),
    ]);
    const decision = review.locator('[data-testid="earlier-decision"]');
    await decision.waitFor({ timeout: 10_000 });
    expect(await decision.getAttribute('data-outcome')).toBe('pilot');
    expect(await decision.getAttribute('data-expired')).toBe('true');
    expect(await decision.locator('[data-testid="earlier-decision-by"]').textContent()).toBe('Ana Ruiz');
    expect(await decision.locator('[data-testid="earlier-decision-on"]').textContent()).toBe('2026-01-05');
    expect(await decision.locator('[data-testid="earlier-decision-notes"]').textContent()).toBe(NOTES);
    const link = decision.locator('[data-testid="earlier-decision-link"]');
    expect(await link.getAttribute('href')).toBe(DECISION_URL);
    expect(await link.textContent()).toBe(DECISION_URL);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await screenshot(review, 'review-earlier-decision');
    expect(describeViolations((await scanDocument(review)).violations)).toEqual([]);
    await review.close();
    await page.close();
  });

  it('a consent event for the failing receiver shows in the open page as failed, with its error and next retry', async () => {
    // The flow above logged events; the page was not reloaded since, so what shows came from its own reading of
    // the outbox (every few seconds while visible, and on becoming visible again).
    await options.bringToFront();
    const row = options.locator('[data-testid="outbox-failed"] [data-testid="outbox-row"][data-kind="events"]');
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.first().getAttribute('data-state')).toBe('failed');
    expect(await row.first().textContent()).toContain(BROKEN_EVENTS_URL);
    expect(await row.first().locator('[data-testid="outbox-error"]').textContent()).toBe('HTTP 503');
    expect(Number(await row.first().locator('[data-testid="outbox-attempts"]').textContent())).toBeGreaterThanOrEqual(1);
    expect(await row.first().locator('[data-testid="outbox-retry"]').textContent()).toMatch(/^in \d+ (s|min)$|^due now$/);

    const queued = await readOutbox(await opened().worker());
    expect(queued.some((delivery) => delivery.kind === 'events' && delivery.url === BROKEN_EVENTS_URL && delivery.lastError === 'HTTP 503')).toBe(true);
    expect(await options.textContent('[data-testid="outbox-total"]')).toMatch(/^\d+ deliver(y|ies) waiting$/);
  });

  it('the options page with a filled outbox and test results passes an axe scan (WCAG 2.x A/AA)', async () => {
    await screenshot(options, 'options-outbox');
    const { violations, passes } = await scanDocument(options);
    expect(describeViolations(violations)).toEqual([]);
    expect(passes).toBeGreaterThan(0);
  });
});
