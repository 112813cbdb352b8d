/**
 * This module's job is the browser: a system notification when a request needs a review or is blocked on a host
 * the content script cannot run on (not in CONSENT_HOST_PATTERNS), so the overlay cannot appear by itself.
 */
import { browser } from 'wxt/browser';
import type { OverlayView } from '../messages/protocol';
import { appLabel, isSilentEnforcement } from './badge-appearance';
import { backgroundStrings } from './background-strings';
import { isConsentHostUrl } from './consent-host-match';
import { errorMessage } from '../error-message';

/**
 * Chromium requires an icon for basic notifications and accepts data URLs; a solid square in the verdict's colour
 * keeps the extension free of any image it would have to fetch.
 */
export const NOTIFICATION_ICONS = {
  'needs-review':
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAOUlEQVR42u3OMQ0AAAgDsLnFE2rngnA0qYBmJ69ESEhISEhISEhISEhISEhISEhISEhISEhISOhOARBBCYjbu3DgAAAAAElFTkSuQmCC',
  blocked:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAO0lEQVR42u3OQQ0AAAgEoMtiAPu3sJItnA82ApCpfiVCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQncWdloXl0pxpUoAAAAASUVORK5CYII=',
} as const;

export const NOTIFICATION_PREFIX = 'consent-gate:';

/** Only where the overlay cannot run, only for what needs attention, and never in the silent modes. */
export function shouldNotify(view: OverlayView, url: string): boolean {
  const { verdict } = view.evaluation;
  if (verdict !== 'needs-review' && verdict !== 'blocked') return false;
  if (isSilentEnforcement(view.enforcement)) return false;
  return !isConsentHostUrl(url);
}

export async function notifyFlow(view: OverlayView): Promise<void> {
  const verdict = view.evaluation.verdict === 'blocked' ? 'blocked' : 'needs-review';
  try {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${view.flowId}`, {
      type: 'basic',
      iconUrl: NOTIFICATION_ICONS[verdict],
      title: backgroundStrings.notificationTitle(view.evaluation.verdict),
      message: backgroundStrings.notificationMessage(appLabel(view)),
      priority: 2,
    });
  } catch (error) {
    // The badge and the popup still tell the person; the failure is logged, not hidden.
    console.error('Consent Gate could not show its notification:', errorMessage(error));
  }
}

export async function clearFlowNotification(flowId: string): Promise<void> {
  try {
    await browser.notifications.clear(`${NOTIFICATION_PREFIX}${flowId}`);
  } catch (error) {
    console.warn('Consent Gate could not clear its notification:', errorMessage(error));
  }
}
