/**
 * Runs the overlay on a consent page: creates the guarded host at once, reads the page facts (now, at
 * DOMContentLoaded, and after DOM changes for single-page consent screens), sends them to the background and
 * renders the view it answers with. Browser messaging is passed in, so this runs under test with a fake.
 */
import { render } from 'preact';
import type { PageFacts } from '../../lib/evaluation';
import type { MessageReplies, OverlayAction, OverlayView } from '../../lib/messages/protocol';
import { extractPageFacts } from '../../lib/page-facts/extract-page-facts';
import { providerForHost } from '../../lib/page-facts/provider-for-host';
import { CheckFailedNotice } from './ContinuedPill';
import { Overlay, type ShownDisplay } from './Overlay';
import { createOverlayHost, type OverlayHost } from './overlay-host';
import { errorMessage } from '../../lib/error-message';

export interface OverlayMessenger {
  sendPageFacts(url: string, facts: PageFacts): Promise<MessageReplies['consent/page-facts']>;
  sendAction(flowId: string, action: OverlayAction, reason?: string): Promise<MessageReplies['consent/action']>;
}

export interface OverlayController {
  /** Reads the page again and asks the background for a fresh view (used when the overlay is injected again). */
  refresh(force?: boolean): void;
  /** False once the background said this tab is not in a flow, or after `stop`. */
  isActive(): boolean;
  stop(): void;
  overlayHost: OverlayHost;
}

/** DOM changes are read again after this quiet period: SPA consent screens render in bursts. */
export const PAGE_FACTS_DEBOUNCE_MS = 150;
/**
 * The longest a change waits for quiet. A page that changes without pause (a ticking clock in the DOM, or a page that
 * does it on purpose) would otherwise never be read again, and what it shows later would never reach the overlay.
 */
export const PAGE_FACTS_MAX_WAIT_MS = 1000;

export interface StartOverlayOptions {
  confirmationMs?: number;
  /** The view the background already held at injection: drawn at once, before the first round trip returns. */
  initialView?: OverlayView;
}

export function startOverlay(document: Document, messenger: OverlayMessenger, options: StartOverlayOptions = {}): OverlayController {
  const overlayHost = createOverlayHost(document, {
    // A modal that held the focus gets it back after the page removed and the guard restored the host.
    onReattached: () => overlayHost.mountPoint.querySelector<HTMLElement>('[aria-modal="true"]')?.focus({ preventScroll: true }),
  });
  overlayHost.setAttributes({ 'data-state': 'loading' });
  const window = document.defaultView;
  let view: OverlayView | null = null;
  let facts: PageFacts = {};
  let lastSentFacts: string | null = null;
  let requestCounter = 0;
  let active = true;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet read happened; undefined when every change has been read. */
  let waitingSince: number | undefined;

  const onDisplayChange = (display: ShownDisplay) => overlayHost.setAttributes({ 'data-display': display });
  const sendAction = (action: OverlayAction, reason?: string) => {
    if (!view) return Promise.reject(new Error('no view to act on'));
    return messenger.sendAction(view.flowId, action, reason);
  };

  function draw(): void {
    if (!active) return;
    if (!view) return;
    render(
      <Overlay key={view.flowId} view={view} pageFacts={facts} send={sendAction} onDisplayChange={onDisplayChange} confirmationMs={options.confirmationMs} />,
      overlayHost.mountPoint,
    );
  }

  function showFailure(reason: string): void {
    overlayHost.setAttributes({ 'data-state': 'error' });
    render(
      <div class="root">
        <CheckFailedNotice reason={reason} />
      </div>,
      overlayHost.mountPoint,
    );
  }

  function applyView(next: OverlayView): void {
    view = next;
    overlayHost.setAttributes({
      'data-state': 'ready',
      'data-flow-id': next.flowId,
      'data-verdict': next.evaluation.verdict,
      'data-risk': next.evaluation.risk,
      'data-provider': next.request.provider,
      'data-client-id': next.request.clientId,
      'data-enforcement': next.enforcement,
    });
    draw();
  }

  function readFacts(): PageFacts {
    const provider = view?.request.provider ?? providerForHost(window?.location.hostname ?? '');
    return extractPageFacts(provider, document);
  }

  function send(force: boolean): void {
    if (!active) return;
    facts = readFacts();
    const serialized = JSON.stringify(facts);
    if (!force && serialized === lastSentFacts) return;
    lastSentFacts = serialized;
    const request = ++requestCounter;
    const url = window?.location.href ?? document.URL;
    messenger.sendPageFacts(url, facts).then(
      (reply) => {
        // An older answer that arrives after a newer one must not overwrite it.
        if (!active || request !== requestCounter) return;
        if (reply === undefined || reply === null || typeof reply !== 'object') {
          showFailure('the extension did not answer');
          return;
        }
        if (reply.view === null) {
          stop();
          return;
        }
        applyView(reply.view);
      },
      (error: unknown) => {
        if (!active || request !== requestCounter) return;
        // Allow the same facts to be sent again once the background is reachable.
        lastSentFacts = null;
        showFailure(errorMessage(error));
      },
    );
  }

  const pageObserver = new MutationObserver((records) => {
    // The overlay's own host moving (re-attached by its guard) is not a page change.
    if (records.every((record) => record.target === overlayHost.host || [...record.addedNodes, ...record.removedNodes].every((node) => node === overlayHost.host))) {
      return;
    }
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    const now = Date.now();
    waitingSince ??= now;
    const delay = Math.max(0, Math.min(PAGE_FACTS_DEBOUNCE_MS, waitingSince + PAGE_FACTS_MAX_WAIT_MS - now));
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined;
      waitingSince = undefined;
      send(false);
    }, delay);
  });

  function observePage(): void {
    if (document.documentElement) pageObserver.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  const onDomContentLoaded = () => {
    observePage();
    send(false);
  };

  function stop(): void {
    if (!active) return;
    active = false;
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    pageObserver.disconnect();
    document.removeEventListener('DOMContentLoaded', onDomContentLoaded);
    render(null, overlayHost.mountPoint);
    overlayHost.disconnect();
  }

  if (isOverlayView(options.initialView)) applyView(options.initialView);
  send(true);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onDomContentLoaded, { once: true });
  else observePage();

  return {
    refresh: (force = true) => send(force),
    isActive: () => active,
    stop,
    overlayHost,
  };
}

/** A shape check, not a schema: the value comes from the background through the isolated world, never the page. */
function isOverlayView(value: unknown): value is OverlayView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Partial<OverlayView>;
  return typeof view.flowId === 'string' && typeof view.evaluation?.verdict === 'string' && typeof view.request?.clientId === 'string';
}
