/**
 * This module's job is the browser: puts the device-code script on the device-code pages of a consent host
 * (lib/device-code-pages.ts, DEVICE_CODE_HOSTS_INJECTED_AT_COMMIT) when they commit, so that host's other pages
 * run no script of this extension. The script checks the page again and asks the background how to warn, as it
 * does where it is declared.
 */
import { browser } from 'wxt/browser';
import { DEVICE_CODE_HOSTS_INJECTED_AT_COMMIT, deviceCodePageFor } from '../device-code-pages';
import type { NavigationDetails } from './capture';

export const DEVICE_CODE_SCRIPT = '/content-scripts/device-code.js';

/** Resolves once injected, or at once for any other page; rejects with the browser's reason when it cannot inject. */
export async function injectDeviceCodeScript(details: NavigationDetails): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0 || details.documentLifecycle === 'prerender') return;
  const page = deviceCodePageFor(details.url);
  if (page === undefined || !DEVICE_CODE_HOSTS_INJECTED_AT_COMMIT.includes(page.host)) return;
  // A documentId (Chromium 106+, Firefox 153+) keeps the script out of a page the tab moved on to meanwhile.
  const target = details.documentId === undefined ? { tabId: details.tabId, frameIds: [0] } : { tabId: details.tabId, documentIds: [details.documentId] };
  // Not injectImmediately: the script reads the page, which it does at document_end where it is declared.
  await browser.scripting.executeScript({ target, files: [DEVICE_CODE_SCRIPT] });
}
