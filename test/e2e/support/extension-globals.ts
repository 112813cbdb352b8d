/**
 * The `chrome` namespace as seen inside the extension's service worker. Functions passed to `worker.evaluate` run
 * there, not in Node; they reach it as `(globalThis as ExtensionGlobals).chrome` so no global type leaks into the
 * rest of the project.
 */
import type { Browser } from '@wxt-dev/browser';

export interface ExtensionGlobals {
  chrome: typeof Browser;
}
