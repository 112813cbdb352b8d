/**
 * Real Chromium enterprise policy files: `/etc/chromium/policies/managed/<name>.json`, the file an admin (or the
 * `deploy` command's `chrome/consent-gate.json`) puts on a Linux machine. Chromium reads the folder at start and
 * watches it while running (the `--policy` flag does not work for this). The policy reaches the extension as `storage.managed`; values that do
 * not match its `managed_schema` are dropped silently, which is why tests read them back.
 *
 * Every file this module writes has a name unique to this process and is removed by `remove()`, by
 * `removeAllManagedPolicies()` (afterAll) and, as a last resort, when the process exits. A file left by a run that
 * was killed is removed by the next run: the folder is read by every Chromium on the machine.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Worker } from 'playwright-core';
import type { ExtensionGlobals } from './extension-globals';

export const MANAGED_POLICY_DIR = process.env.CHROMIUM_MANAGED_POLICY_DIR ?? '/etc/chromium/policies/managed';

const FILE_PREFIX = 'consent-gate-e2e-';
const written = new Set<string>();

export interface ManagedPolicyFile {
  path: string;
  /** Replaces the policy values for the extension (the browser may be running: Chromium watches the folder). */
  write(values: Record<string, unknown>): void;
  /** Replaces the whole file with this text, e.g. a file the `deploy` command wrote. */
  writeText(text: string): void;
  remove(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files of earlier runs whose process is gone: a killed run cannot clean up after itself. */
function removeStaleFiles(): void {
  if (!existsSync(MANAGED_POLICY_DIR)) return;
  for (const name of readdirSync(MANAGED_POLICY_DIR)) {
    const pid = Number(/^consent-gate-e2e-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) rmSync(join(MANAGED_POLICY_DIR, name), { force: true });
  }
}

function removeWrittenFiles(): void {
  for (const path of written) rmSync(path, { force: true });
  written.clear();
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', removeWrittenFiles);
}

/** The Linux policy file's shape: `3rdparty.extensions.<id>` holds the extension's managed storage. */
export function chromePolicyFileText(extensionId: string, values: Record<string, unknown>): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }, null, 2)}\n`;
}

/**
 * Writes atomically: a half-written file read by Chromium would be a parse error, so the text goes to a temp file
 * beside the folder (same file system) and is renamed in.
 */
function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(MANAGED_POLICY_DIR), `.${FILE_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, path);
}

export function createManagedPolicyFile(extensionId: string): ManagedPolicyFile {
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create ${MANAGED_POLICY_DIR} (run the e2e suite as root): ${(error as Error).message}`, { cause: error });
  }
  removeStaleFiles();
  installExitHook();
  const path = join(MANAGED_POLICY_DIR, `${FILE_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.json`);
  const file: ManagedPolicyFile = {
    path,
    write(values) {
      file.writeText(chromePolicyFileText(extensionId, values));
    },
    writeText(text) {
      written.add(path);
      writeAtomically(path, text);
    },
    remove() {
      rmSync(path, { force: true });
      written.delete(path);
    },
  };
  return file;
}

/** afterAll: every policy file this process wrote is gone, whatever failed before. */
export function removeAllManagedPolicies(): void {
  removeWrittenFiles();
}

/** `chrome.storage.managed.get()` in the extension's service worker: what the policy file became. */
export async function readManagedStorage(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.managed.get());
}

/**
 * Polls managed storage until `predicate` holds; returns the values and how long it took. Chromium reloads a
 * changed policy folder on its own; the wait is bounded and the failure says what managed storage held.
 */
export async function waitForManagedStorage(
  serviceWorker: () => Promise<Worker>,
  predicate: (values: Record<string, unknown>) => boolean,
  timeout: number,
): Promise<{ values: Record<string, unknown>; elapsedMs: number }> {
  const started = Date.now();
  let values: Record<string, unknown> = {};
  while (Date.now() - started < timeout) {
    values = await readManagedStorage(await serviceWorker());
    if (predicate(values)) return { values, elapsedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Managed storage did not change as expected within ${timeout} ms; it holds ${JSON.stringify(values).slice(0, 2000)}`);
}
