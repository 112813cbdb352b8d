/**
 * An admin's webhook receiver: records every JSON body POSTed to it (consent events, submitted reviews), and can
 * answer 503 for a while, as an endpoint behind a failing proxy does. Closing the port entirely is the endpoint
 * server's job (`goDown()`).
 */
import type { EndpointHandler } from './admin-endpoints';

export const HOOKS_HOST = 'hooks.example-corp.test';
export const EVENTS_PATH = '/consent-gate/events';
export const REVIEWS_PATH = '/consent-gate/reviews';
export const EVENTS_WEBHOOK_URL = `https://${HOOKS_HOST}${EVENTS_PATH}`;
export const REVIEWS_WEBHOOK_URL = `https://${HOOKS_HOST}${REVIEWS_PATH}`;

export interface ReceivedDelivery {
  path: string;
  contentType: string;
  body: string;
  json: unknown;
  receivedAt: number;
}

export interface WebhookReceiver {
  handler: EndpointHandler;
  /** Deliveries accepted (answered 2xx), in arrival order. */
  received: ReceivedDelivery[];
  /** POSTs answered with an error while unavailable. */
  refused: number;
  /** Answer every POST with this status (503) instead of accepting it; `undefined` accepts again. */
  failWith(status: number | undefined): void;
  /** Polls until `predicate` holds for the deliveries received, or fails with what did arrive. */
  waitFor(predicate: (received: ReceivedDelivery[]) => boolean, timeout: number, what: string): Promise<number>;
}

export function createWebhookReceiver(): WebhookReceiver {
  let failure: number | undefined;
  const receiver: WebhookReceiver = {
    received: [],
    refused: 0,
    handler({ method, path, headers, body }) {
      if (method !== 'POST' || (path !== EVENTS_PATH && path !== REVIEWS_PATH)) return { status: 404, body: 'not found' };
      if (failure !== undefined) {
        receiver.refused += 1;
        return { status: failure, body: 'unavailable' };
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return { status: 400, body: 'not JSON' };
      }
      receiver.received.push({ path, contentType: headers['content-type'] ?? '', body, json, receivedAt: Date.now() });
      return { status: 202, body: '' };
    },
    failWith(status) {
      failure = status;
    },
    async waitFor(predicate, timeout, what) {
      const started = Date.now();
      while (Date.now() - started < timeout) {
        if (predicate(receiver.received)) return Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const seen = receiver.received.map((delivery) => `${delivery.path}: ${delivery.body.slice(0, 300)}`);
      throw new Error(`The webhook receiver did not get ${what} within ${timeout} ms; it received ${JSON.stringify(seen)}`);
    },
  };
  return receiver;
}
