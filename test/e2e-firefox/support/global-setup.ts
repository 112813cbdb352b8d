/**
 * Fails the run at once, with the fix, when Firefox or the Firefox build is missing; then snapshots the build so
 * every test file installs the same add-on even if `.output/` is rebuilt during the run.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFirefoxExtensionBuilt, assertFirefoxInstalled, FIREFOX_BUILD_DIR } from './firefox-browser';

export default function setup(): () => void {
  assertFirefoxInstalled();
  assertFirefoxExtensionBuilt(FIREFOX_BUILD_DIR);
  const snapshot = join(mkdtempSync(join(tmpdir(), 'consent-gate-firefox-build-')), 'firefox-mv3');
  cpSync(FIREFOX_BUILD_DIR, snapshot, { recursive: true });
  assertFirefoxExtensionBuilt(snapshot);
  process.env.CONSENT_GATE_FIREFOX_EXTENSION_DIR = snapshot;
  return () => rmSync(join(snapshot, '..'), { recursive: true, force: true });
}
