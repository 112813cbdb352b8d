/**
 * `consent/action`: the person chose on the overlay. Continue (with a reason in `acknowledge` mode), start or
 * request a review (a draft opens next to the tab), cancel (back to where they came from), or dismiss.
 */
import { browser } from 'wxt/browser';
import type { MessageHandler } from '../../messages/router';
import type { MessageReplies, OverlayView } from '../../messages/protocol';
import type { SenderContext } from '../../messages/sender';
import { reviewPageUrl as buildReviewPageUrl } from '../../review/review-page-url';
import { createReview } from '../../storage/reviews';
import { backgroundStrings } from '../background-strings';
import { errorMessage } from '../../error-message';
import { logConsentEvent, logConsentEventOrReport } from '../consent-log';
import { buildReviewPrefill, continueAllowed } from '../flow-view';
import { endFlow, readActiveFlow } from '../flows';
import type { StoredTabState } from '../tab-state-store';
import { tabQueue } from '../tab-queue';

type Reply = MessageReplies['consent/action'];

export function reviewPageUrl(reviewId: string): string {
  return buildReviewPageUrl((path) => browser.runtime.getURL(path), reviewId);
}

async function continueToConsent(view: OverlayView, reason: string | undefined, now: number): Promise<Reply> {
  if (!continueAllowed(view)) return { ok: false, error: backgroundStrings.continueBlocked };
  const trimmed = reason?.trim() || undefined;
  if (view.enforcement === 'acknowledge' && view.evaluation.verdict === 'needs-review') {
    if (trimmed === undefined) return { ok: false, error: backgroundStrings.reasonRequired };
    // The reason is the record the organization asked for: without it saved, the person may not go on.
    try {
      await logConsentEvent(view, 'continued', now, trimmed);
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
    return { ok: true };
  }
  await logConsentEventOrReport(view, 'continued', now, trimmed);
  return { ok: true };
}

async function openReview(state: StoredTabState, view: OverlayView, sender: SenderContext, requested: boolean, now: number): Promise<Reply> {
  let reviewId: string;
  try {
    reviewId = (await createReview(buildReviewPrefill(state, view))).id;
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
  await logConsentEventOrReport(view, requested ? 'review-requested' : 'review-started', now);
  await browser.tabs.create({
    url: reviewPageUrl(reviewId),
    active: true,
    openerTabId: state.tabId,
    ...(sender.tabIndex === undefined ? {} : { index: sender.tabIndex + 1 }),
    ...(sender.windowId === undefined ? {} : { windowId: sender.windowId }),
  });
  return { ok: true, reviewId };
}

async function cancel(state: StoredTabState, view: OverlayView, now: number): Promise<Reply> {
  await logConsentEventOrReport(view, 'cancelled', now);
  await endFlow(state);
  if (state.sourceUrl !== undefined) await browser.tabs.update(state.tabId, { url: state.sourceUrl });
  else await browser.tabs.goBack(state.tabId);
  return { ok: true };
}

export const handleConsentAction: MessageHandler<'consent/action'> = (message, sender) => {
  const { tabId } = sender;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { ok: false, error: backgroundStrings.notTopFrame };
  return tabQueue.run(tabId, async (): Promise<Reply> => {
    const now = Date.now();
    const state = await readActiveFlow(tabId, now);
    // The flow id ties the click to the flow the overlay was showing, not a later one in the same tab.
    if (state === undefined || state.flowId !== message.flowId || state.view === undefined) {
      return { ok: false, error: backgroundStrings.flowGone };
    }
    const view = state.view;
    switch (message.action) {
      case 'continue':
        // Not remembered for later pages of the flow on purpose: the consent screen, where the grant happens,
        // shows the warning again even if the person stepped past it on the login page.
        return continueToConsent(view, message.reason, now);
      case 'start-review':
      case 'request-review':
        return openReview(state, view, sender, message.action === 'request-review', now);
      case 'cancel':
        return cancel(state, view, now);
      case 'dismiss':
        return { ok: true };
    }
  });
};
