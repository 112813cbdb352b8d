/**
 * `page/review-submitted`: the questionnaire was sent. If the policy already decided on the app, the review's
 * status follows at once. (Delivery to the admin's webhook comes with the reporting work.)
 */
import type { MessageHandler } from '../../messages/router';
import { getReview } from '../../storage/reviews';
import { backgroundStrings } from '../background-strings';
import { getEffectivePolicy } from '../policy-cache';
import { reconcileReviews } from '../review-reconciliation';

export const handlePageReviewSubmitted: MessageHandler<'page/review-submitted'> = async (message) => {
  const review = await getReview(message.reviewId);
  if (review === undefined) return { ok: false, error: backgroundStrings.reviewMissing };
  console.info(`Consent Gate: review ${review.id} submitted for ${review.prefill.provider} client ${review.prefill.clientId}.`);
  const { compiled } = await getEffectivePolicy();
  await reconcileReviews(compiled, new Date(), [review]);
  return { ok: true };
};
