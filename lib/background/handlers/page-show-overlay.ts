/**
 * `page/show-overlay`: the popup shows the overlay on a tab the content script does not run on. Clicking the
 * toolbar button granted `activeTab` for that tab, which is what lets `scripting` reach it.
 */
import type { MessageHandler } from '../../messages/router';
import { backgroundStrings } from '../background-strings';
import { readActiveFlow } from '../flows';
import { injectOverlay } from '../overlay-injection';
import { tabQueue } from '../tab-queue';
import { errorMessage } from '../../error-message';

export const handlePageShowOverlay: MessageHandler<'page/show-overlay'> = (message) =>
  tabQueue.run(message.tabId, async () => {
    const state = await readActiveFlow(message.tabId, Date.now());
    if (state === undefined) return { ok: false as const, error: backgroundStrings.noFlowInTab };
    try {
      await injectOverlay(message.tabId, undefined, state.view);
    } catch (error) {
      return { ok: false as const, error: backgroundStrings.overlayFailed(errorMessage(error)) };
    }
    return { ok: true as const };
  });
