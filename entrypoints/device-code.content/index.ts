/**
 * Runs only on the device-code verification pages (lib/device-code-pages.ts) and warns about device-code phishing.
 * The match patterns are prefixes; the exact page is checked again before anything is drawn.
 */
import { leaveDeviceCodePage, startDeviceCodeWarning } from '../../components/overlay/device-code-controller';
import { DEVICE_CODE_PAGE_PATTERNS, deviceCodePageFor } from '../../lib/device-code-pages';
import { sendMessage } from '../../lib/messages/send-message';

export default defineContentScript({
  matches: [...DEVICE_CODE_PAGE_PATTERNS],
  runAt: 'document_end',
  main() {
    const page = deviceCodePageFor(location.href);
    if (page === undefined) return;
    startDeviceCodeWarning(document, page, {
      sendPageShown: () => sendMessage<'device-code/page-shown'>({ type: 'device-code/page-shown' }),
      leave: () => leaveDeviceCodePage(window),
    });
  },
});
