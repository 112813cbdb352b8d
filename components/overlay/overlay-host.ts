/**
 * The overlay's host: a plain `<div data-consent-gate>`, child of `<html>` (so it exists before `<body>` does), with
 * a closed shadow root the page cannot reach. It is a built-in element on purpose: a page can define a custom
 * element of any name before our script runs (its constructor attaches its own shadow root, or it disables shadow
 * roots), and would thereby stop the overlay from ever attaching. Nothing a page defines changes what
 * `createElement('div')` makes. Tests and tools find the host by its `data-consent-gate` attribute.
 * The page can still reach the host itself, so the host defends itself:
 * - it sits in the top layer (a manual popover), above any z-index and any covering element the page adds, and a
 *   watch (top-layer-watch.ts) raises it again when the page puts its own popover or dialog above it;
 * - its inline style is `all: initial` plus what it needs, every declaration `!important` (inline important
 *   declarations beat any author style sheet, CSS Cascade 5 §6.1);
 * - a MutationObserver puts it back when it is removed or its attributes are changed, and re-opens the popover.
 * Repairs are budgeted so a page that fights back cannot turn the overlay into a busy loop.
 */
import { OVERLAY_CSS } from './overlay-styles';
import { createBurstWindow } from './burst-window';
import { startTopLayerWatch, type TopLayerWatch, type TopLayerWatchStats } from './top-layer-watch';

/** The host's element: built in, so no custom element a page defines first can take its place. */
export const HOST_TAG = 'div';
/** The attribute that marks the host, whatever its tag; `[data-consent-gate]` finds it. */
export const HOST_MARKER = 'data-consent-gate';
export const HOST_SELECTOR = `[${HOST_MARKER}]`;

const MAX_Z_INDEX = '2147483647';
const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['min-width', '0'],
  ['min-height', '0'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['background', 'transparent'],
  ['overflow', 'visible'],
  ['z-index', MAX_Z_INDEX],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['translate', 'none'],
  ['scale', 'none'],
  ['rotate', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['content-visibility', 'visible'],
  ['isolation', 'isolate'],
  // The host covers the viewport but lets clicks through; the overlay's own surfaces take them.
  ['pointer-events', 'none'],
  ['color-scheme', 'light dark'],
];

/** A page that undoes more repairs than this within one second is answered on a timer instead of at once. */
const REPAIR_BURST = 40;
const REPAIR_WINDOW_MS = 1000;
const REPAIR_BACKOFF_MS = 250;

export interface OverlayHost {
  host: HTMLElement;
  /** Where the Preact tree renders, inside the closed shadow root. */
  mountPoint: HTMLElement;
  /** Sets the host's data attributes; `undefined` removes one. The guard keeps them as set here. */
  setAttributes(attributes: Record<string, string | undefined>): void;
  /** How many times the host was repaired after the page tampered with it (for tests and diagnostics). */
  repairs(): number;
  /** What the top-layer watch did and what its checks cost; null where the browser has no popovers. */
  topLayerStats(): TopLayerWatchStats | null;
  disconnect(): void;
}

function applyHostStyle(host: HTMLElement): void {
  // CSSOM writes, not setAttribute('style'): a page CSP without 'unsafe-inline' blocks the attribute, not the CSSOM.
  host.removeAttribute('style');
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
}

function adoptStyles(shadowRoot: ShadowRoot, document: Document): void {
  // A constructed style sheet is not subject to the page's CSP style-src; fall back to a <style> element where
  // constructed sheets are unavailable (Firefox content scripts reject sheets built in the content script's realm).
  if ('adoptedStyleSheets' in shadowRoot && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(OVERLAY_CSS);
      shadowRoot.adoptedStyleSheets = [sheet];
      return;
    } catch (error) {
      console.debug('Consent Gate: constructed style sheets unavailable, using a <style> element.', error);
    }
  }
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  shadowRoot.append(style);
}

function supportsPopover(host: HTMLElement): boolean {
  return typeof host.showPopover === 'function' && typeof host.hidePopover === 'function';
}

function isPopoverOpen(host: HTMLElement): boolean {
  try {
    return host.matches(':popover-open');
  } catch {
    // The selector is unknown where popovers are unsupported; such a host is never in the top layer.
    return false;
  }
}

export interface OverlayHostOptions {
  /** Called after the host was put back into the page; re-attaching an element drops the focus inside it. */
  onReattached?: () => void;
}

export function createOverlayHost(document: Document, options: OverlayHostOptions = {}): OverlayHost {
  const host = document.createElement(HOST_TAG);
  const shadowRoot = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadowRoot, document);
  const mountPoint = document.createElement('div');
  shadowRoot.append(mountPoint);

  const popover = supportsPopover(host);
  const expected = new Map<string, string>([[HOST_MARKER, '']]);
  if (popover) expected.set('popover', 'manual');
  let expectedStyle = '';
  let repairCount = 0;
  const repairBudget = createBurstWindow(REPAIR_BURST, REPAIR_WINDOW_MS);
  let backoffTimer: ReturnType<typeof setTimeout> | undefined;
  let disconnected = false;
  /** The first attach is not a repair. */
  let attachedBefore = false;

  const attributeObserver = new MutationObserver(() => scheduleRepair());
  const treeObserver = new MutationObserver(() => scheduleRepair());
  const documentObserver = new MutationObserver(() => scheduleRepair());
  let observedRoot: Element | null = null;

  function writeAttributes(): boolean {
    let changed = false;
    for (const name of host.getAttributeNames()) {
      if (name === 'style' || expected.has(name)) continue;
      host.removeAttribute(name);
      changed = true;
    }
    for (const [name, value] of expected) {
      if (host.getAttribute(name) !== value) {
        host.setAttribute(name, value);
        changed = true;
      }
    }
    if (host.getAttribute('style') !== expectedStyle || expectedStyle === '') {
      applyHostStyle(host);
      expectedStyle = host.getAttribute('style') ?? '';
      changed = true;
    }
    return changed;
  }

  function showInTopLayer(): boolean {
    if (!popover || !host.isConnected || isPopoverOpen(host)) return false;
    host.showPopover();
    return true;
  }

  function observeRoot(root: Element): void {
    if (observedRoot === root) return;
    treeObserver.disconnect();
    treeObserver.observe(root, { childList: true });
    observedRoot = root;
  }

  /** Puts everything back as it should be; returns whether anything had to change. */
  function repair(): boolean {
    const root = document.documentElement;
    if (!root) return false;
    observeRoot(root);
    let changed = writeAttributes();
    let reattached = false;
    if (host.parentNode !== root) {
      root.append(host);
      reattached = true;
    } else if (!popover && host.nextSibling !== null) {
      // Without a top layer, the last child wins ties at the maximal z-index.
      root.append(host);
      reattached = true;
    }
    if (showInTopLayer()) changed = true;
    if (reattached && attachedBefore) options.onReattached?.();
    if (reattached) attachedBefore = true;
    return changed || reattached;
  }

  function scheduleRepair(): void {
    if (disconnected || backoffTimer !== undefined) return;
    if (!repairBudget.allows(Date.now())) {
      backoffTimer = setTimeout(() => {
        backoffTimer = undefined;
        if (!disconnected && repair()) repairCount += 1;
      }, REPAIR_BACKOFF_MS);
      return;
    }
    if (repair()) {
      repairCount += 1;
      repairBudget.record();
    }
  }

  attributeObserver.observe(host, { attributes: true });
  // Catches `document.documentElement` being replaced, and the first <html> when started before it exists.
  documentObserver.observe(document, { childList: true });
  repair();
  const topLayerWatch: TopLayerWatch | null = popover
    ? startTopLayerWatch({
        host,
        document,
        surfaces: () => mountPoint.querySelectorAll('.surface'),
        // The overlay's modal displays mark their dialog aria-modal (DecisionDialog.tsx).
        holdsPerson: () => mountPoint.querySelector('[aria-modal="true"]') !== null,
        raise() {
          // Leaving and re-entering the top layer puts the host last in it, above whatever the page opened.
          if (isPopoverOpen(host)) host.hidePopover();
          host.showPopover();
        },
      })
    : null;

  return {
    host,
    mountPoint,
    setAttributes(attributes) {
      for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined) expected.delete(name);
        else expected.set(name, value);
      }
      writeAttributes();
    },
    repairs: () => repairCount,
    topLayerStats: () => topLayerWatch?.stats() ?? null,
    disconnect() {
      disconnected = true;
      topLayerWatch?.stop();
      if (backoffTimer !== undefined) clearTimeout(backoffTimer);
      attributeObserver.disconnect();
      treeObserver.disconnect();
      documentObserver.disconnect();
      host.remove();
    },
  };
}
