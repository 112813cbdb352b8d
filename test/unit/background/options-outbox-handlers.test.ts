/**
 * The options page's background messages on the fake browser: the outbox status, test events and the last known
 * policy snapshot. Real IndexedDB (fake-indexeddb), the real router and handlers; only the network is scripted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INSTALLATION_ID_KEY } from '../../../lib/background/installation-id';
import { OUTBOX_DROPPED_KEY, queueDelivery } from '../../../lib/background/outbox';
import { getEffectivePolicy } from '../../../lib/background/policy-cache';
import { LAST_STATUS_KEY } from '../../../lib/background/policy-snapshot';
import { listDeliveries } from '../../../lib/storage/outbox';
import { readPolicyState, writePolicyState } from '../../../lib/storage/policy-state';
import {
  contentSender,
  deliver,
  deliverRaw,
  fetchMock,
  httpResponse,
  pageSender,
  resetBackground,
  restartWorker,
  setManagedPolicy,
  setPolicy,
  settleBackground,
  startBackground,
  URLS,
} from './background-harness';

const EVENTS_HOOK = 'https://hooks.acme-corp.example/events';
const REVIEW_HOOK = 'https://hooks.acme-corp.example/reviews';
const SLACK_HOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';
const START = new Date('2026-03-01T10:00:00.000Z');
const OPTIONS = pageSender('/options.html');
const CONTENT = contentSender(4, URLS.googleConsentPage);

/** Requests the "network" received, in order. */
const received: { url: string; init: RequestInit; body: unknown }[] = [];

function answerWith(status: number | 'offline'): void {
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (status === 'offline') throw new TypeError('Failed to fetch');
    received.push({ url, init: init ?? {}, body: JSON.parse(String(init?.body)) });
    return httpResponse(status, 'answer');
  });
}

beforeEach(async () => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  received.length = 0;
  answerWith(200);
  await startBackground();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('page/get-outbox', () => {
  it('shows an empty outbox and no endpoints when the policy configures none', async () => {
    expect(await deliver({ type: 'page/get-outbox' }, OPTIONS)).toEqual({
      ok: true,
      outbox: { items: [], total: 0, dropped: 0, destinations: [] },
    });
  });

  it('lists queued, failed and held deliveries without their bodies, the dropped count and the endpoints', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK }, reviewIntake: { webhookUrl: REVIEW_HOOK, slackWebhookUrl: SLACK_HOOK } });
    await settleBackground();
    answerWith(503);
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{"secret":"answers"}', contentType: 'application/json' });
    await settleBackground();
    // A delivery for an endpoint the admin has since removed is held, not sent.
    await queueDelivery({ kind: 'review', url: 'https://old-hooks.acme-corp.example/reviews', body: '{}', contentType: 'application/json' });
    await settleBackground();
    await fakeBrowser.storage.local.set({ [OUTBOX_DROPPED_KEY]: 3 });

    const reply = await deliver({ type: 'page/get-outbox' }, OPTIONS);
    if (!reply.ok) throw new Error(reply.error);
    const { outbox } = reply;
    expect(outbox.dropped).toBe(3);
    expect(outbox.total).toBe(2);
    expect(outbox.destinations).toEqual([
      { id: 'events', url: EVENTS_HOOK },
      { id: 'review', url: REVIEW_HOOK },
      { id: 'slack', url: SLACK_HOOK },
    ]);
    const [failed, held] = outbox.items;
    expect(failed).toMatchObject({ kind: 'events', destination: EVENTS_HOOK, state: 'failed', attempts: 1, lastError: 'HTTP 503', createdAt: START.toISOString() });
    expect(Date.parse(failed!.nextAttemptAt) - START.getTime()).toBeGreaterThanOrEqual(24_000);
    expect(held).toMatchObject({ kind: 'review', state: 'held', attempts: 0, lastError: expect.stringMatching(/^held: /) });
    expect(JSON.stringify(outbox)).not.toContain('secret');
  });

  it('shows a delivery not tried yet as queued', async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK } });
    await settleBackground();
    // The endpoint never answers: the delivery stays in flight, untried, while the page looks.
    let release: () => void = () => undefined;
    fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (release = () => resolve(httpResponse(200)))));
    await queueDelivery({ kind: 'events', url: EVENTS_HOOK, body: '{}', contentType: 'application/json' });
    const reply = await deliver({ type: 'page/get-outbox' }, OPTIONS);
    expect(reply).toMatchObject({ ok: true, outbox: { total: 1, items: [{ state: 'queued', attempts: 0, kind: 'events' }] } });
    release();
    await settleBackground();
    expect(await listDeliveries()).toEqual([]);
  });
});

describe('page/send-test-event', () => {
  beforeEach(async () => {
    await setPolicy({ reporting: { webhookUrl: EVENTS_HOOK }, reviewIntake: { webhookUrl: REVIEW_HOOK, slackWebhookUrl: SLACK_HOOK } });
    await settleBackground();
  });

  it.each([
    ['events', EVENTS_HOOK, { format: 'consent-gate/events', version: 1, test: true, events: [] }],
    ['review', REVIEW_HOOK, { format: 'consent-gate/review', version: 1, test: true }],
    ['slack', SLACK_HOOK, { text: expect.stringMatching(/^Consent Gate test message/) }],
  ] as const)('posts a marked test payload to the %s endpoint the policy names', async (destination, url, body) => {
    expect(await deliver({ type: 'page/send-test-event', destination }, OPTIONS)).toEqual({ ok: true, result: { delivered: true, status: 200 } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ url, init: { method: 'POST', credentials: 'omit', redirect: 'error' }, body });
    if (destination !== 'slack') {
      const installationId = (await fakeBrowser.storage.local.get(INSTALLATION_ID_KEY))[INSTALLATION_ID_KEY];
      expect(received[0]?.body).toMatchObject({ sentAt: START.toISOString(), installationId, extensionVersion: '0.1.0' });
      expect(received[0]?.body).not.toHaveProperty('review');
    }
    // Sent at once, never queued: a test cannot push a real delivery out of the bounded outbox.
    expect(await listDeliveries()).toEqual([]);
  });

  it.each([
    [500, { delivered: false, status: 500, error: 'HTTP 500' }],
    [404, { delivered: false, status: 404, error: 'HTTP 404' }],
    ['offline', { delivered: false, error: 'not delivered (Failed to fetch)' }],
  ] as const)('reports an endpoint that answers %s, and keeps nothing to retry', async (answer, result) => {
    answerWith(answer);
    expect(await deliver({ type: 'page/send-test-event', destination: 'events' }, OPTIONS)).toEqual({ ok: true, result });
    expect(await listDeliveries()).toEqual([]);
  });

  it('sends nothing when the policy sets no such endpoint', async () => {
    await setPolicy({ reviewIntake: { webhookUrl: REVIEW_HOOK } });
    await settleBackground();
    expect(await deliver({ type: 'page/send-test-event', destination: 'events' }, OPTIONS)).toEqual({
      ok: false,
      error: 'The policy in force sets no reporting.webhookUrl; there is nothing to test.',
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    ['a content script', CONTENT, /only extension-page may send it/],
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' }, /unknown sender/],
  ])('refuses a test event from %s and sends nothing', async (_name, sender, reason) => {
    expect(await deliverRaw({ type: 'page/send-test-event', destination: 'events' }, sender)).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(reason) });
    expect(await deliverRaw({ type: 'page/get-outbox' }, sender)).toMatchObject({ ok: false, refused: true });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a URL as destination, even the configured one', async () => {
    expect(await deliverRaw({ type: 'page/send-test-event', destination: EVENTS_HOOK }, OPTIONS)).toMatchObject({
      ok: false,
      refused: true,
      error: expect.stringMatching(/malformed page\/send-test-event message at destination/),
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('page/get-policy-snapshot', () => {
  /** Managed storage that answers only when the test says so, like Chromium's first read after a browser start. */
  function slowManagedStorage(): () => void {
    let answer: () => void = () => undefined;
    const original = fakeBrowser.storage.managed.get.bind(fakeBrowser.storage.managed);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      () => new Promise((resolve) => (answer = () => void original(null).then(resolve as never))) as never,
    );
    return () => answer();
  }

  it('answers with the policy in force once no source is being read, and keeps it for later', async () => {
    await setManagedPolicy({ enforcement: 'block' });
    await setPolicy({ organization: { name: 'Acme' } });
    await settleBackground();
    const inForce = await getEffectivePolicy();
    const reply = await deliver({ type: 'page/get-policy-snapshot' }, OPTIONS);
    expect(reply).toEqual({ ok: true, status: inForce.status, reading: [] });
    await settleBackground();
    expect((await readPolicyState([LAST_STATUS_KEY]))[LAST_STATUS_KEY]).toEqual({ status: inForce.status, savedAt: START.toISOString() });
  });

  it('after a restart, answers at once with the kept status and the sources still being read', async () => {
    await setManagedPolicy({ enforcement: 'block' });
    await settleBackground();
    const before = (await getEffectivePolicy()).status;
    await settleBackground();

    restartWorker();
    const answerManaged = slowManagedStorage();
    // The worker's start-up work waits for the same slow read; its listeners are in place at once.
    const started = startBackground();
    const reply = await deliver({ type: 'page/get-policy-snapshot' }, OPTIONS);
    expect(reply).toMatchObject({ ok: true, status: before, savedAt: START.toISOString() });
    expect(reply.ok && reply.reading).toContain('managed');

    answerManaged();
    const full = await deliver({ type: 'page/get-policy-status' }, OPTIONS);
    expect(full).toMatchObject({ ok: true, status: { policy: { enforcement: 'block' } } });
    expect(await deliver({ type: 'page/get-policy-snapshot' }, OPTIONS)).toMatchObject({ ok: true, reading: [] });
    await started;
  });

  it('answers null while reading when no status was ever kept, and ignores a kept value that is not a status', async () => {
    restartWorker();
    const answerManaged = slowManagedStorage();
    const started = startBackground();
    await writePolicyState({ [LAST_STATUS_KEY]: { status: { policy: { enforcement: 'everything' } }, savedAt: 'yesterday' } });
    const reply = await deliver({ type: 'page/get-policy-snapshot' }, OPTIONS);
    expect(reply).toEqual({ ok: true, status: null, reading: ['managed', 'remote', 'local'] });
    answerManaged();
    await started;
    await settleBackground();
  });

  it('is refused from a content script', async () => {
    expect(await deliverRaw({ type: 'page/get-policy-snapshot' }, CONTENT)).toMatchObject({ ok: false, refused: true });
  });
});
