/**
 * The parts of `npm run bench:browser` that time a flow: when the overlay is painted on a consent page, against
 * DOMContentLoaded and against the page's own first paint of its buttons, and how long a stopped service worker
 * takes to its first verdict. Each cell runs quiet and under load (a second Chromium keeping its renderers busy).
 * Reports only; nothing here fails on timing.
 */
import type { Browser as PlaywrightBrowser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, type ExtensionBrowser } from '../../test/e2e/support/extension-browser';
import { stopServiceWorker } from '../../test/e2e/support/service-worker-stop';
import { blockRemoteFonts } from '../../test/e2e/support/oidc-flow';
import { FIRST_VERDICT_MARK } from '../../lib/background/first-verdict';

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN, count: sorted.length };
}

export function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'n/a';
}

function cell(values: number[]): string {
  const { median, p95, count } = stats(values);
  return `${fmt(median)} / ${fmt(p95)} (n=${count})`;
}

/**
 * Installed before any page script. Paint times are the first animation frame after the element is in the DOM:
 * the frame that draws it. The consent buttons are the page's own `button` elements (never the overlay's, which live
 * in a closed shadow root); the overlay is the host with `data-state="ready"`.
 */
const TIMING_SCRIPT = `(() => {
  const timing = { domContentLoaded: null, buttonsPainted: null, overlayReady: null, overlayPainted: null };
  Object.defineProperty(window, '__consentGateBenchTiming', { value: timing });
  document.addEventListener('DOMContentLoaded', () => { timing.domContentLoaded = performance.now(); }, { once: true });
  const check = () => {
    if (timing.buttonsPainted === null && document.querySelector('button, input[type="submit"]')) {
      timing.buttonsPainted = -1;
      requestAnimationFrame(() => { timing.buttonsPainted = performance.now(); });
    }
    if (timing.overlayReady === null && document.querySelector('[data-consent-gate][data-state="ready"]')) {
      timing.overlayReady = performance.now();
      requestAnimationFrame(() => { timing.overlayPainted = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

interface PageTiming {
  domContentLoaded: number | null;
  buttonsPainted: number | null;
  overlayReady: number | null;
  overlayPainted: number | null;
}

async function readTiming(page: Page): Promise<PageTiming> {
  await page.waitForFunction(() => (window as unknown as { __consentGateBenchTiming: PageTiming }).__consentGateBenchTiming.overlayPainted !== null, undefined, { timeout: 5_000 }).catch(() => undefined);
  return page.evaluate(() => (window as unknown as { __consentGateBenchTiming: PageTiming }).__consentGateBenchTiming);
}

export interface FlowSamples {
  afterDcl: number[];
  afterButtons: number[];
  missing: number;
}

function record(samples: FlowSamples, timing: PageTiming): void {
  if (timing.overlayPainted === null || timing.domContentLoaded === null) {
    samples.missing += 1;
    return;
  }
  samples.afterDcl.push(timing.overlayPainted - timing.domContentLoaded);
  if (timing.buttonsPainted !== null && timing.buttonsPainted >= 0) samples.afterButtons.push(timing.overlayPainted - timing.buttonsPainted);
}

/** A fixture consent page opened at its authorization URL in a fresh tab. */
export async function fixtureFlow(browser: ExtensionBrowser, url: string, samples: FlowSamples): Promise<void> {
  const page = await browser.context.newPage();
  await page.addInitScript(TIMING_SCRIPT);
  await page.goto(url, { waitUntil: 'load' });
  record(samples, await readTiming(page));
  await page.close();
}

/** The real OpenID provider: the authorization URL, the login page, then the consent page (timed). */
export async function oidcFlow(browser: ExtensionBrowser, authorizationUrl: string, samples: FlowSamples): Promise<void> {
  // Signed out each time: the provider's session cookie would otherwise skip the login page from the second run on.
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await blockRemoteFonts(page);
  await page.addInitScript(TIMING_SCRIPT);
  await page.goto(authorizationUrl, { waitUntil: 'domcontentloaded' });
  // The overlay's panel may cover the sign-in button at this window size, so the form is submitted as Enter would.
  await page.waitForSelector('input[name="login"]');
  await page.fill('input[name="login"]', 'ada.lovelace');
  await page.fill('input[name="password"]', 'correct horse battery staple');
  await page.evaluate(() => document.querySelector('form')?.requestSubmit());
  await page.waitForSelector('input[name="prompt"][value="consent"]', { state: 'attached' });
  record(samples, await readTiming(page));
  await page.close();
}

export interface ColdStartSample {
  /** From the worker's own start to its first verdict (a User Timing mark in the worker). */
  workerToVerdict: number;
  /** From the navigation's start in the page to that verdict. */
  navigationToVerdict: number;
}

/** Stops the worker, opens an authorization URL, and reads when the new worker reached its first verdict. */
export async function coldStart(browser: ExtensionBrowser, url: string): Promise<ColdStartSample | undefined> {
  await stopServiceWorker(browser.context, await browser.worker());
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-consent-gate]', { state: 'attached', timeout: 5_000 }).catch(() => undefined);
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const worker = await browser.worker();
  const seen = await worker.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark)[0];
    return entry === undefined ? undefined : { origin: performance.timeOrigin, at: entry.startTime };
  }, FIRST_VERDICT_MARK);
  await page.close();
  if (seen === undefined) return undefined;
  return { workerToVerdict: seen.at, navigationToVerdict: seen.origin + seen.at - pageOrigin };
}

/** A second Chromium whose tabs run busy loops: the "under load" condition. */
export async function startLoad(): Promise<{ stop(): Promise<void>; describe: string }> {
  const tabs = Number(process.env.BENCH_LOAD_TABS ?? 2);
  const browser: PlaywrightBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  const context = await browser.newContext();
  for (let index = 0; index < tabs; index += 1) {
    const page = await context.newPage();
    await page.setContent(`<script>
      const spin = () => { const until = performance.now() + 45; let x = 0; while (performance.now() < until) x += Math.sqrt(x + 1); setTimeout(spin, 5); };
      spin();
    </script>`);
  }
  return { stop: () => browser.close(), describe: `a second headless Chromium with ${tabs} tabs in busy loops (45 ms of every 50)` };
}

export function printFlowRow(label: string, quiet: FlowSamples, loaded: FlowSamples | undefined, widths: number[], row: (cells: string[], widths: number[]) => string): void {
  console.log(row([`${label}: painted after DOMContentLoaded (target median <= 16)`, cell(quiet.afterDcl), loaded ? cell(loaded.afterDcl) : '-'], widths));
  console.log(row([`${label}: painted after the page's buttons (target p95 <= 0)`, cell(quiet.afterButtons), loaded ? cell(loaded.afterButtons) : '-'], widths));
  const missing = quiet.missing + (loaded?.missing ?? 0);
  if (missing > 0) console.log(`   no overlay within 5 s in ${missing} runs; those are left out above`);
}

export function cells(values: number[]): string {
  return cell(values);
}
