/** Approved and allowed requests: one quiet line that does not take focus and goes away on its own. */
import { useEffect } from 'preact/hooks';
import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { confirmationFactSource } from './fact-sources';

export const CONFIRMATION_VISIBLE_MS = 4000;

interface QuietConfirmationProps {
  view: OverlayView;
  appName: string;
  pageFacts?: PageFacts;
  onFaded: () => void;
  visibleMs?: number;
}

export function QuietConfirmation({ view, appName, pageFacts, onFaded, visibleMs = CONFIRMATION_VISIBLE_MS }: QuietConfirmationProps) {
  useEffect(() => {
    const timer = setTimeout(onFaded, visibleMs);
    return () => clearTimeout(timer);
  }, [onFaded, visibleMs]);
  const organization = view.organization.name ?? overlayStrings.defaultOrganization;
  // This sentence speaks for the organization, so it names only what the organization named: the approval's name,
  // never the page's (which the line below quotes as the page's). `appName` is the name the rest of the overlay uses.
  const approvedName = view.evaluation.approval === undefined ? overlayStrings.unknownApp : (view.evaluation.approval.name ?? appName);
  const text =
    view.evaluation.verdict === 'approved'
      ? overlayStrings.approvedBy(organization, approvedName)
      : overlayStrings.allowedBy(organization, approvedName);
  // An approved client whose page shows another name is worth one more sentence, even in the quiet note.
  const source = confirmationFactSource(view, pageFacts);
  return (
    <div class="confirmation surface" role="status" data-testid="confirmation">
      {text}
      {source ? (
        <p class="confirmation-source" data-testid="fact-sources" data-source={source.kind}>
          {source.text}
        </p>
      ) : null}
    </div>
  );
}
