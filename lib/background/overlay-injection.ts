/**
 * This module's job is the browser: loads the overlay into a tab's top frame only when a flow needs it, so the
 * script that runs on every consent-host page stays tiny. The overlay is a runtime-registered content script.
 */
import { browser } from 'wxt/browser';

export const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

/**
 * With a `documentId` (Chromium 106+) the script goes into exactly the document that asked, never into the next
 * page if the tab has navigated meanwhile; otherwise into the tab's top frame.
 */
export async function injectOverlay(tabId: number, documentId?: string): Promise<void> {
  await browser.scripting.executeScript({
    target: documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] },
    files: [OVERLAY_SCRIPT],
    injectImmediately: true,
  });
}
