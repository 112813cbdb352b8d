/**
 * This module's job is the browser: turns main-frame navigations (webNavigation) into authorization flows.
 * onBeforeNavigate sees the authorization URL before the provider redirects to login and consent pages whose
 * URLs no longer carry the scopes; onCommitted sees where the tab really landed (after server redirects), so
 * flows end there, and Chromium's per-tab badge, reset by each navigation, is set again there.
 */
import type { ParseResult } from '../authorization-request';
import { parseFormPostRequest, type FormFields } from '../form-post-request';
import { parseAuthorizationUrl } from '../parse-authorization-url';
import { isConsentHostUrl } from './consent-host-match';
import { decideNavigation, FLOW_TTL_MS, isSameRequest } from './flow-lifecycle';
import { endFlow, previousPageUrl, refreshBadge, startFlow } from './flows';
import { injectOverlay } from './overlay-injection';
import { peekTabState, readTabState, rememberInjectedDocument, writeTabState, type StoredTabState } from './tab-state-store';
import { tabQueue } from './tab-queue';
import { errorMessage } from '../error-message';

export type NavigationPhase = 'before-navigate' | 'committed';

export interface NavigationDetails {
  tabId: number;
  frameId: number;
  url: string;
  /** Chromium: `prerender` for a page loaded in the background that the person has not seen. */
  documentLifecycle?: string;
  /** onCommitted only: `link`, `typed`, `form_submit`, ... */
  transitionType?: string;
  /** onCommitted only: `server_redirect`, `client_redirect`, ... */
  transitionQualifiers?: readonly string[];
  /** onCommitted, Chromium 106+: the document that committed. */
  documentId?: string;
}

/**
 * Documents injected at commit ahead of the tab queue, not yet recorded in the tab's stored state, each with the
 * flow whose view it was given.
 */
const injectedEarly = new Map<string, string>();

/**
 * Requests seen (onBeforeNavigate, webRequest) but still waiting in the tab queue, per tab. While one waits, what
 * this worker last wrote for the tab may be the previous request's flow, about to be replaced.
 */
const pendingRequests = new Map<number, number>();

function countPending(tabId: number, change: 1 | -1): void {
  const count = (pendingRequests.get(tabId) ?? 0) + change;
  if (count > 0) pendingRequests.set(tabId, count);
  else pendingRequests.delete(tabId);
}

/**
 * The fastest path to an overlay: when a consent page commits in a tab this worker knows to be in a flow, inject at
 * once, without waiting behind the tab queue's storage work. The queued handler then records the document
 * (injectOnCommit). A worker that was asleep knows nothing yet and leaves it to the queued path.
 *
 * Only when the known flow is surely the one for this page: never while a newer request for the tab still waits in
 * the queue, nor on a page that itself carries another request. Otherwise the page would first show the previous
 * app's view, and with it a verdict about the wrong request.
 */
function injectAheadOfQueue(details: NavigationDetails, now: number): void {
  const { documentId } = details;
  if (documentId === undefined || !isConsentHostUrl(details.url)) return;
  if (pendingRequests.has(details.tabId)) return;
  const state = peekTabState(details.tabId);
  if (state === undefined || now - state.capturedAt > FLOW_TTL_MS) return;
  if ((state.injectedDocuments ?? []).includes(documentId) || injectedEarly.has(documentId)) return;
  const carried = parseAuthorizationUrl(details.url);
  if (carried.ok && !isSameRequest(state.request, carried.request)) return;
  injectedEarly.set(documentId, state.flowId);
  // Bounded: a long-lived worker must not collect every document id it ever saw.
  if (injectedEarly.size > 200) injectedEarly.delete(injectedEarly.keys().next().value as string);
  injectOverlay(details.tabId, documentId, state.view).catch((error: unknown) => {
    injectedEarly.delete(documentId);
    console.warn(`Consent Gate could not load its overlay at commit in tab ${details.tabId}:`, errorMessage(error));
  });
}

/**
 * A consent-host page of a flow gets its overlay as soon as it commits, instead of after the greeting script's
 * round trip: the overlay then reads its view while the page is still loading and is ready by DOMContentLoaded.
 * The greeting still covers the cases this misses (a service worker that was asleep, no documentId).
 */
async function injectOnCommit(state: StoredTabState, details: NavigationDetails): Promise<void> {
  if (details.documentId === undefined || !isConsentHostUrl(details.url)) return;
  if ((state.injectedDocuments ?? []).includes(details.documentId)) return;
  const earlyFlow = injectedEarly.get(details.documentId);
  injectedEarly.delete(details.documentId);
  if (earlyFlow === state.flowId) {
    await writeTabState(rememberInjectedDocument(state, details.documentId));
    return;
  }
  // Injected into a document that already runs the overlay (from an earlier flow), this makes it ask for the
  // current view, which replaces the old one together with whatever the person did there.
  try {
    await injectOverlay(state.tabId, details.documentId, state.view);
    await writeTabState(rememberInjectedDocument(state, details.documentId));
  } catch (error) {
    // Not fatal: the greeting script asks again once the page runs, and injection is retried then.
    console.warn(`Consent Gate could not load its overlay at commit in tab ${state.tabId}:`, errorMessage(error));
  }
}

const REDIRECT_QUALIFIERS = new Set(['server_redirect', 'client_redirect']);

/** The page (a redirect, a form post), not the person, moved the tab. */
export function wasRedirected(details: Pick<NavigationDetails, 'transitionType' | 'transitionQualifiers'>): boolean {
  return details.transitionType === 'form_submit' || (details.transitionQualifiers ?? []).some((qualifier) => REDIRECT_QUALIFIERS.has(qualifier));
}

export function handleNavigation(
  details: NavigationDetails,
  phase: NavigationPhase,
  parse: (url: string) => ParseResult = parseAuthorizationUrl,
): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0 || details.documentLifecycle === 'prerender') return Promise.resolve();
  const { tabId, url } = details;
  if (phase === 'committed') injectAheadOfQueue(details, Date.now());
  else countPending(tabId, 1);
  const handled = tabQueue.run(tabId, async () => {
    const now = Date.now();
    const current = await readTabState(tabId);
    const decision = decideNavigation(current, url, now, parse, { redirected: wasRedirected(details) });
    switch (decision.kind) {
      case 'start': {
        const sourceUrl = decision.sameAppAsCurrent
          ? current?.sourceUrl
          : phase === 'before-navigate'
            ? await previousPageUrl(tabId, url)
            : undefined;
        if (current !== undefined) await endFlow(current);
        const started = await startFlow(tabId, decision.request, now, sourceUrl);
        if (phase === 'committed') await injectOnCommit(started, details);
        return;
      }
      case 'continue': {
        if (phase === 'committed' && current !== undefined) {
          // The overlay first: the page is loading now, the badge can wait a few milliseconds.
          await injectOnCommit(current, details);
          await refreshBadge(current);
        }
        return;
      }
      case 'end':
        // Before a commit the navigation may still be redirected back to the provider; expiry is final either way.
        if (current !== undefined && (phase === 'committed' || decision.reason === 'expired')) await endFlow(current);
        return;
      case 'none':
        return;
    }
  });
  if (phase === 'committed') return handled;
  return handled.finally(() => countPending(tabId, -1));
}

/**
 * A same-document URL change (History API). Only one that carries an authorization request matters here: a
 * single-page consent screen moving to another request. Ordinary pages change their URL this way all the time,
 * so for them it stays one parse, without a storage read.
 */
export function handlePageUpdate(details: NavigationDetails): Promise<void> {
  if (details.frameId !== 0 || !parseAuthorizationUrl(details.url).ok) return Promise.resolve();
  return handleNavigation(details, 'committed');
}

/** A top-level request on a consent host, as `webRequest.onBeforeRequest` reports it with `requestBody`. */
export interface ObservedRequest {
  tabId: number;
  url: string;
  method?: string;
  requestBody?: { formData?: FormFields } | null;
}

/**
 * Every request of a server redirect chain on the consent hosts (which webNavigation reports only by its end
 * points), and authorization requests sent as a form POST, whose parameters are in the body and not in the URL
 * (OpenID Connect Core §3.1.2.1). Observed only; nothing is blocked or changed.
 */
export function handleRequest(details: ObservedRequest): Promise<void> {
  const formData = details.method === 'POST' ? details.requestBody?.formData : undefined;
  const navigation = { tabId: details.tabId, frameId: 0, url: details.url };
  if (formData === undefined || formData === null) return handleNavigation(navigation, 'before-navigate');
  return handleNavigation(navigation, 'before-navigate', (url) => parseFormPostRequest(url, formData));
}
