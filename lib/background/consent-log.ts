/**
 * This module's job is the browser (IndexedDB): writes consent events. A failed write is reported to the caller,
 * which decides whether the person's action may go on without it (only `acknowledge` reasons may not).
 */
import type { OverlayView } from '../messages/protocol';
import { appendEvent } from '../storage/events';
import type { ConsentAction } from '../storage/records';
import { buildConsentEvent } from './flow-view';

export async function logConsentEvent(view: OverlayView, action: ConsentAction, now: number, reason?: string): Promise<void> {
  await appendEvent(buildConsentEvent(view, action, now, reason));
}

/** For events whose loss must not stop the person: the failure is logged with its reason. */
export async function logConsentEventOrReport(view: OverlayView, action: ConsentAction, now: number, reason?: string): Promise<boolean> {
  try {
    await logConsentEvent(view, action, now, reason);
    return true;
  } catch (error) {
    console.error(`Consent Gate could not record the "${action}" event:`, error instanceof Error ? error.message : error);
    return false;
  }
}
