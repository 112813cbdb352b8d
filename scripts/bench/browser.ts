/**
 * `npm run bench:browser`: what Consent Gate costs in a real Chromium, side by side with the same browser without
 * the extension. Reports only; never fails on timing.
 *  (a) Main-thread script time (CDP Performance.getMetrics `ScriptDuration`, which counts content scripts on the
 *      page's main thread) for a page load on a consent host outside any authorization flow, and on an ordinary page.
 *  (b) On consent pages inside a flow (fixtures and the real OpenID provider): when the overlay is painted, against
 *      DOMContentLoaded and against the page's own buttons; (c) a stopped worker's time to its first verdict. Both
 *      quiet and under load (scripts/bench/browser-flow-timing.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConsentPage, SCENARIOS, serveHtml } from '../../test/e2e/support/consent-fixtures';
import { EXTENSION_DIR, launchExtensionBrowser, type ExtensionBrowser } from '../../test/e2e/support/extension-browser';
import { setPolicy } from '../../test/e2e/support/policy';
import { startIdentityProvider, type IdentityProvider } from '../../test/fixtures/idp/identity-provider';
import { cells, coldStart, fixtureFlow, oidcFlow, printFlowRow, startLoad, type ColdStartSample, type FlowSamples } from './browser-flow-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const LOGIN_PAGE = `<!doctype html><html lang="en"><head><title>Sign in</title></head><body>
<form><h1>Sign in</h1><label>Email <input type="email" name="identifier"></label><button>Next</button></form></body></html>`;

const PAGES_OUTSIDE_A_FLOW = [
  { label: 'accounts.google.com/ServiceLogin (consent host, no flow)', url: 'https://accounts.google.com/ServiceLogin?service=mail' },
  { label: 'login.microsoftonline.com login page (consent host, no flow)', url: 'https://login.microsoftonline.com/common/login' },
  { label: 'www.example-news.test (ordinary page)', url: 'https://www.example-news.test/' },
];

interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

async function scriptMilliseconds(browser: ExtensionBrowser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // The content script's hello is answered asynchronously; give its reply a moment to land on the main thread.
  await page.waitForTimeout(150);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  await page.close();
  const duration = metrics.find((metric) => metric.name === 'ScriptDuration');
  if (!duration) throw new Error('Chromium reported no ScriptDuration metric');
  return duration.value * 1000;
}

function row(texts: string[], widths: number[]): string {
  return texts.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
}

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}

async function main(): Promise<void> {
  const idp = await startIdentityProvider();
  const withExtension = await launchExtensionBrowser({ hostMap: { hosts: idp.hosts, port: idp.port } });
  const without = await launchExtensionBrowser({ withExtension: false });
  const browsers = [
    { name: 'with Consent Gate', browser: withExtension },
    { name: 'without extension', browser: without },
  ];
  try {
    await setPolicy(await withExtension.worker(), { enforcement: 'warn' });
    for (const { browser } of browsers) {
      await serveHtml(browser.context, 'https://accounts.google.com/ServiceLogin**', LOGIN_PAGE);
      await serveHtml(browser.context, 'https://login.microsoftonline.com/common/login**', LOGIN_PAGE);
      await serveHtml(browser.context, 'https://www.example-news.test/**', '<!doctype html><title>News</title><p>Nothing to see.</p>');
      await serveHtml(browser.context, 'https://accounts.google.com/o/oauth2/**', readConsentPage('google'));
      await serveHtml(browser.context, 'https://login.microsoftonline.com/common/oauth2/**', readConsentPage('microsoft'));
    }

    console.log(`Consent Gate browser benchmark: Chromium, ${RUNS} runs per cell, times in ms\n`);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    const alwaysInjected = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []))];
    const bytes = alwaysInjected.reduce((sum, file) => sum + statSync(join(EXTENSION_DIR, file)).size, 0);
    console.log(`Content scripts the manifest declares (${alwaysInjected.join(', ')}; device-code pages only): ${bytes} bytes (budget 40 kB)\n`);

    console.log('(a) Main-thread script time per page load (CDP ScriptDuration)');
    const widths = [62, 22, 22];
    console.log(row(['page', 'with: median / p95', 'without: median / p95'], widths));
    for (const target of PAGES_OUTSIDE_A_FLOW) {
      const cells = [target.label];
      for (const { browser } of browsers) {
        await scriptMilliseconds(browser, target.url); // warm-up: first load compiles and caches
        const samples: number[] = [];
        for (let run = 0; run < RUNS; run += 1) samples.push(await scriptMilliseconds(browser, target.url));
        const { median, p95 } = stats(samples);
        cells.push(`${fmt(median)} / ${fmt(p95)}`);
      }
      console.log(row(cells, widths));
    }

    await flowCells(withExtension, idp);
  } finally {
    await withExtension.close();
    await without.close();
    await idp.close();
  }
}

/**
 * (b) the overlay on consent pages of a flow, (c) a cold start to the first verdict: each quiet, then under load.
 * Every run is a fresh tab; the cold start stops the service worker first.
 */
async function flowCells(browser: ExtensionBrowser, idp: IdentityProvider): Promise<void> {
  const fixtures = [
    { label: 'Google fixture', url: SCENARIOS.google.authorizationUrl() },
    { label: 'Microsoft fixture', url: SCENARIOS.microsoft.authorizationUrl() },
  ];
  const empty = (): FlowSamples => ({ afterDcl: [], afterButtons: [], missing: 0 });
  const measure = async () => {
    const results: { label: string; samples: FlowSamples }[] = [];
    for (const fixture of fixtures) {
      const samples = empty();
      await fixtureFlow(browser, fixture.url, empty()); // warm-up
      for (let run = 0; run < RUNS; run += 1) await fixtureFlow(browser, fixture.url, samples);
      results.push({ label: fixture.label, samples });
    }
    const oidc = empty();
    await oidcFlow(browser, idp.authorizationUrl(), empty());
    for (let run = 0; run < RUNS; run += 1) await oidcFlow(browser, idp.authorizationUrl(), oidc);
    results.push({ label: 'OpenID provider consent', samples: oidc });
    const cold: ColdStartSample[] = [];
    let noVerdict = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const sample = await coldStart(browser, SCENARIOS.google.authorizationUrl());
      if (sample === undefined) noVerdict += 1;
      else cold.push(sample);
    }
    return { results, cold, noVerdict };
  };

  const quiet = await measure();
  const load = await startLoad();
  let loaded: Awaited<ReturnType<typeof measure>>;
  try {
    loaded = await measure();
  } finally {
    await load.stop();
  }

  const widths = [78, 24, 24];
  console.log(`\n(b) The overlay on a consent page in a flow: ms, median / p95 (under load: ${load.describe})`);
  console.log(row(['measure', 'quiet', 'under load'], widths));
  for (const [index, { label, samples }] of quiet.results.entries()) printFlowRow(label, samples, loaded.results[index]?.samples, widths, row);

  console.log('\n(c) Service-worker cold start to the first verdict (worker stopped, then a navigation): ms, median / p95');
  console.log(row(['measure', 'quiet', 'under load'], widths));
  console.log(row(['worker start to first verdict (target median <= 30)', cells(quiet.cold.map((s) => s.workerToVerdict)), cells(loaded.cold.map((s) => s.workerToVerdict))], widths));
  console.log(row(['navigation start to first verdict', cells(quiet.cold.map((s) => s.navigationToVerdict)), cells(loaded.cold.map((s) => s.navigationToVerdict))], widths));
  const noVerdict = quiet.noVerdict + loaded.noVerdict;
  if (noVerdict > 0) console.log(`   no verdict mark after ${noVerdict} cold starts; those are left out above`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
