/** After "Continue anyway": the overlay steps aside to a small pill that keeps the decision visible. */
import { overlayStrings } from '../../lib/strings/overlay';

export function ContinuedPill({ appName }: { appName: string }) {
  return (
    <div class="pill surface" role="status" data-testid="pill">
      {overlayStrings.continuedPill(appName)}
    </div>
  );
}

/** After "Cancel": the background navigates away; until it does, say so. */
export function LeavingPill() {
  return (
    <div class="pill surface" role="status" data-testid="leaving">
      {overlayStrings.cancelling}
    </div>
  );
}

/** The background could not be asked or could not check the request: fail visibly, never silently. */
export function CheckFailedNotice({ reason }: { reason: string }) {
  return (
    <div class="banner surface" role="alert" data-testid="check-failed">
      <p class="brand">{overlayStrings.productName}</p>
      <p class="summary">{overlayStrings.checkFailed(reason)}</p>
    </div>
  );
}
