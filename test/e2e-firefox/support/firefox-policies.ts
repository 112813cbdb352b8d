/**
 * Firefox enterprise policies on Linux: `/etc/firefox/policies/policies.json` (`/etc/firefox` also for Debian's
 * firefox-esr; it wins over the installation's `distribution/policies.json`). Firefox reads it at start; an
 * add-on's `storage.managed` comes from `policies["3rdparty"].Extensions[<add-on id>]`. The file is the machine's,
 * so an existing one is put back afterwards, and a file left by a run that was killed is recognised by its marker
 * and removed by the next run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const FIREFOX_POLICIES_FILE = process.env.FIREFOX_POLICIES_FILE ?? '/etc/firefox/policies/policies.json';

const ROOT = resolve(import.meta.dirname, '../../..');
const MARKER_PREFIX = '.consent-gate-e2e-';
const run = promisify(execFile);

/** Runs the admin CLI as an admin would (`deploy --policy FILE --out DIR`) and returns Firefox's file as written. */
export async function deployFirefoxPolicies(policy: Record<string, unknown>): Promise<{ text: string; stdout: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'consent-gate-deploy-'));
  try {
    const policyFile = join(directory, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(policy, null, 2));
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cli/main.ts', 'deploy', '--policy', policyFile, '--out', join(directory, 'out')], {
      cwd: ROOT,
    });
    return { text: readFileSync(join(directory, 'out', 'firefox', 'policies.json'), 'utf8'), stdout };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A policies.json whose marker names a process that is gone was written by a killed run: remove both. */
function removeStaleFile(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const pid = Number(name.startsWith(MARKER_PREFIX) ? name.slice(MARKER_PREFIX.length) : Number.NaN);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    const previous = readFileSync(join(folder, name), 'utf8');
    if (previous === '') rmSync(FIREFOX_POLICIES_FILE, { force: true });
    else writeFileSync(FIREFOX_POLICIES_FILE, previous);
    rmSync(join(folder, name), { force: true });
  }
}

export interface InstalledPolicies {
  /** Puts back what was there before (or nothing). */
  remove(): void;
}

/** Writes `text` as the machine's Firefox policies file, exactly as given. Firefox must be started afterwards. */
export function installFirefoxPolicies(text: string): InstalledPolicies {
  const folder = dirname(FIREFOX_POLICIES_FILE);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create ${folder} (run the Firefox e2e suite as root): ${(error as Error).message}`, { cause: error });
  }
  removeStaleFile(folder);
  const previous = existsSync(FIREFOX_POLICIES_FILE) ? readFileSync(FIREFOX_POLICIES_FILE, 'utf8') : '';
  // The marker holds the machine's own file (empty: there was none), so even a killed run's file is undone.
  const marker = join(folder, `${MARKER_PREFIX}${process.pid}`);
  writeFileSync(marker, previous);
  writeFileSync(FIREFOX_POLICIES_FILE, text, { mode: 0o644 });
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    if (previous === '') rmSync(FIREFOX_POLICIES_FILE, { force: true });
    else writeFileSync(FIREFOX_POLICIES_FILE, previous);
    rmSync(marker, { force: true });
  };
  process.once('exit', remove);
  return { remove };
}
