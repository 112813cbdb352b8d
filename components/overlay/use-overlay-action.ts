/**
 * Sends one of the overlay's actions and tracks it: busy while the background answers, the background's refusal or
 * a failed delivery shown to the person (never dropped).
 */
import { useState } from 'preact/hooks';
import type { MessageReplies, OverlayAction } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { errorMessage } from '../../lib/error-message';

export type ActionReply = MessageReplies['consent/action'];
export type SendOverlayAction = (action: OverlayAction, reason?: string) => Promise<ActionReply>;

export function useOverlayAction(send: SendOverlayAction) {
  const [busy, setBusy] = useState<OverlayAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: OverlayAction, reason?: string): Promise<boolean> {
    // Buttons stay focusable while busy (aria-disabled, not disabled) so keyboard focus is not lost; ignore repeats.
    if (busy !== null) return false;
    setBusy(action);
    setError(null);
    try {
      const reply = await send(action, reason);
      if (!reply.ok) {
        setError(overlayStrings.actionFailed(reply.error));
        return false;
      }
      return true;
    } catch (failure) {
      setError(overlayStrings.actionFailed(errorMessage(failure)));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, run };
}
