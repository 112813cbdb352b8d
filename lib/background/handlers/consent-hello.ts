/**
 * `consent/hello`: the greeting script on a consent host asks whether its tab is in an authorization flow. If so,
 * the overlay is injected into that document, once. The script runs only where the browser names no documents and
 * only while a flow exists (lib/background/flow-page-script.ts); elsewhere the navigation events alone do this.
 */
import type { MessageHandler } from '../../messages/router';
import { parseAuthorizationUrl } from '../../parse-authorization-url';
import { decideNavigation } from '../flow-lifecycle';
import { applyNavigationDecision } from '../flows';
import { ensureOverlay } from '../overlay-injection';
import { readTabState } from '../tab-state-store';
import { tabQueue } from '../tab-queue';

export const handleConsentHello: MessageHandler<'consent/hello'> = (_message, sender) => {
  const { tabId } = sender;
  if (tabId === undefined) return { active: false };
  return tabQueue.run(tabId, async () => {
    const now = Date.now();
    const current = await readTabState(tabId);
    // The browser's own record of the page (sender.url), not the message's: the same decision as a navigation.
    // The script can arrive first, e.g. when the page committed while the service worker was starting.
    const decision = decideNavigation(current, sender.url, now, parseAuthorizationUrl);
    const state = await applyNavigationDecision(tabId, current, decision, now, { landed: true });
    if (state === undefined) return { active: false };
    // Without a documentId (Firefox before 153) the URL cannot stand in for the document: a reload, or a return to
    // the same consent page, is a new document. The greeting runs once per document, so there each one injects.
    await ensureOverlay(state, sender.documentId, 'for the greeting');
    return { active: true, flowId: state.flowId };
  });
};
