/**
 * This module's job is the browser: turns main-frame navigations (webNavigation) into authorization flows.
 * onBeforeNavigate sees the authorization URL before the provider redirects to login and consent pages whose
 * URLs no longer carry the scopes; onCommitted sees where the tab really landed (after server redirects), so
 * flows end there, and Chromium's per-tab badge, reset by each navigation, is set again there.
 */
import { parseAuthorizationUrl } from '../parse-authorization-url';
import { decideNavigation } from './flow-lifecycle';
import { endFlow, previousPageUrl, refreshBadge, startFlow } from './flows';
import { readTabState } from './tab-state-store';
import { tabQueue } from './tab-queue';

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
}

const REDIRECT_QUALIFIERS = new Set(['server_redirect', 'client_redirect']);

/** The page (a redirect, a form post), not the person, moved the tab. */
export function wasRedirected(details: Pick<NavigationDetails, 'transitionType' | 'transitionQualifiers'>): boolean {
  return details.transitionType === 'form_submit' || (details.transitionQualifiers ?? []).some((qualifier) => REDIRECT_QUALIFIERS.has(qualifier));
}

export function handleNavigation(details: NavigationDetails, phase: NavigationPhase): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0 || details.documentLifecycle === 'prerender') return Promise.resolve();
  const { tabId, url } = details;
  return tabQueue.run(tabId, async () => {
    const now = Date.now();
    const current = await readTabState(tabId);
    const decision = decideNavigation(current, url, now, parseAuthorizationUrl, { redirected: wasRedirected(details) });
    switch (decision.kind) {
      case 'start': {
        const sourceUrl = decision.sameAppAsCurrent
          ? current?.sourceUrl
          : phase === 'before-navigate'
            ? await previousPageUrl(tabId, url)
            : undefined;
        if (current !== undefined) await endFlow(current);
        await startFlow(tabId, decision.request, now, sourceUrl);
        return;
      }
      case 'continue': {
        if (phase === 'committed' && current !== undefined) await refreshBadge(current);
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
}
