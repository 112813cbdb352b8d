/**
 * The overlay, injected by the background (`scripting.executeScript({ files: ['/content-scripts/overlay.js'] })`)
 * only when the tab is in an authorization flow; never registered in the manifest.
 */
import { startOverlay, type OverlayController } from '../../components/overlay/overlay-controller';
import { INITIAL_VIEW_KEY } from '../../lib/messages/initial-view-key';
import type { OverlayView } from '../../lib/messages/protocol';
import { sendMessage } from '../../lib/messages/send-message';

// The isolated world's global is invisible to the page, so a page cannot fake "already running".
const RUNNING_KEY = '__consentGateOverlay';
type OverlayGlobal = typeof globalThis & { [RUNNING_KEY]?: OverlayController; [INITIAL_VIEW_KEY]?: OverlayView };

export default defineContentScript({
  registration: 'runtime',
  main() {
    const scope = globalThis as OverlayGlobal;
    // Placed by the background just before this script (lib/background/overlay-injection.ts); used once.
    const initialView = scope[INITIAL_VIEW_KEY];
    delete scope[INITIAL_VIEW_KEY];
    const running = scope[RUNNING_KEY];
    if (running?.isActive()) {
      running.refresh(true);
      return;
    }
    scope[RUNNING_KEY] = startOverlay(document, {
      sendPageFacts: (url, facts) => sendMessage<'consent/page-facts'>({ type: 'consent/page-facts', url, facts }),
      sendAction: (flowId, action, reason) =>
        sendMessage<'consent/action'>({ type: 'consent/action', flowId, action, ...(reason === undefined ? {} : { reason }) }),
    }, initialView === undefined ? {} : { initialView });
  },
});
