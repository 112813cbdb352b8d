import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INSTALLATION_ID_KEY } from '../../../lib/background/installation-id';
import { OUTBOX_ALARM, OUTBOX_DROPPED_KEY, queueDelivery } from '../../../lib/background/outbox';
import { enqueueDelivery, listDeliveries } from '../../../lib/storage/outbox';
import { createReview, setReviewStatus } from '../../../lib/storage/reviews';
import { samplePrefill } from '../storage/sample-records';
import {
  contentSender,
  deliver,
  fetchMock,
  fireAlarm,
  GOOGLE_CLIENT,
  httpResponse,
  navigate,
  pageSender,
  resetBackground,
  restartWorker,
  setPolicy,
  settleBackground,
  startBackground,
  storedState,
  URLS,
} from './background-harness';

const TAB = 9;
const CONSENT = URLS.googleConsentPage;
const EVENTS_HOOK = 'https://hooks.acme-corp.example/events';
const REVIEW_HOOK = 'https://hooks.acme-corp.example/reviews';
const SLACK_HOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';
const START = new Date('2026-03-01T10:00:00.000Z');

/** Whether the admin's endpoint is up; what it received, in order. */
let endpointUp = true;
const received: { url: string; init: RequestInit; body: unknown }[] = [];

beforeEach(() => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  endpointUp = true;
  received.length = 0;
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (!endpointUp) throw new TypeError('Failed to fetch');
    received.push({ url, init: init ?? {}, body: JSON.parse(String(init?.body)) });
    return httpResponse(200, 'ok');
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function advance(ms: number): void {
  vi.setSystemTime(new Date(Date.now() + ms));
}

/** A flow on the consent page, with the page's facts read (the first `shown` event is logged). */
async function seeConsentScreen(): Promise<string> {
  await startBackground();
  await navigate(TAB, URLS.googleDrive);
  await navigate(TAB, CONSENT);
  await deliver({ type: 'consent/page-facts', url: CONSENT, facts: { appName: 'Acme Notes' } }, contentSender(TAB, CONSENT));
  await settleBackground();
  const flowId = (await storedState(TAB))?.flowId;
  if (flowId === undefined) throw new Error('no flow captured');
  return flowId;
}

function continueFlow(flowId: string) {
  return deliver({ type: 'consent/action', flowId, action: 'continue' }, contentSender(TAB, CONSENT));
}

describe('consent events to the reporting webhook', () => {
  it('sends each logged event with only the fields the policy lists, without cookies', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK, include: ['scopes'] } });
    const flowId = await seeConsentScreen();
    expect(await continueFlow(flowId)).toEqual({ ok: true });
    await settleBackground();

    expect(received.map((request) => request.url)).toEqual([EVENTS_HOOK, EVENTS_HOOK]);
    const [first] = received;
    expect(first?.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'omit' });
    const installationId = (await fakeBrowser.storage.local.get(INSTALLATION_ID_KEY))[INSTALLATION_ID_KEY] as string;
    expect(installationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.body).toEqual({
      format: 'consent-gate/events',
      version: 1,
      sentAt: START.toISOString(),
      installationId,
      extensionVersion: '0.1.0',
      events: [
        {
          id: `${installationId}:1`,
          at: START.toISOString(),
          provider: 'google',
          clientId: GOOGLE_CLIENT,
          verdict: 'needs-review',
          risk: expect.any(String),
          enforcement: 'warn',
          action: 'shown',
          rules: expect.any(Array),
          scopes: ['https://www.googleapis.com/auth/drive'],
        },
      ],
    });
    expect((received[1]?.body as { events: { action: string }[] }).events.map((event) => event.action)).toEqual(['continued']);
    expect(await listDeliveries()).toEqual([]);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('sends nothing anywhere when the policy asks for no reporting', async () => {
    const flowId = await seeConsentScreen();
    await continueFlow(flowId);
    await settleBackground();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await listDeliveries()).toEqual([]);
  });

  it('queues while offline, batches, survives a restart and delivers when the endpoint is back', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    endpointUp = false;
    const flowId = await seeConsentScreen();
    await continueFlow(flowId);
    await settleBackground();

    const [queued] = await listDeliveries();
    expect(await listDeliveries()).toHaveLength(1);
    expect(queued).toMatchObject({ kind: 'events', url: EVENTS_HOOK, attempts: 1, lastError: expect.stringMatching(/Failed to fetch/) });
    expect((JSON.parse(queued!.body) as { events: unknown[] }).events).toHaveLength(2);
    const retryIn = queued!.nextAttemptAt - Date.now();
    expect(retryIn).toBeGreaterThanOrEqual(24_000);
    expect(retryIn).toBeLessThanOrEqual(36_000);
    expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBeGreaterThanOrEqual(queued!.nextAttemptAt);

    // The worker stops; the browser wakes it for the alarm once the endpoint is back.
    restartWorker();
    endpointUp = true;
    advance(40_000);
    await startBackground();
    await settleBackground();
    expect(received).toHaveLength(1);
    expect((received[0]?.body as { events: { action: string }[] }).events.map((event) => event.action)).toEqual(['shown', 'continued']);
    expect(await listDeliveries()).toEqual([]);
  });

  it('backs off further after each failure and retries on the alarm', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    fetchMock.mockImplementation(async () => httpResponse(503));
    await startBackground();
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"events":[]}', contentType: 'application/json' });
    await settleBackground();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [entry] = await listDeliveries();
      expect(entry).toMatchObject({ attempts: attempt, lastError: 'HTTP 503' });
      delays.push(entry!.nextAttemptAt - Date.now());
      vi.setSystemTime(new Date(entry!.nextAttemptAt));
      await fireAlarm(OUTBOX_ALARM);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(24_000);
    expect(delays[1]).toBeGreaterThanOrEqual(48_000);
    expect(delays[2]).toBeGreaterThanOrEqual(96_000);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('does not retry on an alarm before the delivery is due (beyond the next alarm)', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    endpointUp = false;
    await startBackground();
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"events":[]}', contentType: 'application/json' });
    await settleBackground();
    // The second failure backs off 48-72 s: further than an alarm period.
    vi.setSystemTime(new Date((await listDeliveries())[0]!.nextAttemptAt));
    await fireAlarm(OUTBOX_ALARM);
    expect((await listDeliveries())[0]?.attempts).toBe(2);
    endpointUp = true;
    await fireAlarm(OUTBOX_ALARM);
    expect(received).toEqual([]);
    expect(await listDeliveries()).toHaveLength(1);
  });

  it('on an alarm also sends what falls due before the next alarm could fire', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    endpointUp = false;
    await startBackground();
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"events":[]}', contentType: 'application/json' });
    await settleBackground();
    const [entry] = await listDeliveries();
    vi.setSystemTime(new Date(entry!.nextAttemptAt - 10_000));
    endpointUp = true;
    await fireAlarm(OUTBOX_ALARM);
    expect(received).toHaveLength(1);
    expect(await listDeliveries()).toEqual([]);
  });

  it('holds a delivery whose URL is no longer in the policy in force', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    endpointUp = false;
    await startBackground();
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"events":[]}', contentType: 'application/json' });
    await settleBackground();

    await setPolicy({ enforcement: 'warn' });
    await settleBackground();
    endpointUp = true;
    advance(60_000);
    await fireAlarm(OUTBOX_ALARM);
    expect(received).toEqual([]);
    const [held] = await listDeliveries();
    expect(held).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/not in the policy in force/) });
    expect(held!.nextAttemptAt - Date.now()).toBe(60 * 60_000);
  });

  it('drops the oldest delivery when the outbox is full, and counts it', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    endpointUp = false;
    await startBackground();
    for (let index = 0; index < 1000; index += 1) {
      await enqueueDelivery({ kind: 'events', url: EVENTS_HOOK, body: `{"n":${index}}`, contentType: 'application/json' }, { now: Date.now() + 3_600_000 });
    }
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"n":"new"}', contentType: 'application/json' });
    await settleBackground();
    const all = await listDeliveries();
    expect(all).toHaveLength(1000);
    expect(all[0]?.body).toBe('{"n":1}');
    expect(all.at(-1)?.body).toBe('{"n":"new"}');
    expect((await fakeBrowser.storage.local.get(OUTBOX_DROPPED_KEY))[OUTBOX_DROPPED_KEY]).toBe(1);
  });
});

describe('submitted reviews to the review intake', () => {
  const INTAKE = {
    webhookUrl: REVIEW_HOOK,
    slackWebhookUrl: SLACK_HOOK,
    email: 'security@acme-corp.example',
    formUrl: 'https://forms.acme-corp.example/review',
    formFields: { appName: 'entry.1', clientId: 'entry.2' },
  };

  async function submittedReview() {
    const review = await createReview(samplePrefill({ clientId: 'notes-client', appName: 'Acme Notes' }));
    return setReviewStatus(review.id, 'submitted');
  }

  it('posts to the JSON webhook and Slack, and opens the prefilled form next to the review', async () => {
    await setPolicy({ reviewIntake: INTAKE });
    await startBackground();
    const review = await submittedReview();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const sender = { ...pageSender(`/review.html?id=${review.id}`), tab: { id: 12, index: 4, windowId: 1 } };
    expect(await deliver({ type: 'page/review-submitted', reviewId: review.id }, sender)).toMatchObject({ ok: true });
    await settleBackground();

    expect(received.map((request) => request.url).sort()).toEqual([SLACK_HOOK, REVIEW_HOOK].sort());
    const webhook = received.find((request) => request.url === REVIEW_HOOK)?.body;
    expect(webhook).toMatchObject({ format: 'consent-gate/review', version: 1, review: { id: review.id, status: 'submitted', prefill: { clientId: 'notes-client' } } });
    const slack = received.find((request) => request.url === SLACK_HOOK)?.body as { text: string };
    expect(slack.text).toMatch(/Acme Notes/);

    expect(create).toHaveBeenCalledTimes(1);
    const opened = create.mock.calls[0]?.[0];
    expect(opened).toMatchObject({ active: true, openerTabId: 12, index: 5, windowId: 1 });
    const form = new URL(opened!.url!);
    expect(form.origin + form.pathname).toBe(INTAKE.formUrl);
    expect(form.searchParams.get('entry.1')).toBe('Acme Notes');
    expect(form.searchParams.get('entry.2')).toBe('notes-client');
  });

  it('hands the page a mailto: draft when the intake names an address', async () => {
    await setPolicy({ reviewIntake: { email: 'security@example.com' } });
    await startBackground();
    const review = await submittedReview();
    const reply = await deliver({ type: 'page/review-submitted', reviewId: review.id }, pageSender('/review.html'));
    expect(reply).toEqual({ ok: true, emailDraft: expect.stringMatching(/^mailto:security@example\.com\?subject=/) });
  });

  it('keeps a review made while the intake is down, and delivers it after a restart', async () => {
    await setPolicy({ reviewIntake: { webhookUrl: REVIEW_HOOK } });
    endpointUp = false;
    await startBackground();
    const review = await submittedReview();
    expect(await deliver({ type: 'page/review-submitted', reviewId: review.id }, pageSender('/review.html'))).toEqual({ ok: true });
    await settleBackground();
    expect(await listDeliveries()).toEqual([expect.objectContaining({ kind: 'review', url: REVIEW_HOOK, attempts: 1 })]);

    restartWorker();
    endpointUp = true;
    advance(60_000);
    await startBackground();
    await settleBackground();
    expect(received.map((request) => request.url)).toEqual([REVIEW_HOOK]);
    expect(await listDeliveries()).toEqual([]);
  });

  it('refuses to deliver a draft, and sends nothing without an intake', async () => {
    await startBackground();
    const draft = await createReview(samplePrefill());
    expect(await deliver({ type: 'page/review-submitted', reviewId: draft.id }, pageSender('/review.html'))).toEqual({
      ok: false,
      error: expect.stringMatching(/not been sent yet/),
    });
    const review = await submittedReview();
    expect(await deliver({ type: 'page/review-submitted', reviewId: review.id }, pageSender('/review.html'))).toEqual({ ok: true });
    await settleBackground();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
