/**
 * This module's job is the browser: what follows a policy change (and a service-worker start): every running
 * flow is judged again so badges and overlays show the new verdict, and submitted reviews follow the decision.
 */
import { refreshFlowView } from './flows';
import { isFlowExpired } from './flow-lifecycle';
import { getEffectivePolicy } from './policy-cache';
import { reconcileReviews } from './review-reconciliation';
import { listTabStates, readTabState } from './tab-state-store';
import { tabQueue } from './tab-queue';

export async function applyPolicy(now: number): Promise<{ flows: number; reviews: number }> {
  const { compiled, error } = await getEffectivePolicy();
  if (error !== undefined) console.error(`Consent Gate policy: ${error}`);
  let flows = 0;
  for (const listed of await listTabStates()) {
    await tabQueue.run(listed.tabId, async () => {
      const state = await readTabState(listed.tabId);
      if (state === undefined || isFlowExpired(state, now)) return;
      await refreshFlowView(state, now);
      flows += 1;
    });
  }
  const changed = await reconcileReviews(compiled, new Date(now));
  return { flows, reviews: changed.length };
}
