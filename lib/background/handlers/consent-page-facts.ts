/**
 * `consent/page-facts`: the overlay read the consent page (app name, publisher, verified badge, scope texts). The
 * request is judged again with them, and the overlay gets back everything it renders.
 */
import type { PageFacts } from '../../evaluation';
import type { MessageHandler } from '../../messages/router';
import { showBadge } from '../action-badge';
import { logConsentEventOrReport } from '../consent-log';
import { buildOverlayView, firstSightAction, mergeFacts } from '../flow-view';
import { readActiveFlow } from '../flows';
import { getEffectivePolicy } from '../policy-cache';
import { writeTabState } from '../tab-state-store';
import { tabQueue } from '../tab-queue';

export const handleConsentPageFacts: MessageHandler<'consent/page-facts'> = (message, sender) => {
  const { tabId } = sender;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { view: null };
  return tabQueue.run(tabId, async () => {
    const now = Date.now();
    const state = await readActiveFlow(tabId, now);
    if (state === undefined) return { view: null };

    const facts = mergeFacts(state.facts, message.facts as PageFacts);
    const { compiled } = await getEffectivePolicy();
    const view = buildOverlayView({ flowId: state.flowId, request: state.request, facts }, compiled, now);

    let firstSightLogged = state.firstSightLogged === true;
    if (!firstSightLogged) {
      const action = firstSightAction(view);
      // Not marked as logged when the write failed, so the next page of the flow tries again.
      firstSightLogged = action === undefined || (await logConsentEventOrReport(view, action, now));
    }
    await writeTabState({ ...state, facts, view, firstSightLogged });
    await showBadge(tabId, view);
    return { view };
  });
};
