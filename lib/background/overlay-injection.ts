/**
 * This module's job is the browser: loads the overlay into a tab's top frame only when a flow needs it, so the
 * script that runs on every consent-host page stays tiny. The overlay is a runtime-registered content script.
 */
import { browser } from 'wxt/browser';
import { INITIAL_VIEW_KEY } from '../messages/initial-view-key';
import type { OverlayView } from '../messages/protocol';

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
