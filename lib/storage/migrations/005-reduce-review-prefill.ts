import { pageOrigin, reduceUri, reviewerRequestUrl } from '../../reporting/reviewer-request';
import type { Migration } from './migration';

/**
 * Reviews started before the reviewer's view existed kept the full authorization URL (with `state`, `nonce`,
 * `login_hint`, PKCE challenges), the full redirect URI and the full page the flow started from; review webhooks
 * waiting in the outbox carry the same prefill in their body. Both are rewritten through the same allowlist as new
 * reviews (lib/reporting/reviewer-request.ts), so nothing stored earlier leaves the browser later.
 *
 * Written against the stored shape, untyped: only the three address fields are touched, everything else is kept
 * as it is.
 */

type Prefill = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reduces the prefill's addresses in place; true when anything changed. */
export function reducePrefillAddresses(prefill: Prefill): boolean {
  const before = [prefill.requestUrl, prefill.redirectUri, prefill.sourceUrl];
  if (typeof prefill.requestUrl === 'string') prefill.requestUrl = reviewerRequestUrl(prefill.requestUrl);
  if (typeof prefill.redirectUri === 'string') prefill.redirectUri = reduceUri(prefill.redirectUri);
  if ('sourceUrl' in prefill) {
    // A source page that is not a string or has no origin is dropped: kept, it would be sent as it is.
    const origin = typeof prefill.sourceUrl === 'string' ? pageOrigin(prefill.sourceUrl) : undefined;
    if (origin === undefined) delete prefill.sourceUrl;
    else prefill.sourceUrl = origin;
  }
  const after = [prefill.requestUrl, prefill.redirectUri, prefill.sourceUrl];
  return before.some((value, index) => value !== after[index]);
}

/**
 * The body of a queued review webhook with its prefill reduced; undefined when the body cannot be read, because
 * a body nobody can check must not be sent.
 */
export function reduceReviewDeliveryBody(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(payload)) return undefined;
  const review = payload.review;
  if (!isObject(review)) return undefined;
  if (isObject(review.prefill)) reducePrefillAddresses(review.prefill);
  return JSON.stringify(payload);
}

export const reduceReviewPrefillMigration: Migration = {
  version: 5,
  description: "Reduce stored review prefills and queued review webhooks to the reviewer's view of the request.",
  async migrate(_database, transaction) {
    let review = await transaction.objectStore('reviews').openCursor();
    while (review) {
      const record: unknown = review.value;
      if (isObject(record) && isObject(record.prefill) && reducePrefillAddresses(record.prefill)) await review.update(record);
      review = await review.continue();
    }

    let delivery = await transaction.objectStore('outbox').openCursor();
    while (delivery) {
      const queued: unknown = delivery.value;
      // Only review webhooks carry a prefill; event, Slack and policy-error bodies never held a URL of the flow.
      if (isObject(queued) && queued.kind === 'review') {
        const body = reduceReviewDeliveryBody(queued.body);
        if (body === undefined) await delivery.delete();
        else if (body !== queued.body) await delivery.update({ ...queued, body });
      }
      delivery = await delivery.continue();
    }
  },
};
