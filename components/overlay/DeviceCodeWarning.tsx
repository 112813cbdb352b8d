/**
 * The warning on a device-code verification page, in the style of the enforcement mode: a banner (`inform`), a
 * modal panel that can be hidden by the person who started the sign-in (`warn`, `acknowledge`), or a full-screen
 * interstitial whose only way on is back (`block`). `off` and `monitor` show nothing. It renders no page text.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { DeviceCodeWarningView } from '../../lib/messages/protocol';
import { deviceCodeStrings } from '../../lib/strings/device-code';
import { brandLine, SupportLine } from './SupportLine';
import { BannerSurface, DialogSurface } from './surfaces';
import { useDialogFocus } from './use-dialog-focus';

export type DeviceCodeDisplay = 'none' | 'banner' | 'panel' | 'interstitial';
/** What is on screen right now, mirrored to the host's `data-display` for tests and tools. */
export type ShownDeviceCodeDisplay = DeviceCodeDisplay | 'closed' | 'leaving';

export function chooseDeviceCodeDisplay(enforcement: DeviceCodeWarningView['enforcement']): DeviceCodeDisplay {
  switch (enforcement) {
    case 'off':
    case 'monitor':
      return 'none';
    case 'inform':
      return 'banner';
    case 'warn':
    case 'acknowledge':
      return 'panel';
    case 'block':
      return 'interstitial';
  }
}

export interface DeviceCodeWarningProps {
  warning: DeviceCodeWarningView;
  /** Takes the person away from the page (the content script goes back in history). */
  onLeave: () => void;
  onDisplayChange?: (display: ShownDeviceCodeDisplay) => void;
}

export function DeviceCodeWarning({ warning, onLeave, onDisplayChange }: DeviceCodeWarningProps) {
  const [phase, setPhase] = useState<'open' | 'closed' | 'leaving'>('open');
  const display = chooseDeviceCodeDisplay(warning.enforcement);
  const shown: ShownDeviceCodeDisplay = phase === 'open' ? display : phase;

  // Layout effect: the host attribute changes in the same frame as what is drawn.
  useLayoutEffect(() => onDisplayChange?.(shown), [shown, onDisplayChange]);

  const leave = () => {
    setPhase('leaving');
    onLeave();
  };
  const close = () => setPhase('closed');

  let content = null;
  switch (shown) {
    case 'banner':
      content = <WarningBanner warning={warning} onLeave={leave} onDismiss={close} />;
      break;
    case 'panel':
    case 'interstitial':
      content = <WarningDialog kind={shown} warning={warning} onLeave={leave} onAskedForIt={close} />;
      break;
    case 'leaving':
      content = (
        <div class="pill surface" role="status" data-testid="leaving">
          {deviceCodeStrings.leaving}
        </div>
      );
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

function WarningText({ warning }: { warning: DeviceCodeWarningView }) {
  const provider = deviceCodeStrings.providerName[warning.provider];
  return (
    <>
      <p class="brand">{brandLine(warning.organization)}</p>
      <h2 class="title" id="cg-title">
        {deviceCodeStrings.title(provider)}
      </h2>
      <p class="device-code-rule" id="cg-summary" data-testid="device-code-rule">
        {deviceCodeStrings.rule}
      </p>
      <h3 class="section-title">{deviceCodeStrings.explanationHeading}</h3>
      <p class="summary" data-testid="device-code-explanation">
        {deviceCodeStrings.explanation(provider)}
      </p>
      <p class="summary">{warning.enforcement === 'block' ? deviceCodeStrings.blocked : deviceCodeStrings.ifSomeoneSentIt}</p>
    </>
  );
}

function WarningBanner({ warning, onLeave, onDismiss }: { warning: DeviceCodeWarningView; onLeave: () => void; onDismiss: () => void }) {
  const ref = useDialogFocus<HTMLDivElement>({ modal: false, onEscape: onDismiss });
  return (
    <BannerSurface surfaceRef={ref} testId="device-code-warning">
      <WarningText warning={warning} />
      <div class="actions">
        <button type="button" data-testid="dismiss" aria-label={deviceCodeStrings.dismissLabel} onClick={onDismiss}>
          {deviceCodeStrings.dismiss}
        </button>
        <button type="button" class="primary" data-testid="leave" onClick={onLeave}>
          {deviceCodeStrings.leave}
        </button>
      </div>
      <SupportLine organization={warning.organization} />
    </BannerSurface>
  );
}

interface WarningDialogProps {
  kind: 'panel' | 'interstitial';
  warning: DeviceCodeWarningView;
  onLeave: () => void;
  onAskedForIt: () => void;
}

function WarningDialog({ kind, warning, onLeave, onAskedForIt }: WarningDialogProps) {
  // No Escape: a modal warning is closed by a choice, not by a reflex key press.
  const ref = useDialogFocus<HTMLDivElement>({ modal: true });
  return (
    <DialogSurface kind={kind} surfaceRef={ref} testId="device-code-warning">
      <WarningText warning={warning} />
      <SupportLine organization={warning.organization} />
      <div class="actions">
        {kind === 'panel' && (
          <button type="button" data-testid="asked-for-it" aria-label={deviceCodeStrings.askedForItLabel} onClick={onAskedForIt}>
            {deviceCodeStrings.askedForIt}
          </button>
        )}
        <button type="button" class="primary" data-testid="leave" onClick={onLeave}>
          {deviceCodeStrings.leave}
        </button>
      </div>
    </DialogSurface>
  );
}
