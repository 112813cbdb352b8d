/**
 * The modal decision for a request that needs a review: a panel over the consent screen (`warn`, `acknowledge`) or
 * a full-screen interstitial that offers no way to continue (`block`, blocked apps).
 */
import { useState } from 'preact/hooks';
import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { MIN_ACKNOWLEDGE_REASON_LENGTH } from './overlay-display';
import { FactSources } from './FactSources';
import { ActionFeedback, FindingList, OverlayHeading, ScopeList } from './RequestDetails';
import { SupportLine } from './SupportLine';
import { DialogSurface } from './surfaces';
import { useDialogFocus } from './use-dialog-focus';
import { useOverlayAction, type SendOverlayAction } from './use-overlay-action';

interface DecisionDialogProps {
  kind: 'panel' | 'interstitial';
  view: OverlayView;
  appName: string;
  pageFacts?: PageFacts;
  send: SendOverlayAction;
  onContinued: () => void;
  onCancelled: () => void;
}

export function DecisionDialog({ kind, view, appName, pageFacts, send, onContinued, onCancelled }: DecisionDialogProps) {
  const dialogRef = useDialogFocus<HTMLDivElement>({ modal: true });
  const { busy, error, run } = useOverlayAction(send);
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const needsReason = kind === 'panel' && view.enforcement === 'acknowledge';
  const blockedByList = view.evaluation.verdict === 'blocked';

  const summary =
    kind === 'panel'
      ? overlayStrings.panelSummary(appName)
      : blockedByList
        ? overlayStrings.blockedByListSummary(appName)
        : overlayStrings.blockedSummary(appName);

  async function startReview(action: 'start-review' | 'request-review') {
    if (await run(action)) setStatus(action === 'start-review' ? overlayStrings.reviewStarted : overlayStrings.reviewRequested);
  }

  async function continueAnyway() {
    let sentReason: string | undefined;
    if (needsReason) {
      sentReason = reason.trim();
      if (sentReason.length < MIN_ACKNOWLEDGE_REASON_LENGTH) {
        setReasonError(overlayStrings.reasonTooShort(MIN_ACKNOWLEDGE_REASON_LENGTH));
        dialogRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
        return;
      }
    }
    if (await run('continue', sentReason)) onContinued();
  }

  async function cancel() {
    if (await run('cancel')) onCancelled();
  }

  return (
    <DialogSurface kind={kind} surfaceRef={dialogRef}>
      <OverlayHeading view={view} summary={summary} />
      <p class="meta">
        <span class="app-name" data-testid="app-name">
          {appName}
        </span>
        {' · '}
        {overlayStrings.providerLabel}: {view.request.provider}
        {' · '}
        {overlayStrings.clientIdLabel}: {view.request.clientId}
        {' · '}
        {overlayStrings.riskLabel(view.evaluation.risk)}
      </p>
      <ScopeList view={view} pageFacts={pageFacts} />
      <FactSources view={view} pageFacts={pageFacts} />
      <FindingList view={view} />
      {needsReason ? (
        <div class="field">
          <label for="cg-reason">{overlayStrings.reasonLabel}</label>
          <textarea
            id="cg-reason"
            data-testid="reason"
            value={reason}
            maxLength={2000}
            aria-required="true"
            aria-invalid={reasonError ? 'true' : 'false'}
            aria-describedby={reasonError ? 'cg-reason-hint cg-reason-error' : 'cg-reason-hint'}
            onInput={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
          />
          <p class="hint" id="cg-reason-hint">
            {overlayStrings.reasonHint(MIN_ACKNOWLEDGE_REASON_LENGTH)}
          </p>
          {reasonError ? (
            <p class="error" id="cg-reason-error" role="alert" data-testid="reason-error">
              {reasonError}
            </p>
          ) : null}
        </div>
      ) : null}
      <ActionFeedback error={error} status={status} />
      <SupportLine organization={view.organization} />
      <div class="actions">
        <button type="button" data-testid="cancel" aria-disabled={busy !== null ? 'true' : undefined} onClick={cancel}>
          {overlayStrings.cancel}
        </button>
        {kind === 'panel' ? (
          <button type="button" data-testid="continue" aria-disabled={busy !== null ? 'true' : undefined} onClick={continueAnyway}>
            {overlayStrings.continueAnyway}
          </button>
        ) : null}
        {kind === 'panel' ? (
          <button type="button" class="primary" data-testid="start-review" aria-disabled={busy !== null ? 'true' : undefined} onClick={() => startReview('start-review')}>
            {overlayStrings.startReview}
          </button>
        ) : (
          <button type="button" class="primary" data-testid="request-review" aria-disabled={busy !== null ? 'true' : undefined} onClick={() => startReview('request-review')}>
            {overlayStrings.requestReview}
          </button>
        )}
      </div>
    </DialogSurface>
  );
}
