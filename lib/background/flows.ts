/**
 * This module's job is the browser: starting, reading and ending a tab's authorization flow, with its state in
 * storage.session, the toolbar badge, and the notification where the overlay cannot run. Callers hold the tab's
 * place in `tabQueue`.
 */
import { browser } from 'wxt/browser';
import type { AuthorizationRequest } from '../authorization-request';
import type { OverlayView } from '../messages/protocol';
import { clearBadge, showBadge } from './action-badge';
import { isFlowExpired } from './flow-lifecycle';
import { clearFlowNotification, notifyFlow, shouldNotify } from './flow-notification';
import { buildOverlayView } from './flow-view';
import { getEffectivePolicy } from './policy-cache';
import { readTabState, removeTabState, writeTabState, type StoredTabState } from './tab-state-store';

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && (url.startsWith('https://') || url.startsWith('http://'));
}

/**
 * The page the tab shows before the navigation that carries the authorization request. At onBeforeNavigate the
 * top frame still holds the previous document, and `webNavigation.getFrame` needs no extra permission.
 * `undefined` when unknown: a new tab, a non-web page, or a tab that is already gone (getFrame rejects).
 */
export async function previousPageUrl(tabId: number, requestUrl: string): Promise<string | undefined> {
  try {
    const frame = await browser.webNavigation.getFrame({ tabId, frameId: 0 });
    const url = frame?.url;
    return isWebUrl(url) && url !== requestUrl ? url : undefined;
  } catch {
    return undefined;
  }
}

export async function startFlow(
  tabId: number,
  request: AuthorizationRequest,
  now: number,
  sourceUrl: string | undefined,
): Promise<StoredTabState> {
  const { compiled } = await getEffectivePolicy();
  const flowId = crypto.randomUUID();
  const view = buildOverlayView({ flowId, request }, compiled, now);
  const state: StoredTabState = {
    flowId,
    tabId,
    capturedAt: now,
    request,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    view,
  };
  await writeTabState(state);
  await showBadge(tabId, view);
  if (shouldNotify(view, request.url)) await notifyFlow(view);
  return state;
}

export async function endFlow(state: StoredTabState): Promise<void> {
  await removeTabState(state.tabId);
  await clearBadge(state.tabId);
  await clearFlowNotification(state.flowId);
}

/** The tab's flow if it is still running; an expired one is ended on the way. */
export async function readActiveFlow(tabId: number, now: number): Promise<StoredTabState | undefined> {
  const state = await readTabState(tabId);
  if (state === undefined) return undefined;
  if (isFlowExpired(state, now)) {
    await endFlow(state);
    return undefined;
  }
  return state;
}

/** Evaluates the flow again (the policy changed) and updates its view and badge. */
export async function refreshFlowView(state: StoredTabState, now: number): Promise<OverlayView> {
  const { compiled } = await getEffectivePolicy();
  const view = buildOverlayView({ flowId: state.flowId, request: state.request, facts: state.facts }, compiled, now);
  await writeTabState({ ...state, view });
  await showBadge(state.tabId, view);
  return view;
}

/** Shows the flow's badge again (Chromium clears tab-specific badges when a new document commits). */
export async function refreshBadge(state: StoredTabState): Promise<void> {
  if (state.view !== undefined) await showBadge(state.tabId, state.view);
}
