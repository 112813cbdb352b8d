import { POPUP_TEXT } from '../../lib/strings/popup';
import { STATUS_LABELS } from '../../lib/strings/review';
import { ReviewRow } from './ReviewRow';
import { TabVerdict } from './TabVerdict';
import { usePopupStore } from './popup-store-context';

export function Popup({ now = () => new Date() }: { now?: () => Date }) {
  const store = usePopupStore();
  const groups = store.reviewsByStatus.value;
  const reviews = store.reviews.value;
  const storageError = store.storageError.value;
  const actionError = store.actionError.value;
  const policyErrors = store.policyErrors.value;
  const at = now();

  return (
    <main class="popup" data-testid="popup">
      <h1>{POPUP_TEXT.heading}</h1>
      {policyErrors.length > 0 && (
        <div class="banner banner-error" role="alert" data-testid="policy-error">
          <p>
            <strong>{POPUP_TEXT.policyProblem}</strong>
          </p>
          {policyErrors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      )}
      <section aria-labelledby="popup-tab-title">
        <h2 id="popup-tab-title">{POPUP_TEXT.thisPage}</h2>
        <TabVerdict />
      </section>
      <section aria-labelledby="popup-reviews-title">
        <div class="popup-header">
          <h2 id="popup-reviews-title">{POPUP_TEXT.reviews}</h2>
          <button type="button" class="primary" onClick={() => void store.openReview(null)} data-testid="new-review">
            {POPUP_TEXT.newReview}
          </button>
        </div>
        {storageError && (
          <div class="banner banner-error" role="alert" data-testid="storage-error">
            <p>
              <strong>{POPUP_TEXT.storageFailed}</strong>
            </p>
            <p>{storageError}</p>
            <button type="button" onClick={() => void store.loadReviews()} data-testid="storage-retry">
              {POPUP_TEXT.retry}
            </button>
          </div>
        )}
        {actionError && (
          <div class="banner banner-error" role="alert" data-testid="action-error">
            <p>{POPUP_TEXT.actionFailed(actionError)}</p>
          </div>
        )}
        {reviews === null && !storageError && <p class="muted">{POPUP_TEXT.reviewsLoading}</p>}
        {reviews !== null && reviews.length === 0 && <p data-testid="no-reviews">{POPUP_TEXT.noReviews}</p>}
        {groups.map((group) => (
          <section key={group.status} aria-labelledby={`group-${group.status}`} data-testid={`review-group-${group.status}`}>
            <h3 id={`group-${group.status}`}>
              {STATUS_LABELS[group.status]} ({group.reviews.length})
            </h3>
            <ul class="review-list">
              {group.reviews.map((review) => (
                <ReviewRow key={review.id} review={review} now={at} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </main>
  );
}
