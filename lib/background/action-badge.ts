/**
 * This module's job is the browser: the toolbar button's badge and title per tab. Chromium resets tab-specific
 * badge values when the tab navigates, so the background sets them again on every commit of an active flow.
 */
import { browser } from 'wxt/browser';
import type { OverlayView } from '../messages/protocol';
import { badgeFor } from './badge-appearance';
import { backgroundStrings } from './background-strings';
import { errorMessage } from '../error-message';

/** A tab closed between the event and the call is not an error worth more than a log line. */
function logBadgeFailure(tabId: number, error: unknown): void {
  console.warn(`Consent Gate could not update the toolbar badge of tab ${tabId}:`, errorMessage(error));
}

export async function showBadge(tabId: number, view: OverlayView): Promise<void> {
  const badge = badgeFor(view);
  if (badge === undefined) {
    await clearBadge(tabId);
    return;
  }
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: badge.title }),
    ]);
    // Chromium 110+ and Firefox; without it the browser picks a text colour that may lack contrast.
    if (typeof browser.action.setBadgeTextColor === 'function') await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
  } catch (error) {
    logBadgeFailure(tabId, error);
  }
}

export async function clearBadge(tabId: number): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: backgroundStrings.productName }),
    ]);
  } catch (error) {
    logBadgeFailure(tabId, error);
  }
}
