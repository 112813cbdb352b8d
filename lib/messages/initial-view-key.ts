/**
 * The isolated-world global where the background leaves the overlay's first view just before injecting it, so the
 * overlay draws without a round trip (lib/background/overlay-injection.ts). The page cannot see or set it.
 * Its own module, so the overlay bundle does not pull in the protocol's schemas.
 */
export const INITIAL_VIEW_KEY = '__consentGateInitialView';
