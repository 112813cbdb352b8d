/**
 * Runs the device-code warning on a verification page: asks the background how to warn (which also logs the
 * visit), then draws the warning in the overlay's guarded host. Messaging and leaving are passed in, so this runs
 * under test with fakes.
 *
 * Fails closed: when the background cannot be asked or refuses, the warning is still shown, as a `warn` panel, and
 * the host says `data-state="error"`. A person about to type a code is better warned once too often than never.
 */
import { render } from 'preact';
import type { DeviceCodePage } from '../../lib/device-code-pages';
import type { DeviceCodeWarningView, MessageReplies } from '../../lib/messages/protocol';
import { chooseDeviceCodeDisplay, DeviceCodeWarning, type ShownDeviceCodeDisplay } from './DeviceCodeWarning';
import { createOverlayHost, type OverlayHost } from './overlay-host';
import { errorMessage } from '../../lib/error-message';

export interface DeviceCodeMessenger {
  sendPageShown(): Promise<MessageReplies['device-code/page-shown']>;
  leave(): void;
}

export interface DeviceCodeWarningController {
  /** Resolves once the warning is drawn (or, in `off` and `monitor`, once it was decided to draw nothing). */
  ready: Promise<void>;
  /** The host, while one is on the page. */
  host(): OverlayHost | undefined;
  stop(): void;
}

/** The warning used when the background gave no answer. */
function failClosedView(page: DeviceCodePage): DeviceCodeWarningView {
  return { provider: page.provider, enforcement: 'warn', organization: {} };
}

export function startDeviceCodeWarning(document: Document, page: DeviceCodePage, messenger: DeviceCodeMessenger): DeviceCodeWarningController {
  let overlayHost: OverlayHost | undefined;
  let stopped = false;

  function draw(warning: DeviceCodeWarningView, state: 'ready' | 'error'): void {
    if (stopped) return;
    if (chooseDeviceCodeDisplay(warning.enforcement) === 'none') return;
    const created = createOverlayHost(document, {
      // A modal that held the focus gets it back after the page removed and the guard restored the host.
      onReattached: () => created.mountPoint.querySelector<HTMLElement>('[aria-modal="true"]')?.focus({ preventScroll: true }),
    });
    overlayHost = created;
    created.setAttributes({
      'data-consent-gate': '',
      'data-kind': 'device-code',
      'data-state': state,
      'data-provider': warning.provider,
      'data-enforcement': warning.enforcement,
    });
    const onDisplayChange = (display: ShownDeviceCodeDisplay) => created.setAttributes({ 'data-display': display });
    render(<DeviceCodeWarning warning={warning} onLeave={messenger.leave} onDisplayChange={onDisplayChange} />, created.mountPoint);
  }

  const ready = messenger.sendPageShown().then(
    (reply) => {
      if (reply?.ok === true) draw(reply.warning, 'ready');
      else {
        console.warn('Consent Gate could not check this device-code page:', reply?.error ?? 'no answer');
        draw(failClosedView(page), 'error');
      }
    },
    (error: unknown) => {
      console.warn('Consent Gate could not check this device-code page:', errorMessage(error));
      draw(failClosedView(page), 'error');
    },
  );

  return {
    ready,
    host: () => overlayHost,
    stop() {
      stopped = true;
      if (overlayHost === undefined) return;
      render(null, overlayHost.mountPoint);
      overlayHost.disconnect();
      overlayHost = undefined;
    },
  };
}

/** Back to where the person came from; a tab opened straight on the page (from a link in a message) is emptied. */
export function leaveDeviceCodePage(window: Window): void {
  if (window.history.length > 1) window.history.back();
  else window.location.replace('about:blank');
}
