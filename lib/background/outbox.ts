/**
 * This module's job is the browser: sends the outbox (lib/storage/outbox.ts) to the admin's webhooks. A delivery
 * is POSTed without cookies; a 2xx answer removes it, anything else (an HTTP error, no network, a CORS refusal)
 * keeps it for a retry with backoff. The queue lives in IndexedDB, so a service-worker restart loses nothing; an
 * alarm brings the worker back when the next retry is due.
 *
 * Data leaves the browser only for URLs of the policy in force: a queued delivery whose URL the admin has since
 * removed is held, not sent, until that URL is back in the policy or the bound pushes it out.
 */
import { browser } from 'wxt/browser';
import { nextAttemptDelayMs } from '../reporting/retry-schedule';
import { configuredDestinations } from '../reporting/webhook-destinations';
import type { Policy } from '../policy/schema';
import {
  completeDelivery,
  enqueueDelivery,
  listDueDeliveries,
  nextDeliveryTime,
  recordFailedAttempt,
  type EnqueueOptions,
  type NewDelivery,
} from '../storage/outbox';
import type { OutboxDelivery } from '../storage/records';
import { getEffectivePolicy } from './policy-cache';
import { errorMessage } from '../error-message';

export const OUTBOX_ALARM = 'consent-gate:outbox';
/** How many deliveries the bound has dropped, ever (shown on the options page, lib/background/outbox-status.ts). */
export const OUTBOX_DROPPED_KEY = 'outbox:dropped';

const BATCH = 50;
const MAX_ROUNDS = 20;
const SEND_TIMEOUT_MS = 30_000;
/** A held delivery (its URL left the policy) is looked at again after this long. */
const HOLD_MS = 60 * 60_000;
/** How a held delivery's `lastError` starts; the options page tells held deliveries apart by it. */
export const HELD_ERROR_PREFIX = 'held:';
/** Chromium fires alarms no sooner than 30 s apart. */
export const MIN_ALARM_MS = 30_000;

/** Deliveries being sent right now: events are not folded into them (lib/background/event-reporting.ts). */
const inFlight = new Set<number>();

export function isInFlight(id: number | undefined): boolean {
  return id !== undefined && inFlight.has(id);
}

/** The webhook URLs of a policy: the only places a delivery may go. */
export function deliveryUrls(policy: Policy): Set<string> {
  // One list of endpoints for sending and for the options page's test button, so the two cannot drift apart.
  return new Set(configuredDestinations(policy).map((destination) => destination.url));
}

async function countDropped(dropped: number): Promise<void> {
  console.warn(`Consent Gate's webhook outbox is full: the ${dropped === 1 ? 'oldest delivery was' : `${dropped} oldest deliveries were`} dropped.`);
  const stored = (await browser.storage.local.get(OUTBOX_DROPPED_KEY))[OUTBOX_DROPPED_KEY];
  await browser.storage.local.set({ [OUTBOX_DROPPED_KEY]: (typeof stored === 'number' ? stored : 0) + dropped });
}

/** Queues a delivery and starts sending. Resolves once it is safely stored; the sending goes on detached. */
export async function queueDelivery(delivery: NewDelivery, coalesce?: EnqueueOptions['coalesce']): Promise<void> {
  const result = await enqueueDelivery(delivery, { now: Date.now(), ...(coalesce === undefined ? {} : { coalesce }) });
  if (result.dropped > 0) await countDropped(result.dropped);
  void requestFlush().catch((error: unknown) => console.error('Consent Gate could not send its webhook deliveries:', errorMessage(error)));
}

/** `status`: the HTTP status when the endpoint answered at all (a network or CORS failure has none). */
export type SendResult = { ok: true; status: number } | { ok: false; error: string; status?: number };

/** One POST as every delivery is sent; also used for the options page's test events (lib/background/test-delivery.ts). */
export async function postDelivery(delivery: Pick<OutboxDelivery, 'url' | 'body' | 'contentType'>): Promise<SendResult> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': delivery.contentType },
      body: delivery.body,
      // No cookies or HTTP auth of the person's: the admin's endpoint gets the payload and nothing else.
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, error: `HTTP ${response.status}`, status: response.status };
  } catch (error) {
    // A CORS refusal and an unreachable host look the same from here: a TypeError ("Failed to fetch").
    return { ok: false, error: `not delivered (${errorMessage(error) || 'network error'})` };
  }
}

async function scheduleAlarm(now: number): Promise<void> {
  const next = await nextDeliveryTime();
  if (next === undefined) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next, now + MIN_ALARM_MS) });
}

export interface FlushReport {
  sent: number;
  failed: number;
  held: number;
}

async function flush(random: () => number, lookAheadMs: number): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, failed: 0, held: 0 };
  const now = Date.now();
  const dueBy = now + lookAheadMs;
  const allowed = deliveryUrls((await getEffectivePolicy()).policy);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const due = await listDueDeliveries(dueBy, BATCH);
    if (due.length === 0) break;
    let failedThisRound = false;
    for (const delivery of due) {
      const id = delivery.id;
      if (id === undefined) continue;
      if (!allowed.has(delivery.url)) {
        report.held += 1;
        await recordFailedAttempt(id, {
          attempts: delivery.attempts,
          nextAttemptAt: now + HOLD_MS,
          lastError: `${HELD_ERROR_PREFIX} this URL is not in the policy in force`,
        });
        continue;
      }
      inFlight.add(id);
      let result: SendResult;
      try {
        result = await postDelivery(delivery);
      } finally {
        inFlight.delete(id);
      }
      if (result.ok) {
        report.sent += 1;
        await completeDelivery(id, delivery.body);
      } else {
        report.failed += 1;
        failedThisRound = true;
        const attempts = delivery.attempts + 1;
        await recordFailedAttempt(id, { attempts, nextAttemptAt: Date.now() + nextAttemptDelayMs(attempts, random), lastError: result.error });
      }
    }
    // Offline or an endpoint down: leave the rest for the alarm instead of failing all of them now.
    if (failedThisRound) break;
  }
  await scheduleAlarm(Date.now());
  return report;
}

let running: Promise<FlushReport> | undefined;
let again = false;

/**
 * Sends what is due. One flush at a time; a request during a flush runs one more flush after it, so a delivery
 * queued meanwhile is not left waiting for the alarm.
 */
export function requestFlush(random: () => number = Math.random, lookAheadMs = 0): Promise<FlushReport> {
  if (running !== undefined) {
    again = true;
    return running;
  }
  const run = (async () => {
    let report = await flush(random, lookAheadMs);
    while (again) {
      again = false;
      const next = await flush(random, 0);
      report = { sent: report.sent + next.sent, failed: report.failed + next.failed, held: report.held + next.held };
    }
    return report;
  })();
  running = run;
  const finish = () => {
    if (running !== run) return;
    running = undefined;
    // A request that came after the last check of `again` but before this point still gets its flush.
    if (again) {
      again = false;
      void requestFlush(random).catch((error: unknown) => console.error('Consent Gate could not send its webhook deliveries:', errorMessage(error)));
    }
  };
  void run.then(finish, finish);
  return run;
}

/** Tests: wait for a flush in progress, as a test waits for the alarm's work. */
export function outboxIdle(): Promise<unknown> {
  return running ?? Promise.resolve();
}

/** Tests: forget in-memory state, as after a service-worker restart. */
export function resetOutbox(): void {
  running = undefined;
  again = false;
  inFlight.clear();
}
