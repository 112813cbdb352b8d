/**
 * Launches Debian's Firefox ESR with the built Firefox extension, driven over WebDriver BiDi by puppeteer-core
 * (Debian packages no geckodriver, and Firefox speaks BiDi itself). The extension is installed as a temporary add-on, which Firefox grants
 * its host permissions without a prompt. Every request goes through the host-map proxy, so the identity providers'
 * real host names reach local servers and nothing else is reachable.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../../lib/extension-ids';
import { startHostMapProxy, type HostMapProxy } from './host-map-proxy';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Where `npm run build:firefox` writes the Firefox build (MV3). */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv3');
/** The snapshot the global setup made of FIREFOX_BUILD_DIR, so a rebuild during the run cannot change the add-on. */
export const FIREFOX_EXTENSION_DIR = process.env.CONSENT_GATE_FIREFOX_EXTENSION_DIR ?? FIREFOX_BUILD_DIR;

export interface FirefoxLaunchOptions {
  /** Host names served by a local HTTPS server on 127.0.0.1:<port> (the fixture consent hosts, the oidc-provider). */
  hostMaps?: { hosts: readonly string[]; port: number }[];
  /** The unpacked add-on to install. Default: the snapshot of the Firefox build. */
  extensionDir?: string;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The gecko id Firefox reported for the installed add-on (the manifest's `browser_specific_settings.gecko.id`). */
  readonly addonId: string;
  /** `moz-extension://<uuid>/<path>`; the uuid is fixed per launch through `extensions.webextensions.uuids`. */
  extensionUrl(path: string): string;
  proxy: HostMapProxy;
  newPage(): Promise<Page>;
  /**
   * Opens an extension page (options, popup) in a new tab. Plain `page.goto` never sees such a navigation finish
   * over BiDi, so this navigates with BiDi's own `browsingContext.navigate` and waits for the load to complete.
   */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Installs the add-on in `extensionDir` over the current one (same id), in the same browser, for a fraction of the
   * cost of a new browser. Firefox treats it as an update: the add-on restarts, keeps its internal uuid (an uninstall
   * would drop it, and extension pages could no longer be opened) and keeps its IndexedDB. Close its pages first.
   */
  reinstall(extensionDir: string): Promise<void>;
  close(): Promise<void>;
}

/** The slice of puppeteer's BiDi connection these tests use: raw WebDriver BiDi commands. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The WebDriver BiDi connection under a puppeteer Firefox browser (puppeteer exposes it, but not in its types). */
export function bidiConnection(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection || typeof connection.send !== 'function') throw new Error('This puppeteer browser has no WebDriver BiDi connection.');
  return connection;
}

/** The BiDi browsing-context id of a page's top frame. */
export function browsingContextId(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('This puppeteer page has no BiDi browsing context id.');
  return id;
}

export function assertFirefoxInstalled(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}. Install it with: apt-get update && apt-get install -y firefox-esr`);
  }
}

export function assertFirefoxExtensionBuilt(directory = FIREFOX_EXTENSION_DIR): void {
  if (!existsSync(join(directory, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${directory}. Run \`npm run build:firefox\` first.`);
  }
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  assertFirefoxInstalled();
  assertFirefoxExtensionBuilt(options.extensionDir);
  const proxy = await startHostMapProxy();
  for (const { hosts, port } of options.hostMaps ?? []) proxy.map(hosts, port);
  // Firefox gives each add-on install a random internal uuid; naming it up front lets tests open extension pages.
  const uuid = randomUUID();
  const profileDir = mkdtempSync(join(tmpdir(), 'consent-gate-firefox-profile-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      acceptInsecureCerts: true,
      // Firefox refuses WebDriver BiDi navigation to moz-extension:// pages (options, popup) without this flag.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
        // Manual proxy for every protocol, localhost included: the host-map proxy is the only way out.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.trr.mode': 5,
      },
    });
  } catch (error) {
    await proxy.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  let addonId: string;
  try {
    addonId = await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    await proxy.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  const handle: FirefoxExtensionBrowser = {
    browser,
    addonId,
    proxy,
    extensionUrl(path: string) {
      return `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    },
    newPage() {
      return browser.newPage();
    },
    async openExtensionPage(path: string) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
      await bidiConnection(browser).send('browsingContext.navigate', { context: browsingContextId(page), url, wait: 'complete' });
      return page;
    },
    async reinstall(extensionDir: string) {
      assertFirefoxExtensionBuilt(extensionDir);
      const addonId = await browser.installExtension(extensionDir);
      if (addonId !== handle.addonId) throw new Error(`${extensionDir} installed as ${addonId}, not as an update of ${handle.addonId}`);
      // The install resolves once the add-on is started; its background may still be loading. The first test must
      // meet a background that answers, so ask it once from one of its pages.
      const page = await handle.openExtensionPage('options.html');
      try {
        await page.evaluate(() =>
          (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
            type: 'page/get-policy-status',
          }),
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await proxy.close();
        rmSync(profileDir, { recursive: true, force: true });
      }
    },
  };
  return handle;
}
