import { render } from 'preact';
import { ReviewPage } from '../../components/review/ReviewPage';
import { ReviewStoreContext } from '../../components/review/review-store-context';
import { downloadTextFile } from '../../components/shared/download-file';
import { sendMessage } from '../../lib/messages/send-message';
import { REVIEW_ID_PARAMETER, reviewIdFromQuery } from '../../lib/review/review-page-url';
import { createReview, getReview, putReview } from '../../lib/storage/reviews';
import { REVIEW_PAGE_TEXT } from '../../lib/strings/review';
import { createReviewStore } from '../../lib/ui-stores/review-store';
import '../../components/shared/theme.css';
import '../../components/shared/review.css';

const store = createReviewStore({
  storage: { createReview, getReview, putReview },
  async notifySubmitted(reviewId) {
    const reply = await sendMessage<'page/review-submitted'>({ type: 'page/review-submitted', reviewId });
    if (!reply.ok) throw new Error(reply.error);
    return reply.emailDraft === undefined ? {} : { emailDraft: reply.emailDraft };
  },
  async getPolicy() {
    const reply = await sendMessage<'page/get-policy-status'>({ type: 'page/get-policy-status' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.status.policy;
  },
  onRecordCreated(id) {
    // A review started by hand gets its id in the URL, so a reload or a restored tab reopens the same draft.
    const url = new URL(location.href);
    url.searchParams.set(REVIEW_ID_PARAMETER, id);
    history.replaceState(null, '', url);
  },
});

// Save at once when the page is hidden or closed; the debounce timer would not survive it.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store.flush();
});
window.addEventListener('pagehide', () => void store.flush());

document.title = REVIEW_PAGE_TEXT.documentTitle;
const root = document.getElementById('app');
if (!root) throw new Error('The review page has no #app element.');
render(
  <ReviewStoreContext.Provider value={store}>
    <ReviewPage
      actions={{
        copyText: (text) => navigator.clipboard.writeText(text),
        download: (file) => downloadTextFile(file.name, file.type, file.text),
      }}
    />
  </ReviewStoreContext.Provider>,
  root,
);
void store.load(reviewIdFromQuery(location.search));
