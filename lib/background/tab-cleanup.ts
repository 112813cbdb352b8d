/**
 * This module's job is the browser: no flow outlives its tab. `tabs.onRemoved` and `tabs.query` need no `tabs`
 * permission (only URLs and titles do), and prerendered pages swap tabs (`webNavigation.onTabReplaced`).
 */
import { browser } from 'wxt/browser';
import { isFlowExpired } from './flow-lifecycle';
import { clearFlowNotification } from './flow-notification';
import { endFlow } from './flows';
import { listTabStates, readTabState, removeTabState, writeTabState } from './tab-state-store';
import { tabQueue } from './tab-queue';

export function handleTabRemoved(tabId: number): Promise<void> {
  return tabQueue.run(tabId, async () => {
    const state = await readTabState(tabId);
    if (state === undefined) return;
    await removeTabState(tabId);
    await clearFlowNotification(state.flowId);
  });
}

/** A prerendered or restored page took the place of `replacedTabId`: its flow moves with it. */
export function handleTabReplaced(details: { replacedTabId: number; tabId: number }): Promise<void> {
  return tabQueue.run(details.replacedTabId, async () => {
    const state = await readTabState(details.replacedTabId);
    if (state === undefined) return;
    await removeTabState(details.replacedTabId);
    await tabQueue.run(details.tabId, () => writeTabState({ ...state, tabId: details.tabId }));
  });
}

/** At service-worker start: drop flows of closed tabs and flows past their time. Returns how many were dropped. */
export async function cleanUpTabStates(now: number): Promise<number> {
  const states = await listTabStates();
  if (states.length === 0) return 0;
  const openTabs = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  let dropped = 0;
  for (const state of states) {
    await tabQueue.run(state.tabId, async () => {
      if (!openTabs.has(state.tabId)) {
        await removeTabState(state.tabId);
        await clearFlowNotification(state.flowId);
        dropped += 1;
      } else if (isFlowExpired(state, now)) {
        await endFlow(state);
        dropped += 1;
      }
    });
  }
  return dropped;
}
