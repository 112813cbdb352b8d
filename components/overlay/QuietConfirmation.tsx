/** Approved and allowed requests: one quiet line that does not take focus and goes away on its own. */
import { useEffect } from 'preact/hooks';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';

export const CONFIRMATION_VISIBLE_MS = 4000;

interface QuietConfirmationProps {
  view: OverlayView;
  appName: string;
  onFaded: () => void;
  visibleMs?: number;
}

export function QuietConfirmation({ view, appName, onFaded, visibleMs = CONFIRMATION_VISIBLE_MS }: QuietConfirmationProps) {
  useEffect(() => {
    const timer = setTimeout(onFaded, visibleMs);
    return () => clearTimeout(timer);
  }, [onFaded, visibleMs]);
  const organization = view.organization.name ?? overlayStrings.defaultOrganization;
  const text =
    view.evaluation.verdict === 'approved'
      ? overlayStrings.approvedBy(organization, appName)
      : overlayStrings.allowedBy(organization, appName);
  return (
    <div class="confirmation surface" role="status" data-testid="confirmation">
      {text}
    </div>
  );
}
