/**
 * This module's job is the browser: a submitted review goes where the policy's `reviewIntake` says. The JSON
 * webhook and the Slack message are queued in the outbox (retried until delivered); a form opens prefilled in a
 * new tab next to the review. The email draft (`mailto:`) is left to the review page, which can hand it to the
 * person's mail program; a service worker has no way to do that. The review always stays in the browser too.
 */
import { browser } from 'wxt/browser';
import type { SenderContext } from '../messages/sender';
import type { Policy } from '../policy/schema';
import { buildReviewDeliveries, type ReviewDelivery } from '../reporting/review-delivery';
import { buildReviewExport } from '../review/export-json';
import { exportReviewMarkdown } from '../review/export-markdown';
import type { ReviewRecord } from '../storage/records';
import { queueDelivery } from './outbox';

export interface ReviewDispatch {
  queued: ReviewDelivery['kind'][];
  opened: ReviewDelivery['kind'][];
  /** Left to the review page (mailto:). */
  left: ReviewDelivery[];
}

export async function dispatchReview(review: ReviewRecord, policy: Policy, sender: SenderContext, now: Date): Promise<ReviewDispatch> {
  const dispatch: ReviewDispatch = { queued: [], opened: [], left: [] };
  const intake = policy.reviewIntake;
  if (intake === undefined) return dispatch;
  const deliveries = buildReviewDeliveries(review, intake, {
    markdown: exportReviewMarkdown(review),
    json: buildReviewExport(review, now).review,
  });
  for (const delivery of deliveries) {
    switch (delivery.kind) {
      case 'webhook':
      case 'slack':
        await queueDelivery({
          kind: delivery.kind === 'webhook' ? 'review' : 'slack',
          url: delivery.url,
          body: delivery.body,
          contentType: delivery.contentType,
        });
        dispatch.queued.push(delivery.kind);
        break;
      case 'form':
        await browser.tabs.create({
          url: delivery.href,
          active: true,
          ...(sender.tabId === undefined ? {} : { openerTabId: sender.tabId }),
          ...(sender.tabIndex === undefined ? {} : { index: sender.tabIndex + 1 }),
          ...(sender.windowId === undefined ? {} : { windowId: sender.windowId }),
        });
        dispatch.opened.push(delivery.kind);
        break;
      case 'email':
        dispatch.left.push(delivery);
        break;
    }
  }
  return dispatch;
}
