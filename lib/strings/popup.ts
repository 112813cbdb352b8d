/**
 * Every string the popup shows, in one place so it can be translated as a unit. Status, verdict, risk and
 * provider labels are shared with the questionnaire (lib/strings/review.ts).
 */
export const POPUP_TEXT = {
  documentTitle: 'Consent Gate',
  heading: 'Consent Gate',
  thisPage: 'This page',
  tabLoading: 'Checking this page\u2026',
  noFlow: 'No sign-in request on this page.',
  tabFailed: (reason: string) => `Could not check this page: ${reason}`,
  notEvaluated: 'Detected, not evaluated yet.',
  topFindings: 'Top findings',
  showOverlay: 'Show warning on this page',
  overlaySending: 'Showing\u2026',
  overlayShown: 'The warning is shown on the page.',
  overlayFailed: (reason: string) => `Could not show the warning: ${reason}`,
  reviews: 'Review requests',
  reviewsLoading: 'Loading review requests\u2026',
  noReviews: 'No review requests yet. Start one from the warning on a consent screen, or with "New review".',
  newReview: 'New review',
  storageFailed: 'Consent Gate could not use its local storage.',
  retry: 'Try again',
  policyProblem: 'A problem with your company’s Consent Gate policy. The last good policy stays in force; tell your IT or security team.',
  updated: (when: string) => `Updated ${when}`,
  open: 'Open',
  edit: 'Edit',
  exportMarkdown: 'Markdown',
  exportJson: 'JSON',
  exportLabel: (app: string, format: string) => `Export ${app} as ${format}`,
  openLabel: (app: string) => `Open the review of ${app}`,
  editLabel: (app: string) => `Edit the review of ${app}`,
  deleteLabel: (app: string) => `Delete the review of ${app}`,
  delete: 'Delete',
  confirmDelete: (app: string) => `Delete the review of ${app}? This cannot be undone.`,
  confirmDeleteYes: 'Delete',
  confirmDeleteNo: 'Keep',
  actionFailed: (reason: string) => `That did not work: ${reason}`,
  noClientId: 'no client id',
} as const;

/** "5 min ago", "yesterday", or a date: the popup is glanced at, not read. */
export function formatUpdated(iso: string, now: Date): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const minutes = Math.round((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  if (hours < 48) return 'yesterday';
  return then.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
