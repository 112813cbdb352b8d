/**
 * The audit trail and the review intake reach the admin's webhook receiver, a local HTTPS server under a
 * real-looking host name, set by managed policy (`reporting.webhookUrl`, `reviewIntake.webhookUrl`). Deliveries
 * made while the receiver is down wait in the outbox, survive a service-worker restart, and arrive once it is back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { startAdminEndpoints, type AdminEndpoints } from './support/admin-endpoints';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { waitForConsentEvent } from './support/consent-events';
import { overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openConsentScreen, openPage } from './support/consent-screen';
import { currentServiceWorker, launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { createManagedPolicyFile, removeAllManagedPolicies } from './support/managed-policy';
import { getPolicyStatus, openOptionsPage, waitForPolicyStatus } from './support/policy-status';
import { fillQuestionnaire } from './support/questionnaire';
import { stopServiceWorker } from './support/service-worker-stop';
import { readOutbox, waitForOutbox } from './support/webhook-outbox';
import {
  createWebhookReceiver,
  EVENTS_PATH,
  EVENTS_WEBHOOK_URL,
  HOOKS_HOST,
  REVIEWS_PATH,
  REVIEWS_WEBHOOK_URL,
  type ReceivedDelivery,
  type WebhookReceiver,
} from './support/webhook-receiver';

const google = SCENARIOS.google;
/**
 * The outbox retries a failed delivery after about 30 s (24-36 s with jitter, lib/reporting/retry-schedule.ts) on
 * an alarm; this bounds the wait for that one retry.
 */
const RETRY_WAIT_MS = 60_000;

interface EventsPayload {
  format: string;
  version: number;
  installationId: string;
  events: { id: string; provider: string; clientId: string; verdict: string; action: string; scopes?: string[]; host?: string; reason?: string }[];
}

interface ReviewPayload {
  format: string;
  version: number;
  review: unknown;
}

function deliveredEvents(received: ReceivedDelivery[]): EventsPayload['events'] {
  return received.filter((delivery) => delivery.path === EVENTS_PATH).flatMap((delivery) => (delivery.json as EventsPayload).events);
}

function deliveredReviews(received: ReceivedDelivery[]): ReviewPayload[] {
  return received.filter((delivery) => delivery.path === REVIEWS_PATH).map((delivery) => delivery.json as ReviewPayload);
}

describe('webhook receiver: consent events and submitted reviews', () => {
  let browser: ExtensionBrowser | undefined;
  let endpoints: AdminEndpoints | undefined;
  let receiver: WebhookReceiver;

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  /**
   * "Start review" on the overlay, then the questionnaire filled and submitted as a requester would. `inspect` sees
   * the review page after the submission, before it closes.
   */
  async function submitReviewFrom(consent: Page, inspect?: (review: Page) => Promise<void>): Promise<string> {
    const [review] = await Promise.all([
      opened().context.waitForEvent('page', { predicate: (page) => page.url().includes('/review.html'), timeout: 10_000 }),
      overlay(consent).click('start-review'),
    ]);
    await review.waitForSelector('[data-testid="submit-review"]');
    await fillQuestionnaire(review);
    await review.click('[data-testid="submit-review"]');
    await expect.poll(() => review.textContent('body'), { timeout: 10_000 }).toMatch(/Submitted/);
    const id = new URL(review.url()).searchParams.get('id') ?? '';
    if (inspect) await inspect(review);
    await review.close();
    return id;
  }

  beforeAll(async () => {
    receiver = createWebhookReceiver();
    endpoints = await startAdminEndpoints({ extensionId: CHROME_EXTENSION_ID, handlers: { [HOOKS_HOST]: receiver.handler } });
    createManagedPolicyFile(CHROME_EXTENSION_ID).write({
      enforcement: 'warn',
      reporting: { webhookUrl: EVENTS_WEBHOOK_URL, include: ['scopes', 'host'] },
      reviewIntake: { webhookUrl: REVIEWS_WEBHOOK_URL },
    });
    browser = await launchExtensionBrowser({ hostMap: { hosts: [HOOKS_HOST], port: endpoints.port } });
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    const options = await openOptionsPage(browser);
    await waitForPolicyStatus(options, (status) => status.policy.reporting?.webhookUrl === EVENTS_WEBHOOK_URL, 15_000, 'the managed reporting webhook');
    await options.close();
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await endpoints?.close();
    } finally {
      removeAllManagedPolicies();
    }
  });

  it('consent events arrive in the documented payload, with only what the policy lists', async () => {
    const { page } = await openConsentScreen(opened(), 'google');
    await overlay(page).click('continue');
    await receiver.waitFor(
      (received) => deliveredEvents(received).some((event) => event.action === 'continued' && event.clientId === google.clientId),
      10_000,
      'the "continued" event',
    );
    const events = deliveredEvents(receiver.received);
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['shown', 'continued']));
    const payload = receiver.received.find((delivery) => delivery.path === EVENTS_PATH);
    expect(payload?.contentType).toMatch(/^application\/json/);
    expect(payload?.json).toMatchObject({ format: 'consent-gate/events', version: 1 });
    const continued = events.find((event) => event.action === 'continued');
    expect(continued).toMatchObject({ provider: 'google', clientId: google.clientId, verdict: 'needs-review', host: 'accounts.google.com' });
    expect(continued?.scopes).toEqual(google.scopes);
    // No authorization URL, state, redirect URI or page content: only what the policy asks for.
    for (const delivery of receiver.received) {
      expect(delivery.body).not.toContain('e2e-state');
      expect(delivery.body).not.toContain('app.example-crm.test');
      expect(delivery.body).not.toContain('wants to access');
    }
    await page.close();
  });

  it('a submitted review arrives in the review payload, and neither it nor the exports carry the URL\'s secrets', async () => {
    // Values only the authorization URL knows: the app's session (state), the person's account (login_hint), the
    // ID token binding (nonce) and the PKCE challenge. A reviewer needs none of them.
    const secrets = { state: 'e2e-state-5f1c9a', nonce: 'e2e-nonce-a83d10', login_hint: 'jane.private@corp-e2e.test', code_challenge: 'e2eCHALLENGE0t8URWbuGJSstwcM' };
    const authorizationUrl = new URL(google.authorizationUrl());
    for (const [name, value] of Object.entries(secrets)) authorizationUrl.searchParams.set(name, value);
    authorizationUrl.searchParams.set('code_challenge_method', 'S256');
    const { page } = await openPage(opened());
    await page.goto(authorizationUrl.href, { waitUntil: 'domcontentloaded' });
    await waitForOverlayReady(page);

    const exported: Record<string, string> = {};
    await submitReviewFrom(page, async (review) => {
      for (const testId of ['download-json', 'download-markdown']) {
        const [download] = await Promise.all([review.waitForEvent('download', { timeout: 10_000 }), review.click(`[data-testid="${testId}"]`)]);
        const path = await download.path();
        exported[testId] = readFileSync(path, 'utf8');
      }
    });
    await receiver.waitFor((received) => deliveredReviews(received).length === 1, 10_000, 'the submitted review');
    const [review] = deliveredReviews(receiver.received);
    expect(review).toMatchObject({ format: 'consent-gate/review', version: 1 });
    expect(JSON.stringify(review?.review)).toContain(google.clientId);
    expect(JSON.stringify(review?.review)).toContain('Log customer email threads from sales reps into the CRM timeline.');
    expect(review?.review).toMatchObject({ prefill: { redirectUri: 'https://app.example-crm.test/oauth/callback', requestUrl: expect.stringMatching(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?client_id=/) } });

    const reviewBody = receiver.received.find((delivery) => delivery.path === REVIEWS_PATH)?.body ?? '';
    const outgoing = { 'review webhook': reviewBody, 'JSON export': exported['download-json'] ?? '', 'Markdown export': exported['download-markdown'] ?? '' };
    for (const [name, text] of Object.entries(outgoing)) {
      expect(text, name).toContain(google.clientId);
      for (const value of Object.values(secrets)) {
        expect(text, `${name} carries ${value}`).not.toContain(value);
        expect(text, `${name} carries ${value}`).not.toContain(encodeURIComponent(value));
      }
    }
    await page.close();
  });

  it('events and a review made while the receiver is down arrive after it is back, across a service-worker restart', async () => {
    if (!endpoints) throw new Error('The webhook receiver did not start.');
    const eventsBefore = deliveredEvents(receiver.received).length;
    await endpoints.goDown();
    const downAt = Date.now();

    const { page: cancelled } = await openConsentScreen(opened(), 'google');
    const consentUrl = cancelled.url();
    await overlay(cancelled).click('cancel');
    // "Cancel" takes the tab back; closing it while that navigation starts can leave Playwright's close hanging.
    await expect.poll(() => cancelled.isClosed() || cancelled.url() !== consentUrl, { timeout: 5_000 }).toBe(true);
    await waitForConsentEvent(await opened().worker(), (event) => event.action === 'cancelled');
    if (!cancelled.isClosed()) await cancelled.close();
    const { page: reviewed } = await openConsentScreen(opened(), 'google');
    await submitReviewFrom(reviewed);
    await reviewed.close();

    // Both kinds were tried, failed, and wait in the outbox for their retry.
    const queued = await waitForOutbox(
      () => opened().worker(),
      (rows) => ['events', 'review'].every((kind) => rows.some((row) => row.kind === kind && row.attempts >= 1)),
      10_000,
      'a failed events delivery and a failed review delivery',
    );
    expect(queued.every((row) => row.lastError !== undefined)).toBe(true);
    expect(deliveredReviews(receiver.received)).toHaveLength(1);
    const downForMs = Date.now() - downAt;

    await endpoints.comeUp();
    // The service worker is stopped: what waits must come back from IndexedDB, and only the alarm wakes it.
    const stopped = await stopServiceWorker(opened().context, await opened().worker());

    const cameBack = (received: ReceivedDelivery[]) => ({
      review: deliveredReviews(received).length === 2,
      event: deliveredEvents(received).some((event) => event.action === 'cancelled'),
    });
    // The retry alarm (about 30 s) wakes the stopped worker, which sends every delivery that is due by then.
    const firstRetryMs = await receiver.waitFor(
      (received) => Object.values(cameBack(received)).some(Boolean),
      RETRY_WAIT_MS,
      'a delivery retried by the alarm',
    );
    // Evaluations go to a running worker only: a message wakes it should Chromium have stopped it again.
    const options = await openOptionsPage(opened());
    await getPolicyStatus(options);
    await options.close();
    const worker = await currentServiceWorker(opened().context);
    expect(await stopped.restarted(worker)).toBe(true);
    // A delivery that failed a few seconds after the first was not due yet when the alarm fired; the alarm for it
    // is at least 30 s later. The next delivery queued sends everything due, so a person's next consent screen
    // does, as soon as the rest is due.
    const remaining = await readOutbox(worker);
    let nudged = false;
    if (remaining.length > 0) {
      const due = Math.max(...remaining.map((row) => row.nextAttemptAt));
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(0, due - Date.now()) + 250, 15_000)));
      const { page } = await openConsentScreen(opened(), 'google');
      await page.close();
      nudged = true;
    }
    await receiver.waitFor((received) => Object.values(cameBack(received)).every(Boolean), 10_000, 'the cancelled event and the second review');
    console.info(
      `Receiver down for ${downForMs} ms; the first retry (alarm, fresh worker) arrived ${firstRetryMs} ms after it came back` +
        `${nudged ? `; ${remaining.length} later-due deliver${remaining.length === 1 ? 'y' : 'ies'} went with the next consent event` : '; everything went in that retry'}.`,
    );
    const events = deliveredEvents(receiver.received);
    expect(events.length).toBeGreaterThan(eventsBefore);
    // Retried deliveries carry stable ids, so a receiver can de-duplicate; none arrived twice here.
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const reviews = deliveredReviews(receiver.received);
    expect(new Set(reviews.map((review) => JSON.stringify(review.review))).size).toBe(2);
    await expect.poll(() => readOutbox(worker), { timeout: 10_000 }).toEqual([]);
  }, RETRY_WAIT_MS + 40_000);
});
