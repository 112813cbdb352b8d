/**
 * Fails the run at once, with the fix, when the browser or the built extension is missing; then snapshots the
 * build so every test file loads the same extension even if `.output/` is rebuilt during the run.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertChromiumInstalled, assertExtensionBuilt, BUILD_DIR } from './extension-browser';

/** `wxt build` empties .output/ first and takes 3-6 s here; a build running next to the suite gets this long. */
const BUILD_IN_PROGRESS_GRACE_MS = 20_000;

async function waitForBuild(): Promise<void> {
  const deadline = Date.now() + BUILD_IN_PROGRESS_GRACE_MS;
  while (!existsSync(join(BUILD_DIR, 'manifest.json')) && Date.now() < deadline) await sleep(500);
  // A build that just wrote its manifest may still be writing the pages next to it.
  await sleep(existsSync(join(BUILD_DIR, 'manifest.json')) ? 1_000 : 0);
}

export default async function setup(): Promise<() => void> {
  assertChromiumInstalled();
  await waitForBuild();
  assertExtensionBuilt(BUILD_DIR);
  const snapshot = join(mkdtempSync(join(tmpdir(), 'consent-gate-build-')), 'chrome-mv3');
  cpSync(BUILD_DIR, snapshot, { recursive: true });
  assertExtensionBuilt(snapshot);
  process.env.CONSENT_GATE_EXTENSION_DIR = snapshot;
  return () => rmSync(join(snapshot, '..'), { recursive: true, force: true });
}
