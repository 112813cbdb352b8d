/**
 * This module's job is the browser: loads the overlay into a tab's top frame only when a flow needs it, so pages
 * outside a flow run no script of this extension. The overlay is a script injected at runtime.
 */
import { browser } from 'wxt/browser';
import { INITIAL_VIEW_KEY } from '../messages/initial-view-key';
import type { OverlayView } from '../messages/protocol';
import { rememberInjectedDocument, writeTabState, type StoredTabState } from './tab-state-store';
import { errorMessage } from '../error-message';

export const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

/**
 * Runs in the content script's isolated world, whose global the page cannot see or write. It must be
 * self-contained: executeScript sends its source, not its closure.
 */
function seedInitialView(key: string, view: unknown): void {
  (globalThis as Record<string, unknown>)[key] = view;
}

/**
 * With a `documentId` (Chromium 106+) the script goes into exactly the document that asked, never into the next
 * page if the tab has navigated meanwhile; otherwise into the tab's top frame.
 *
 * With `initialView`, the view the background already holds is placed in the isolated world first, so the overlay
 * draws without waiting for its first round trip (which still follows, with what the page shows).
 */
export async function injectOverlay(tabId: number, documentId?: string, initialView?: OverlayView): Promise<void> {
  const target = documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] };
  // Both requests are sent at once: they reach the page in order, and if the seed ever came second the overlay
  // would only miss its head start and draw after its first round trip, as it does without a seed.
  await Promise.all([
    ...(initialView === undefined
      ? []
      : [browser.scripting.executeScript({ target, func: seedInitialView, args: [INITIAL_VIEW_KEY, initialView], injectImmediately: true })]),
    browser.scripting.executeScript({ target, files: [OVERLAY_SCRIPT], injectImmediately: true }),
  ]);
}

/**
 * The one way to put the overlay on a page of a flow. A document the flow already holds (by documentId) is left
 * alone; the document is recorded once the overlay is in. Without a documentId (Firefox before 153) nothing names
 * the document, so every call injects, and the overlay takes a repeat in its stride. Returns the flow as stored
 * afterwards. A failure is logged and not thrown: the badge and the popup's "show" button still tell the person.
 */
export async function ensureOverlay(state: StoredTabState, documentId: string | undefined, where: string): Promise<StoredTabState> {
  if (documentId !== undefined && (state.injectedDocuments ?? []).includes(documentId)) return state;
  try {
    await injectOverlay(state.tabId, documentId, state.view);
  } catch (error) {
    console.warn(`Consent Gate could not load its overlay ${where} in tab ${state.tabId}:`, errorMessage(error));
    return state;
  }
  return documentId === undefined ? state : recordOverlayDocument(state, documentId);
}

/** Records a document that already has the overlay (injected ahead of the tab queue). */
export async function recordOverlayDocument(state: StoredTabState, documentId: string): Promise<StoredTabState> {
  const recorded = rememberInjectedDocument(state, documentId);
  await writeTabState(recorded);
  return recorded;
}
