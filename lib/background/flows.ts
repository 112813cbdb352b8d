/**
 * This module's job is the browser: starting, reading and ending a tab's authorization flow, with its state in
 * storage.session, the toolbar badge, and the notification where the overlay cannot run. Callers hold the tab's
 * place in `tabQueue`.
 */
import { browser } from 'wxt/browser';
import type { AuthorizationRequest } from '../authorization-request';
import type { OverlayView } from '../messages/protocol';
import { clearBadge, showBadge } from './action-badge';
import { isFlowExpired, type NavigationDecision } from './flow-lifecycle';
import { clearFlowNotification, notifyFlow, shouldNotify } from './flow-notification';
import { buildOverlayView } from './flow-view';
import { markFirstVerdict } from './first-verdict';
import { syncGreetingScript } from './flow-page-script';
import { getEffectivePolicy } from './policy-cache';
import { readTabState, removeTabState, writeTabState, type StoredTabState } from './tab-state-store';
import { errorMessage } from '../error-message';

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
  markFirstVerdict();
  const state: StoredTabState = {
    flowId,
    tabId,
    capturedAt: now,
    request,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    view,
  };
  await writeTabState(state);
  await keepGreetingInStep();
  await showBadge(tabId, view);
  if (shouldNotify(view, request.url)) await notifyFlow(view);
  return state;
}

/**
 * Where the build needs the greeting script during flows, it follows the flows. A failure is logged, not thrown:
 * the flow itself, its badge and the overlay injected at commit do not depend on it.
 */
export async function keepGreetingInStep(): Promise<void> {
  try {
    await syncGreetingScript();
  } catch (error) {
    console.warn('Consent Gate could not update its consent-page script:', errorMessage(error));
  }
}

export async function endFlow(state: StoredTabState): Promise<void> {
  await removeTabState(state.tabId);
  await keepGreetingInStep();
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

export interface DecisionContext {
  /**
   * The navigation has landed (committed, or the page itself is running). Before that it may still be redirected
   * back to the provider, so only an expired flow ends there.
   */
  landed: boolean;
  /** Where a new flow's person came from, when it is not the same app as the tab's current flow. */
  sourceUrl?: () => Promise<string | undefined>;
}

/**
 * The one place a navigation decision (lib/background/flow-lifecycle.ts) is carried out: a new request replaces the
 * tab's flow, `continue` keeps it, `end` ends it. Returns the flow the tab is in afterwards, if any. Callers hold
 * the tab's place in `tabQueue` and read `current` inside it.
 */
export async function applyNavigationDecision(
  tabId: number,
  current: StoredTabState | undefined,
  decision: NavigationDecision,
  now: number,
  context: DecisionContext,
): Promise<StoredTabState | undefined> {
  switch (decision.kind) {
    case 'start': {
      const sourceUrl = decision.sameAppAsCurrent ? current?.sourceUrl : await context.sourceUrl?.();
      if (current !== undefined) await endFlow(current);
      return startFlow(tabId, decision.request, now, sourceUrl);
    }
    case 'continue':
      return current;
    case 'end':
      if (current !== undefined && (context.landed || decision.reason === 'expired')) await endFlow(current);
      return undefined;
    case 'none':
      return undefined;
  }
}
