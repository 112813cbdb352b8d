/**
 * `consent/hello`: the tiny content script on a consent host asks whether its tab is in an authorization flow. If
 * so, the overlay is injected into that document, once.
 */
import type { MessageHandler } from '../../messages/router';
import { parseAuthorizationUrl } from '../../parse-authorization-url';
import { decideNavigation } from '../flow-lifecycle';
import { endFlow, startFlow } from '../flows';
import { injectOverlay } from '../overlay-injection';
import { readTabState, rememberInjectedDocument, writeTabState, type StoredTabState } from '../tab-state-store';
import { tabQueue } from '../tab-queue';
import { errorMessage } from '../../error-message';

export const handleConsentHello: MessageHandler<'consent/hello'> = (_message, sender) => {
  const { tabId } = sender;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { active: false };
  return tabQueue.run(tabId, async () => {
    const now = Date.now();
    const current = await readTabState(tabId);
    // The browser's own record of the page (sender.url), not the message's: the same decision as a navigation.
    // The script can arrive first, e.g. when the page committed while the service worker was starting.
    const decision = decideNavigation(current, sender.url, now, parseAuthorizationUrl);
    let state: StoredTabState | undefined;
    switch (decision.kind) {
      case 'start':
        if (current !== undefined) await endFlow(current);
        state = await startFlow(tabId, decision.request, now, decision.sameAppAsCurrent ? current?.sourceUrl : undefined);
        break;
      case 'continue':
        state = current;
        break;
      case 'end':
        if (current !== undefined) await endFlow(current);
        return { active: false };
      case 'none':
        return { active: false };
    }
    if (state === undefined) return { active: false };

    // Only a documentId names a document. Without one (Firefox before 153) the URL cannot stand in for it: a reload,
    // or a return to the same consent page, is a new document that would be left without an overlay. The greeting
    // script runs once per document, so there each greeting injects, and the overlay takes a repeat in its stride.
    const { documentId } = sender;
    if (documentId === undefined || !(state.injectedDocuments ?? []).includes(documentId)) {
      try {
        await injectOverlay(tabId, documentId, state.view);
        if (documentId !== undefined) await writeTabState(rememberInjectedDocument(state, documentId));
      } catch (error) {
        // The badge (and the popup's "show" button) still tell the person; the content script learns the flow.
        console.error(`Consent Gate could not load its overlay into tab ${tabId}:`, errorMessage(error));
      }
    }
    return { active: true, flowId: state.flowId };
  });
};
