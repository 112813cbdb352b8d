import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { PopupStoreContext } from '../../components/popup/popup-store-context';
import { downloadTextFile } from '../../components/shared/download-file';
import { sendMessage } from '../../lib/messages/send-message';
import { reviewPageUrl } from '../../lib/review/review-page-url';
import { deleteReview, listReviews } from '../../lib/storage/reviews';
import { createPopupStore } from '../../lib/ui-stores/popup-store';
import '../../components/shared/theme.css';
import '../../components/shared/popup.css';

const store = createPopupStore({
  storage: { listReviews, deleteReview },
  async getActiveTabId() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  async getTabState(tabId) {
    return (await sendMessage<'page/get-tab-state'>({ type: 'page/get-tab-state', tabId })).state;
  },
  async showOverlay(tabId) {
    const reply = await sendMessage<'page/show-overlay'>({ type: 'page/show-overlay', tabId });
    if (!reply.ok) throw new Error(reply.error);
  },
  async openReview(id) {
    await browser.tabs.create({ url: reviewPageUrl((path) => browser.runtime.getURL(path), id) });
  },
  download: (file) => downloadTextFile(file.name, file.type, file.text),
  async getPolicyErrors() {
    const reply = await sendMessage<'page/get-policy-status'>({ type: 'page/get-policy-status' });
    if (!reply.ok) return [reply.error];
    const { managed, remote, local } = reply.status.sources;
    return [managed.error, remote.error, local.error].filter((error): error is string => error !== undefined);
  },
});

const root = document.getElementById('app');
if (!root) throw new Error('The popup has no #app element.');
render(
  <PopupStoreContext.Provider value={store}>
    <Popup />
  </PopupStoreContext.Provider>,
  root,
);
void store.load();
