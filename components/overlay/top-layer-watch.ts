/**
 * Keeps the overlay's host on top of the top layer. A page can open its own popover, modal dialog or fullscreen
 * element after ours, which the browser stacks above it; the `toggle` and `fullscreenchange` events that announce
 * this reach page listeners first, and a page listener can stop them. So the stacking is checked from our side, once
 * per animation frame (just after it is drawn), with what the page cannot intercept: the `:popover-open` and
 * `:modal` selectors, the document's fullscreen element, and a hit test on the overlay's own surfaces. Both the
 * checks and the re-raises are budgeted, so a page that fights back costs little and cannot make a busy loop.
 */
import { createBurstWindow } from './burst-window';

/** What one check saw. Generic so the decision is testable without a browser (happy-dom has no top layer). */
export interface TopLayerSnapshot<T> {
  /** Our host is in the top layer (the page may have called `hidePopover()` on it). */
  ownOpen: boolean;
  /** Every other element in the top layer that the page's light DOM shows: popovers, modal dialogs, fullscreen. */
  others: readonly T[];
  /** The subset of `others` that are modal dialogs: while one is open, everything outside it is inert, ours too. */
  modalDialogs: readonly T[];
  /** A hit test on one of our surfaces found something else on top (catches elements in the page's shadow roots). */
  covered: boolean;
  /** Our overlay holds the person until they choose (panel, interstitial): it must stay usable, not just visible. */
  holdsPerson: boolean;
  now: number;
}

export interface TopLayerMemory<T> {
  /** The other top-layer elements that were open when we last raised ours, so are known to be below it. */
  below: ReadonlySet<T>;
  lastRaise: number;
  /** How many raises in a row left the cover where it was (checked right after raising). */
  coveredStreak: number;
}

export type RaiseReason = 'hidden' | 'covered' | 'newcomer' | 'refresh';

export interface TopLayerDecision<T> {
  raise: RaiseReason | null;
  /** Page modal dialogs to close before raising. */
  close: readonly T[];
}

/**
 * A popover the page closes and reopens between two checks re-enters the top layer above ours without changing
 * anything a selector can see; when it also ignores hits (`pointer-events: none`), only re-raising finds it out.
 * While other elements share the top layer, ours is raised again at least this often.
 */
export const REFRESH_MS = 1000;

/**
 * Raising does not help against every cover: a page modal dialog makes our overlay inert, and inert elements take
 * no hits. After this many raises that changed nothing, a cover is answered once per refresh period only.
 */
export const FUTILE_STREAK = 3;

export function decideTopLayerRepair<T>(snapshot: TopLayerSnapshot<T>, memory: TopLayerMemory<T>): TopLayerDecision<T> {
  // Closing a page's modal dialog is only worth its cost to the page while our overlay must stay operable.
  const close = snapshot.holdsPerson ? snapshot.modalDialogs : [];
  let raise: RaiseReason | null = null;
  if (!snapshot.ownOpen) raise = 'hidden';
  else if (snapshot.covered) {
    const futile = memory.coveredStreak >= FUTILE_STREAK && snapshot.now - memory.lastRaise < REFRESH_MS;
    raise = futile ? null : 'covered';
  }
  else if (snapshot.others.some((element) => !memory.below.has(element))) raise = 'newcomer';
  else if (snapshot.others.length > 0 && snapshot.now - memory.lastRaise >= REFRESH_MS) raise = 'refresh';
  return { raise, close };
}

/**
 * When checks cost more than this on average, they are spaced out so that checking takes at most about 5% of the
 * main thread, but never by more than a few frames. An average, so one check slowed by a busy machine does not
 * open a gap.
 */
export const CHECK_BUDGET_MS = 1;
const SLOW_CHECK_SPACING = 20;
const MAX_CHECK_SPACING_MS = 100;
/**
 * At most this many raises per second: one per frame at 60 Hz, so a page that reopens its cover every frame is
 * answered every frame, and the timer fallback (no animation frames) cannot do more.
 */
const RAISE_BURST = 60;
const RAISE_WINDOW_MS = 1000;

export interface TopLayerWatchStats {
  checks: number;
  raises: number;
  /** Checks that found a cover on our surfaces, whether or not they raised. */
  covered: number;
  closedDialogs: number;
  /** The slowest single check so far and the sum of all, in milliseconds (performance.now()). */
  maxCheckMs: number;
  totalCheckMs: number;
  /** Time spent bringing the page's layout up to date before the hit test; not part of the check's cost. */
  layoutMs: number;
}

export interface TopLayerWatchOptions {
  host: HTMLElement;
  document: Document;
  /** The overlay's visible, clickable parts; the centre and corners of each are hit-tested. */
  surfaces(): Iterable<Element>;
  holdsPerson(): boolean;
  /** Puts the host on top of the top layer (hide and show its popover). */
  raise(): void;
}

export interface TopLayerWatch {
  /** Runs one check now; the schedule calls this once per animation frame. */
  check(): void;
  stats(): TopLayerWatchStats;
  stop(): void;
}

/**
 * Matching `:popover-open` walks the whole document (about 0.5 ms with 5k nodes in Chromium 156), so it runs on every
 * few checks only. A cover that takes hits is caught sooner by the hit test; this scan is for covers that ignore hits.
 */
export const POPOVER_SCAN_EVERY = 4;

function openPopovers(document: Document): Element[] {
  try {
    return [...document.querySelectorAll(':popover-open')];
  } catch {
    // An engine without popovers has nothing in this part of the top layer.
    return [];
  }
}

function isModal(element: Element): boolean {
  try {
    return element.matches(':modal');
  } catch {
    // Without `:modal`, an open dialog is the cautious reading: closing it is only done under a modal display.
    return element.hasAttribute('open');
  }
}

/**
 * The centre and four points near the corners of a box, clipped to the viewport. The corner points sit a quarter of
 * the box (at most 24 px) inside, past the rounded corners of our surfaces (12 px, or a pill's half height), where a
 * hit would fall through to the page.
 */
function probePoints(box: DOMRect, width: number, height: number): [number, number][] {
  const inset = Math.min(24, box.width / 4, box.height / 4);
  const left = Math.max(box.left + inset, 0);
  const top = Math.max(box.top + inset, 0);
  const right = Math.min(box.right - inset, width - 1);
  const bottom = Math.min(box.bottom - inset, height - 1);
  if (right < left || bottom < top) return [];
  return [
    [(left + right) / 2, (top + bottom) / 2],
    [left, top],
    [right, top],
    [left, bottom],
    [right, bottom],
  ];
}

function isCovered(options: TopLayerWatchOptions, surfaces: readonly Element[]): boolean {
  const { document, host } = options;
  const view = document.defaultView;
  if (!view) return false;
  for (const surface of surfaces) {
    for (const [x, y] of probePoints(surface.getBoundingClientRect(), view.innerWidth, view.innerHeight)) {
      // Hits inside our closed shadow root are retargeted to the host; anything else is on top of us.
      const hit = document.elementFromPoint(x, y);
      if (hit !== null && hit !== host) return true;
    }
  }
  return false;
}

export function startTopLayerWatch(options: TopLayerWatchOptions): TopLayerWatch {
  const { host, document } = options;
  const view = document.defaultView;
  const now = () => view?.performance.now() ?? Date.now();
  let memory: TopLayerMemory<Element> = { below: new Set(), lastRaise: 0, coveredStreak: 0 };
  // A live collection: walked again only after the document changed, and empty on almost every consent page.
  const dialogs = document.getElementsByTagName('dialog');
  let popovers: Element[] = [];
  const stats: TopLayerWatchStats = { checks: 0, raises: 0, covered: 0, closedDialogs: 0, maxCheckMs: 0, totalCheckMs: 0, layoutMs: 0 };
  const raiseBudget = createBurstWindow(RAISE_BURST, RAISE_WINDOW_MS);
  let nextCheckAt = 0;
  let averageCost = 0;
  /** The last check saw other elements in the top layer or a cover: the page may be fighting back. */
  let contested = false;
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function check(): void {
    // A detached host is the DOM guard's job (overlay-host.ts); showPopover() would throw on it.
    if (stopped || !host.isConnected) return;
    // Nothing on screen (enforcement `monitor`, or the person already chose): nothing a page could cover.
    const surfaces = [...options.surfaces()];
    if (surfaces.length === 0) return;
    // The hit test needs an up-to-date layout. When the page changed the document since the last frame, that layout
    // is the page's work, which the next frame would do anyway; it is measured apart so a page cannot stretch our
    // checks by making its own layout slow.
    const layoutStarted = now();
    host.getBoundingClientRect();
    const started = now();
    stats.layoutMs += started - layoutStarted;
    let relayoutMs = 0;
    if (stats.checks % POPOVER_SCAN_EVERY === 0) popovers = openPopovers(document).filter((element) => element !== host);
    else popovers = popovers.filter((element) => element.matches(':popover-open'));
    const modalDialogs = [...dialogs].filter(isModal);
    const others = [...new Set([...popovers, ...modalDialogs])];
    const fullscreen = document.fullscreenElement;
    if (fullscreen && fullscreen !== host && !others.includes(fullscreen)) others.push(fullscreen);
    const covered = isCovered(options, surfaces);
    if (covered) stats.covered += 1;
    else memory = { ...memory, coveredStreak: 0 };
    const decision = decideTopLayerRepair(
      {
        ownOpen: host.matches(':popover-open'),
        others,
        modalDialogs,
        covered,
        holdsPerson: options.holdsPerson(),
        now: started,
      },
      memory,
    );
    if ((decision.raise !== null || decision.close.length > 0) && raiseBudget.allows(started)) {
      for (const dialog of decision.close) {
        (dialog as HTMLDialogElement).close();
        stats.closedDialogs += 1;
      }
      if (decision.raise !== null) {
        options.raise();
        stats.raises += 1;
        raiseBudget.record();
        // The new stacking needs a layout before the hit test below; the next frame would do it anyway.
        const relayoutStarted = now();
        host.getBoundingClientRect();
        relayoutMs = now() - relayoutStarted;
        memory = {
          below: new Set(others.filter((element) => !decision.close.includes(element))),
          lastRaise: started,
          // Checked at once: a page that reopens its cover between two checks is fought, not given up on.
          coveredStreak: decision.raise === 'covered' && isCovered(options, surfaces) ? memory.coveredStreak + 1 : 0,
        };
      }
    }
    stats.layoutMs += relayoutMs;
    const cost = now() - started - relayoutMs;
    stats.checks += 1;
    stats.totalCheckMs += cost;
    stats.maxCheckMs = Math.max(stats.maxCheckMs, cost);
    contested = others.length > 0 || decision.raise !== null;
    averageCost = averageCost === 0 ? cost : averageCost * 0.8 + cost * 0.2;
    nextCheckAt = averageCost > CHECK_BUDGET_MS ? started + Math.min(averageCost * SLOW_CHECK_SPACING, MAX_CHECK_SPACING_MS) : 0;
  }

  /** Costs microseconds: a live collection that is empty on almost every page, and two cheap reads. */
  function suspicious(): boolean {
    for (const dialog of dialogs) if ((dialog as HTMLDialogElement).open) return true;
    return document.fullscreenElement !== null || !host.matches(':popover-open');
  }

  function checkWithinBudget(): void {
    if (now() < nextCheckAt) return;
    try {
      check();
    } catch (error) {
      // One failed check must not end the watch: the next frame tries again.
      console.debug('Consent Gate: top-layer check failed.', error);
    }
  }

  function afterFrame(): void {
    timer = undefined;
    if (stopped) return;
    checkWithinBudget();
    schedule();
  }

  function onFrame(): void {
    frame = undefined;
    if (stopped) return;
    // While the page keeps other elements in the top layer, or when a cheap look finds one of the usual suspects,
    // also check before the frame is drawn, so what the page opened since the last check is not drawn even once.
    if (contested || suspicious()) checkWithinBudget();
    // Checked in the task right after the frame is drawn, when layout is usually clean: the hit test then costs
    // little, and the page's own layout work is not counted against our budget.
    timer = setTimeout(afterFrame, 0);
  }

  function schedule(): void {
    if (stopped) return;
    // Animation frames pause in background tabs, where nothing is painted and nothing needs checking.
    if (view && typeof view.requestAnimationFrame === 'function') frame = view.requestAnimationFrame(onFrame);
    else timer = setTimeout(afterFrame, 16);
  }

  schedule();
  return {
    check,
    stats: () => ({ ...stats }),
    stop() {
      stopped = true;
      if (frame !== undefined) view?.cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
