/**
 * Firefox 140 to 152 (the manifest's `strict_min_version` is 140) have no `documentId`: not in webNavigation
 * events, not in `runtime.MessageSender`, not as a `scripting` target. Firefox 153 added it (bug 1891478), and
 * Debian ships 153, so the suite also runs a copy of the built add-on whose background first loads a small script
 * that takes `documentId` out of those APIs again, the way the older versions present them. The add-on's own code
 * is the shipped build, unchanged; only the browser API surface it meets is the older one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file name the shim gets in the copy's root, loaded before the add-on's own background scripts. */
export const SHIM_FILE = 'firefox-before-153.js';

/**
 * Plain JavaScript, run in the background page before the add-on's code. It wraps the events whose details or
 * sender carry `documentId`, and refuses a `documentIds` target as Firefox 152's schema does ("Unexpected property").
 */
const SHIM_SOURCE = `'use strict';
(() => {
  const withoutDocumentId = (value) => {
    if (value === null || typeof value !== 'object' || !('documentId' in value)) return value;
    const { documentId: _dropped, parentDocumentId: _parent, ...rest } = value;
    return rest;
  };
  const wrapEvent = (event, strip) => {
    if (!event || typeof event.addListener !== 'function') return;
    const wrapped = new Map();
    const { addListener, removeListener, hasListener } = event;
    event.addListener = function (listener, ...options) {
      const inner = (...args) => listener(...strip(args));
      wrapped.set(listener, inner);
      return addListener.call(this, inner, ...options);
    };
    event.removeListener = function (listener) {
      return removeListener.call(this, wrapped.get(listener) ?? listener);
    };
    event.hasListener = function (listener) {
      return hasListener.call(this, wrapped.get(listener) ?? listener);
    };
  };
  const firstArgument = ([details, ...rest]) => [withoutDocumentId(details), ...rest];
  const senderArgument = ([message, sender, ...rest]) => [message, withoutDocumentId(sender), ...rest];
  for (const api of new Set([globalThis.browser, globalThis.chrome])) {
    if (!api) continue;
    for (const name of ['onBeforeNavigate', 'onCommitted', 'onDOMContentLoaded', 'onCompleted', 'onHistoryStateUpdated', 'onReferenceFragmentUpdated', 'onErrorOccurred']) {
      wrapEvent(api.webNavigation?.[name], firstArgument);
    }
    wrapEvent(api.runtime?.onMessage, senderArgument);
    const { executeScript } = api.scripting ?? {};
    if (typeof executeScript === 'function') {
      api.scripting.executeScript = function (injection, ...rest) {
        if (injection?.target && 'documentIds' in injection.target) {
          return Promise.reject(new Error('Type error for parameter injection (Error processing target.documentIds: Unexpected property "documentIds") for scripting.executeScript.'));
        }
        return executeScript.call(this, injection, ...rest).then((results) => results.map(withoutDocumentId));
      };
    }
  }
  globalThis.__consentGateFirefoxBefore153 = true;
})();
`;

/**
 * Copies the built add-on to a temp dir and makes its background load the shim first. Returns the copy's path and a
 * function that removes it.
 */
export function withoutDocumentIdCopy(extensionDir: string): { directory: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'consent-gate-firefox-152-'));
  const directory = join(root, 'firefox-mv3');
  cpSync(extensionDir, directory, { recursive: true });
  const manifestPath = join(directory, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { background?: { scripts?: string[] } };
  const scripts = manifest.background?.scripts;
  if (!scripts || scripts.length === 0) throw new Error(`The Firefox build in ${extensionDir} has no background.scripts to load the shim before.`);
  manifest.background = { ...manifest.background, scripts: [SHIM_FILE, ...scripts] };
  writeFileSync(join(directory, SHIM_FILE), SHIM_SOURCE);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { directory, remove: () => rmSync(root, { recursive: true, force: true }) };
}
