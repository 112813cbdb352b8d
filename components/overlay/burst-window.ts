/**
 * A fixed-window rate limit: at most `limit` actions per `windowMs`. The overlay's DOM guard (repairs) and its
 * top-layer watch (raises) both answer a page that fights back, and both must stay bounded however hard it fights.
 */
export interface BurstWindow {
  /** Whether one more action fits in the window that `now` falls in (a window older than `windowMs` restarts). */
  allows(now: number): boolean;
  /** Counts one action in the current window. */
  record(): void;
}

export function createBurstWindow(limit: number, windowMs: number): BurstWindow {
  let windowStart = 0;
  let inWindow = 0;
  return {
    allows(now) {
      if (now - windowStart > windowMs) {
        windowStart = now;
        inWindow = 0;
      }
      return inWindow < limit;
    },
    record() {
      inWindow += 1;
    },
  };
}
