import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { OptionsStoreContext } from '../../components/options/options-store-context';
import { downloadTextFile } from '../../components/shared/download-file';
import { sendMessage } from '../../lib/messages/send-message';
import { listEvents } from '../../lib/storage/events';
import { OPTIONS_TEXT } from '../../lib/strings/options';
import { createOptionsStore, OUTBOX_POLL_MS } from '../../lib/ui-stores/options-store';
import '../../components/shared/theme.css';
import '../../components/options/options.css';

const store = createOptionsStore({
  async getPolicyStatus() {
    const reply = await sendMessage<'page/get-policy-status'>({ type: 'page/get-policy-status' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.status;
  },
  importLocalPolicy: (text) => sendMessage<'page/import-local-policy'>({ type: 'page/import-local-policy', text }),
  async clearLocalPolicy() {
    const reply = await sendMessage<'page/clear-local-policy'>({ type: 'page/clear-local-policy' });
    if (!reply.ok) throw new Error(reply.error);
  },
  async refreshRemoteConfig() {
    const reply = await sendMessage<'page/refresh-remote-config'>({ type: 'page/refresh-remote-config' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.outcome;
  },
  listEvents: () => listEvents(),
  download: (file) => downloadTextFile(file.name, file.type, file.text),
  async getOutbox() {
    const reply = await sendMessage<'page/get-outbox'>({ type: 'page/get-outbox' });
    if (!reply.ok) throw new Error(reply.error);
    return reply.outbox;
  },
  async sendTestEvent(destination) {
    const reply = await sendMessage<'page/send-test-event'>({ type: 'page/send-test-event', destination });
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  },
  async getPolicySnapshot() {
    const reply = await sendMessage<'page/get-policy-snapshot'>({ type: 'page/get-policy-snapshot' });
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  },
});

// Managed policy, the remote config and the log change while the page stays open in its tab: catch up on return.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void store.load();
});
// The outbox changes as deliveries go out or fail; no storage event reports IndexedDB changes, so the page asks.
setInterval(() => {
  if (document.visibilityState === 'visible') void store.loadOutbox();
}, OUTBOX_POLL_MS);

document.title = OPTIONS_TEXT.documentTitle;
const root = document.getElementById('app');
if (!root) throw new Error('The options page has no #app element.');
render(
  <OptionsStoreContext.Provider value={store}>
    <OptionsPage />
  </OptionsStoreContext.Provider>,
  root,
);
void store.load();
