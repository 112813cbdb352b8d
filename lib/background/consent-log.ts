/**
 * This module's job is the browser (IndexedDB): writes consent events, and hands each one to the admin's webhook
 * when the policy asks for reporting. A failed write is reported to the caller, which decides whether the
 * person's action may go on without it (only `acknowledge` reasons may not). A failed report is logged: the
 * event is still in the local log.
 */
import type { OverlayView } from '../messages/protocol';
import { appendEvent } from '../storage/events';
import type { ConsentAction, ConsentEvent } from '../storage/records';
import { reportConsentEvent } from './event-reporting';
import { buildConsentEvent } from './flow-view';
import { errorMessage } from '../error-message';

export async function logConsentEvent(view: OverlayView, action: ConsentAction, now: number, reason?: string): Promise<void> {
  await recordConsentEvent(buildConsentEvent(view, action, now, reason), now);
}

/** Stores an event built elsewhere (one without a flow, such as a device-code page) and reports it like any other. */
export async function recordConsentEvent(event: Omit<ConsentEvent, 'id'>, now: number): Promise<void> {
  const stored = await appendEvent(event);
  try {
    await reportConsentEvent(stored, new Date(now));
  } catch (error) {
    console.error(`Consent Gate could not queue the "${event.action}" event for the admin's webhook:`, errorMessage(error));
  }
}

/** For events whose loss must not stop the person: the failure is logged with its reason. */
export async function logConsentEventOrReport(view: OverlayView, action: ConsentAction, now: number, reason?: string): Promise<boolean> {
  try {
    await logConsentEvent(view, action, now, reason);
    return true;
  } catch (error) {
    console.error(`Consent Gate could not record the "${action}" event:`, errorMessage(error));
    return false;
  }
}
