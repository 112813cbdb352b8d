/** `inform`: tells the person what the app asks for without standing in the way; dismissible, Escape included. */
import { useState } from 'preact/hooks';
import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { FactSources } from './FactSources';
import { ActionFeedback, FindingList, OverlayHeading, ScopeList } from './RequestDetails';
import { SupportLine } from './SupportLine';
import { BannerSurface } from './surfaces';
import { useDialogFocus } from './use-dialog-focus';
import { useOverlayAction, type SendOverlayAction } from './use-overlay-action';

interface NoticeBannerProps {
  view: OverlayView;
  appName: string;
  pageFacts?: PageFacts;
  send: SendOverlayAction;
  onDismissed: () => void;
}

export function NoticeBanner({ view, appName, pageFacts, send, onDismissed }: NoticeBannerProps) {
  const { busy, error, run } = useOverlayAction(send);
  const [status, setStatus] = useState<string | null>(null);
  const dismiss = async () => {
    if (await run('dismiss')) onDismissed();
  };
  const ref = useDialogFocus<HTMLDivElement>({ modal: false, onEscape: () => void dismiss() });

  return (
    <BannerSurface surfaceRef={ref} testId="banner">
      <OverlayHeading view={view} summary={overlayStrings.bannerSummary(appName)} />
      <ScopeList view={view} pageFacts={pageFacts} />
      <FactSources view={view} pageFacts={pageFacts} />
      <FindingList view={view} />
      <ActionFeedback error={error} status={status} />
      <div class="actions">
        <button type="button" data-testid="dismiss" aria-label={overlayStrings.dismissLabel} aria-disabled={busy !== null ? 'true' : undefined} onClick={dismiss}>
          {overlayStrings.dismiss}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="start-review"
          aria-disabled={busy !== null ? 'true' : undefined}
          onClick={async () => {
            if (await run('start-review')) setStatus(overlayStrings.reviewStarted);
          }}
        >
          {overlayStrings.startReview}
        </button>
      </div>
      <SupportLine organization={view.organization} />
    </BannerSurface>
  );
}
