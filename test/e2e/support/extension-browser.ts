/**
 * Launches Debian Chromium with the built extension loaded, the way the e2e suite, the demo and the browser
 * benchmark all use it. Why the flags: without the background-networking flags Chromium floods
 * the closed network; `--host-resolver-rules` gives real identity-provider host names to local servers.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where `wxt build` writes the Chrome build. */
export const BUILD_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
/**
 * The build the browser loads: the e2e global setup snapshots BUILD_DIR to a temp dir and names it here, so a
 * rebuild during the run cannot pull the extension out from under a test.
 */
export const EXTENSION_DIR = process.env.CONSENT_GATE_EXTENSION_DIR ?? BUILD_DIR;
/** Fixed by the manifest `key` (wxt.config.ts); enterprise policy files name it. */
export const EXPECTED_EXTENSION_ID = 'panefockkbeooobjemlcjihjpegnkkcd';

export interface LaunchOptions {
  /** Reuse a profile directory (the persistence test closes and reopens the same one). Default: a fresh temp dir. */
  userDataDir?: string;
  /** Load the built extension (default) or run the same browser without it, for side-by-side measurements. */
  withExtension?: boolean;
  /** Host names served by a local HTTPS server on 127.0.0.1:<port>, e.g. the oidc-provider under acme.okta.com. */
  hostMap?: { hosts: readonly string[]; port: number };
  headless?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** Undefined only when launched with `withExtension: false`. */
  serviceWorker: Worker | undefined;
  extensionId: string | undefined;
  extensionUrl(path: string): string;
  /** The extension's current service worker (Chromium may have stopped and restarted it since launch). */
  worker(): Promise<Worker>;
  /** Close the browser; the profile directory is kept when it was passed in, removed when it was a temp dir. */
  close(): Promise<void>;
}

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`);
  }
}

export function assertExtensionBuilt(directory = EXTENSION_DIR): void {
  if (!existsSync(join(directory, 'manifest.json'))) {
    throw new Error(`No built extension in ${directory}. Run \`npx wxt build\` first.`);
  }
}

export function makeProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'consent-gate-profile-'));
}

export function chromiumArgs(options: Pick<LaunchOptions, 'withExtension' | 'hostMap'>): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (options.withExtension !== false) {
    args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  }
  if (options.hostMap) {
    const rules = options.hostMap.hosts.map((host) => `MAP ${host}:443 127.0.0.1:${options.hostMap?.port}`);
    args.push(`--host-resolver-rules=${rules.join(',')}`, '--ignore-certificate-errors');
  }
  return args;
}

export async function launchExtensionBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertChromiumInstalled();
  const withExtension = options.withExtension !== false;
  if (withExtension) assertExtensionBuilt();
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? makeProfileDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: chromiumArgs(options),
    // Playwright passes --disable-extensions by default, which would unload the extension under test.
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  let serviceWorker: Worker | undefined;
  let extensionId: string | undefined;
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    userDataDir,
    serviceWorker,
    extensionId,
    extensionUrl(path: string) {
      if (!extensionId) throw new Error('This browser was launched without the extension.');
      return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    },
    async worker() {
      if (!withExtension) throw new Error('This browser was launched without the extension.');
      return currentServiceWorker(context);
    },
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The service worker of the extension in a running context. After a browser restart, or when Chromium stopped an
 * idle worker, the old handle is gone; this waits for the current one.
 */
export async function currentServiceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
}
