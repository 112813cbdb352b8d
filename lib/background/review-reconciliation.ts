/**
 * This module's job is the browser (IndexedDB): marks submitted reviews approved or declined once the policy
 * decides on their app. Runs at startup, when the policy changes, and when a review is submitted.
 */
import type { CompiledPolicy } from '../policy/compiled-policy';
import type { ReviewRecord } from '../storage/records';
import { listReviews, setReviewStatus } from '../storage/reviews';
import { decideReviewStatus } from './review-decision';

/** Returns the reviews whose status changed. Storage failures reach the caller. */
export async function reconcileReviews(policy: CompiledPolicy, now: Date, only?: readonly ReviewRecord[]): Promise<ReviewRecord[]> {
  const reviews = only ?? (await listReviews());
  const changed: ReviewRecord[] = [];
  for (const review of reviews) {
    const status = decideReviewStatus(review, policy, now);
    if (status === undefined || status === review.status) continue;
    changed.push(await setReviewStatus(review.id, status));
  }
  return changed;
}
