/**
 * The review page's address: one place that knows the page's path and how a link names the review it opens, for
 * the background (overlay's "start review", reminders), the popup and the page itself. Pure: the caller passes the
 * browser's `runtime.getURL`, which turns an extension path into a full URL.
 */
export const REVIEW_PAGE = '/review.html';

/** The query parameter that carries the review's id; without it the page starts a new draft. */
export const REVIEW_ID_PARAMETER = 'id';

export type ExtensionPageUrl = (path: typeof REVIEW_PAGE) => string;

/** The URL that opens this review, or a new draft when `reviewId` is null. */
export function reviewPageUrl(extensionPageUrl: ExtensionPageUrl, reviewId: string | null): string {
  const page = extensionPageUrl(REVIEW_PAGE);
  return reviewId === null ? page : `${page}?${REVIEW_ID_PARAMETER}=${encodeURIComponent(reviewId)}`;
}

/** The review id a review page's query string names, or null for a new draft. */
export function reviewIdFromQuery(search: string): string | null {
  return new URLSearchParams(search).get(REVIEW_ID_PARAMETER);
}
