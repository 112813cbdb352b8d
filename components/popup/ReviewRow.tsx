import { useEffect, useRef } from 'preact/hooks';
import type { ReviewRecord } from '../../lib/storage/records';
import { reviewTitle } from '../../lib/review/export-markdown';
import { formatUpdated, POPUP_TEXT } from '../../lib/strings/popup';
import { PROVIDER_NAMES } from '../../lib/strings/review';
import { StatusBadge } from '../shared/StatusBadge';
import { usePopupStore } from './popup-store-context';

export function ReviewRow({ review, now }: { review: ReviewRecord; now: Date }) {
  const store = usePopupStore();
  const confirming = store.confirmingDelete.value === review.id;
  const title = reviewTitle(review);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The confirmation takes focus so a keyboard user answers it at once; "Keep" is the safe default.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const editable = review.status === 'draft' || review.status === 'submitted';

  return (
    <li class="review-row" data-testid="review-row" data-review-id={review.id} data-status={review.status}>
      <div class="review-row-head">
        <span class="review-row-title" data-testid="review-app">
          {title}
        </span>
        <StatusBadge status={review.status} />
      </div>
      <div class="review-row-meta muted">
        {review.prefill.clientId ? `${PROVIDER_NAMES[review.prefill.provider] ?? review.prefill.provider} \u00b7 ` : ''}
        <time dateTime={review.updatedAt}>{POPUP_TEXT.updated(formatUpdated(review.updatedAt, now))}</time>
      </div>
      {confirming ? (
        <div class="banner banner-warn" role="alertdialog" aria-labelledby={`confirm-${review.id}`} data-testid="confirm-delete">
          <p id={`confirm-${review.id}`}>{POPUP_TEXT.confirmDelete(title)}</p>
          <div class="row-actions">
            <button type="button" class="danger" onClick={() => void store.confirmDelete(review.id)} data-testid="confirm-delete-yes">
              {POPUP_TEXT.confirmDeleteYes}
            </button>
            <button type="button" ref={keepRef} onClick={() => store.cancelDelete()} data-testid="confirm-delete-no">
              {POPUP_TEXT.confirmDeleteNo}
            </button>
          </div>
        </div>
      ) : (
        <div class="row-actions">
          <button
            type="button"
            onClick={() => void store.openReview(review.id)}
            // The accessible name must contain the visible word (WCAG 2.5.3), so both follow the same condition.
            aria-label={editable && review.status === 'draft' ? POPUP_TEXT.editLabel(title) : POPUP_TEXT.openLabel(title)}
            data-testid="review-open"
          >
            {editable && review.status === 'draft' ? POPUP_TEXT.edit : POPUP_TEXT.open}
          </button>
          <button
            type="button"
            onClick={() => store.exportReview(review.id, 'markdown')}
            aria-label={POPUP_TEXT.exportLabel(title, POPUP_TEXT.exportMarkdown)}
            data-testid="review-export-markdown"
          >
            {POPUP_TEXT.exportMarkdown}
          </button>
          <button
            type="button"
            onClick={() => store.exportReview(review.id, 'json')}
            aria-label={POPUP_TEXT.exportLabel(title, POPUP_TEXT.exportJson)}
            data-testid="review-export-json"
          >
            {POPUP_TEXT.exportJson}
          </button>
          <button type="button" class="danger" onClick={() => store.requestDelete(review.id)} aria-label={POPUP_TEXT.deleteLabel(title)} data-testid="review-delete">
            {POPUP_TEXT.delete}
          </button>
        </div>
      )}
    </li>
  );
}
