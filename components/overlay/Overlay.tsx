/**
 * The consent-screen overlay for one view: picks what to show from the enforcement mode and the verdict, and
 * remembers what the person did (dismissed, continued, cancelled) across re-renders with newer views.
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { ContinuedPill, LeavingPill } from './ContinuedPill';
import { DecisionDialog } from './DecisionDialog';
import { NoticeBanner } from './NoticeBanner';
import { chooseOverlayDisplay, type OverlayDisplay } from './overlay-display';
import { QuietConfirmation } from './QuietConfirmation';
import type { SendOverlayAction } from './use-overlay-action';

/** What is on screen right now, mirrored to the host's `data-display` for tests and tools. */
export type ShownDisplay = OverlayDisplay | 'pill' | 'leaving' | 'closed';

type Phase = 'open' | 'closed' | 'continued' | 'leaving';

export interface OverlayProps {
  view: OverlayView;
  pageFacts?: PageFacts;
  send: SendOverlayAction;
  onDisplayChange?: (display: ShownDisplay) => void;
  confirmationMs?: number;
}

export function Overlay({ view, pageFacts, send, onDisplayChange, confirmationMs }: OverlayProps) {
  const [phase, setPhase] = useState<Phase>('open');
  const display = chooseOverlayDisplay(view);
  // The organization's name for an approved client first: the page's own name is quoted in "Where this comes from".
  const appName = view.evaluation.approval?.name ?? view.appName ?? pageFacts?.appName ?? overlayStrings.unknownApp;
  const shown: ShownDisplay =
    phase === 'continued' ? 'pill' : phase === 'leaving' ? 'leaving' : phase === 'closed' ? 'closed' : display;
  const close = useCallback(() => setPhase('closed'), []);

  // Layout effect: the host attribute changes in the same frame as what is drawn.
  useLayoutEffect(() => onDisplayChange?.(shown), [shown, onDisplayChange]);

  let content = null;
  switch (shown) {
    case 'confirmation':
      content = <QuietConfirmation view={view} appName={appName} pageFacts={pageFacts} onFaded={close} visibleMs={confirmationMs} />;
      break;
    case 'banner':
      content = <NoticeBanner view={view} appName={appName} pageFacts={pageFacts} send={send} onDismissed={close} />;
      break;
    case 'panel':
    case 'interstitial':
      content = (
        <DecisionDialog
          kind={shown}
          view={view}
          appName={appName}
          pageFacts={pageFacts}
          send={send}
          onContinued={() => setPhase('continued')}
          onCancelled={() => setPhase('leaving')}
        />
      );
      break;
    case 'pill':
      content = <ContinuedPill appName={appName} />;
      break;
    case 'leaving':
      content = <LeavingPill />;
      break;
    case 'none':
    case 'closed':
      content = null;
      break;
  }
  return (
    <div class="root" data-display={shown}>
      {content}
    </div>
  );
}
