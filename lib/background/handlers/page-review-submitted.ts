/**
 * `page/review-submitted`: the questionnaire was sent. If the policy already decided on the app, the review's
 * status follows at once; the review then goes where the policy's `reviewIntake` says (lib/background/review-intake.ts).
 */
import type { MessageHandler } from '../../messages/router';
import { getReview } from '../../storage/reviews';
import { backgroundStrings } from '../background-strings';
import { getEffectivePolicy } from '../policy-cache';
import { dispatchReview } from '../review-intake';
import { reconcileReviews } from '../review-reconciliation';

export const handlePageReviewSubmitted: MessageHandler<'page/review-submitted'> = async (message, sender) => {
  const review = await getReview(message.reviewId);
  if (review === undefined) return { ok: false, error: backgroundStrings.reviewMissing };
  if (review.status === 'draft') return { ok: false, error: backgroundStrings.reviewNotSubmitted };
  const now = new Date();
  const { compiled, policy } = await getEffectivePolicy();
  const [current = review] = await reconcileReviews(compiled, now, [review]);
  const dispatch = await dispatchReview(current, policy, sender, now);
  console.info(
    `Consent Gate: review ${review.id} submitted for ${review.prefill.provider} client ${review.prefill.clientId}; queued ${dispatch.queued.length}, opened ${dispatch.opened.length}.`,
  );
  // A mailto: link only: a link of any other kind from the intake is never handed to the page to open.
  const email = dispatch.left.find((delivery) => delivery.kind === 'email');
  const emailDraft = email !== undefined && 'href' in email && email.href.startsWith('mailto:') ? email.href : undefined;
  return emailDraft === undefined ? { ok: true } : { ok: true, emailDraft };
};
