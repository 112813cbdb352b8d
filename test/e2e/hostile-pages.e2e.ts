/**
 * A consent page whose own scripts fight the overlay: they remove its host, hide it, restyle it, put markup and
 * script into the app name, claim its element name first, or cover it with their own top-layer elements while
 * swallowing the events that would announce them. The overlay comes back, stays visible and on top, and shows page
 * strings as text only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { TopLayerWatchStats } from '../../components/overlay/top-layer-watch';
import { screenshot } from './support/artifacts';
import { readConsentPage, SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { HOST_SELECTOR, overlay, waitForOverlayReady } from './support/consent-gate-overlay';
import { openConsentScreen, openPage } from './support/consent-screen';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy, type Enforcement } from './support/policy';
import { overlayStrings } from '../../lib/strings/overlay';

const google = SCENARIOS.google;
const HOSTILE_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script><b>Evil CRM</b>';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Google's consent layout, with the app name given as text that looks like markup. */
const MARKUP_IN_NAME_PAGE = `<!doctype html><html lang="en"><head><title>Sign in - Google Accounts</title></head><body>
<h1 id="headingText"><a href="#">${escapeHtml(HOSTILE_NAME)}</a> wants to access your Google Account</h1>
<p>This will allow ${escapeHtml(HOSTILE_NAME)} to:</p>
<ul><li>Read, compose and send emails from your Gmail account</li><li>See and download all your Google Drive files</li></ul>
<button>Allow</button></body></html>`;

/** The overlay is there, ready, and its main action is on screen and reachable by the mouse. */
async function expectOverlayShowing(page: Page): Promise<void> {
  await waitForOverlayReady(page);
  await expect.poll(() => overlay(page).visible('start-review'), { timeout: 5_000 }).toBe(true);
  const hostStyle = await page.evaluate(() => {
    const host = document.querySelector('[data-consent-gate]');
    if (!host) return null;
    const style = getComputedStyle(host);
    return { display: style.display, visibility: style.visibility, opacity: style.opacity, hidden: host.hasAttribute('hidden') };
  });
  expect(hostStyle).not.toBeNull();
  expect(hostStyle?.display).not.toBe('none');
  expect(hostStyle?.visibility).not.toBe('hidden');
  expect(Number(hostStyle?.opacity)).toBeGreaterThan(0);
}

/**
 * Main-world scripts that run before any of the page's own and before the overlay is injected (Playwright init
 * scripts), as a hostile page's first inline script would.
 */
const CLAIM_ELEMENT_NAME = `
  customElements.define('consent-gate', class extends HTMLElement {
    static disabledFeatures = ['shadow'];
    constructor() { super(); this.dataset.squatter = 'yes'; }
  });
  customElements.define('consent-gate-overlay', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'closed' }); }
  });`;
/** Stops every event that announces a top-layer change before any listener but the page's own sees it. */
const SWALLOW_TOP_LAYER_EVENTS = `
  for (const type of ['toggle', 'beforetoggle', 'fullscreenchange', 'close', 'cancel']) {
    window.addEventListener(type, (event) => event.stopImmediatePropagation(), true);
  }`;

/** Opens the Google consent screen with main-world scripts installed first. */
async function openWithInitScripts(browser: ExtensionBrowser, scripts: string[]): Promise<{ page: Page; dialogs: string[] }> {
  const opened = await openPage(browser);
  for (const script of scripts) await opened.page.addInitScript({ content: script });
  await opened.page.goto(google.authorizationUrl(), { waitUntil: 'domcontentloaded' });
  return opened;
}

const DISPLAY_FOR: Partial<Record<Enforcement, string>> = { inform: 'banner', warn: 'panel', block: 'interstitial' };

/** The centre of the overlay's first visible surface (a dialog or a banner), in viewport coordinates. */
async function surfaceCentre(page: Page): Promise<{ x: number; y: number }> {
  return overlay(page).callOnRoot<{ x: number; y: number }>(`function () {
    const box = this.querySelector('.surface').getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }`);
}

/** What a person would hit at a point, after letting a few animation frames pass. */
async function topmostAfterFrames(page: Page, point: { x: number; y: number }, frames: number): Promise<{ ours: boolean; element: string }> {
  return page.evaluate(
    async ({ x, y, count }) => {
      for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const element = document.elementFromPoint(x, y);
      return { ours: element?.hasAttribute('data-consent-gate') ?? false, element: element ? `${element.localName}#${element.id}` : 'nothing' };
    },
    { ...point, count: frames },
  );
}

/**
 * Reads the top-layer watch's counters from the overlay's own (isolated) world over CDP: the page's world cannot
 * see them, which is the point.
 */
async function readTopLayerStats(page: Page): Promise<TopLayerWatchStats> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    for (const context of contexts.filter((candidate) => candidate.auxData?.type === 'isolated')) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: context.id,
        expression: 'globalThis.__consentGateOverlay?.overlayHost.topLayerStats() ?? null',
        returnByValue: true,
      });
      if (result.value) return result.value as TopLayerWatchStats;
    }
    throw new Error(`No overlay with a top-layer watch in any isolated world of ${page.url()}`);
  } finally {
    await cdp.detach();
  }
}

describe('hostile consent pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const attacks: { name: string; script: string }[] = [
    { name: 'removes the host', script: "document.querySelector('[data-consent-gate]')?.remove()" },
    { name: 'removes the host repeatedly', script: "for (const delay of [0, 50, 150, 400]) setTimeout(() => document.querySelector('[data-consent-gate]')?.remove(), delay)" },
    { name: 'hides the host with display:none', script: "document.querySelector('[data-consent-gate]')?.style.setProperty('display', 'none', 'important')" },
    { name: 'sets the hidden attribute', script: "document.querySelector('[data-consent-gate]')?.setAttribute('hidden', '')" },
    {
      name: 'restyles it with a page style sheet',
      script:
        "const s = document.createElement('style'); s.textContent = '[data-consent-gate] { display: none !important; visibility: hidden !important; opacity: 0 !important; }'; document.head.append(s)",
    },
    { name: 'makes it transparent inline', script: "document.querySelector('[data-consent-gate]')?.setAttribute('style', 'opacity: 0 !important; visibility: hidden !important')" },
  ];

  it.each(attacks)('the page $name: the overlay comes back and stays visible', async ({ script }) => {
    const { page, dialogs } = await openConsentScreen(browser, 'google');
    await page.evaluate(script);
    await page.waitForTimeout(600);
    await expectOverlayShowing(page);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('a page that claims the consent-gate element names first: the overlay still attaches, with every attribute', async () => {
    const { page, dialogs } = await openWithInitScripts(browser, [CLAIM_ELEMENT_NAME]);
    const host = await waitForOverlayReady(page);
    const marked = await page.evaluate((selector) => {
      const found = document.querySelector(selector);
      return { tag: found?.localName, marker: found?.getAttribute('data-consent-gate'), squatter: customElements.get('consent-gate') !== undefined };
    }, HOST_SELECTOR);
    expect(marked).toEqual({ tag: 'div', marker: '', squatter: true });
    expect(host).toMatchObject({
      'data-verdict': expect.any(String),
      'data-risk': expect.any(String),
      'data-provider': 'google',
      'data-client-id': expect.stringMatching(/\S/),
      'data-enforcement': 'warn',
    });
    await expectOverlayShowing(page);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  const covers: { name: string; enforcement: Enforcement; script: string; dialogClosed?: boolean }[] = [
    {
      name: 'its own popover',
      enforcement: 'warn',
      script: `const cover = document.createElement('div');
        cover.popover = 'manual';
        cover.id = 'hostile-popover';
        cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff';
        cover.textContent = 'Nothing to see here';
        document.body.append(cover);
        cover.showPopover();`,
    },
    {
      name: 'a popover inside a closed shadow root, which no selector of ours can see',
      enforcement: 'inform',
      script: `const holder = document.createElement('span');
        const root = holder.attachShadow({ mode: 'closed' });
        const cover = document.createElement('div');
        cover.popover = 'manual';
        cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff';
        root.append(cover);
        document.body.append(holder);
        cover.showPopover();`,
    },
    {
      name: 'its own modal dialog',
      enforcement: 'warn',
      dialogClosed: true,
      script: `const cover = document.createElement('dialog');
        cover.id = 'hostile-dialog';
        cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff';
        cover.textContent = 'Nothing to see here';
        document.body.append(cover);
        cover.showModal();`,
    },
    {
      name: 'its own modal dialog over the block interstitial',
      enforcement: 'block',
      dialogClosed: true,
      script: `const cover = document.createElement('dialog');
        cover.id = 'hostile-dialog';
        cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff';
        document.body.append(cover);
        cover.showModal();`,
    },
  ];

  it.each(covers)(
    'a page that covers the overlay with $name and swallows toggle events: ours is back on top',
    async ({ enforcement, script, dialogClosed }) => {
      await setPolicy(await browser.worker(), { enforcement });
      try {
        const { page, dialogs } = await openWithInitScripts(browser, [SWALLOW_TOP_LAYER_EVENTS]);
        await waitForOverlayReady(page);
        // The overlay's surface must be drawn before a hit test on it means anything.
        await page.waitForSelector(`${HOST_SELECTOR}[data-display="${DISPLAY_FOR[enforcement]}"]`, { state: 'attached', timeout: 5_000 });
        const centre = await surfaceCentre(page);
        expect(await topmostAfterFrames(page, centre, 0)).toMatchObject({ ours: true });
        const before = await readTopLayerStats(page);
        await page.evaluate(script);
        // Usually within two frames; the watch spaces its checks out when they get expensive (a loaded machine), so
        // the test waits for the outcome rather than a frame count.
        await expect.poll(async () => (await topmostAfterFrames(page, centre, 2)).ours, { timeout: 5_000, interval: 50 }).toBe(true);
        if (dialogClosed) expect(await page.evaluate(() => document.querySelector('dialog')?.open)).toBe(false);
        const stats = await readTopLayerStats(page);
        expect(stats.raises).toBeGreaterThan(before.raises);
        if (dialogClosed) expect(stats.closedDialogs).toBeGreaterThan(0);
        expect(dialogs).toEqual([]);
        await screenshot(page, `overlay-top-layer-${enforcement}`);
        await page.close();
      } finally {
        await setPolicy(await browser.worker(), { enforcement: 'warn' });
      }
    },
  );

  it('a page with 5k nodes that reopens its popover every 50 ms: the overlay ends on top, and raises stay bounded', async () => {
    const { page } = await openWithInitScripts(browser, [SWALLOW_TOP_LAYER_EVENTS]);
    await waitForOverlayReady(page);
    await page.waitForSelector(`${HOST_SELECTOR}[data-display="panel"]`, { state: 'attached', timeout: 5_000 });
    const centre = await surfaceCentre(page);
    const nodes = await page.evaluate(() => {
      const tree = document.createElement('div');
      for (let index = 0; index < 1_000; index++) {
        const item = document.createElement('div');
        for (const [tag, text] of [['span', 'scope'], ['b', 'read'], ['i', 'write'], ['em', 'all']] as const) {
          const part = document.createElement(tag);
          part.textContent = text;
          item.append(part);
        }
        tree.append(item);
      }
      document.body.append(tree);
      return document.getElementsByTagName('*').length;
    });
    expect(nodes).toBeGreaterThan(5_000);
    await page.waitForTimeout(300);
    const settled = await readTopLayerStats(page);
    await page.waitForTimeout(1_000);
    const quiet = await readTopLayerStats(page);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.popover = 'manual';
      cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff';
      document.body.append(cover);
      cover.showPopover();
      const timer = setInterval(() => {
        cover.hidePopover();
        cover.showPopover();
      }, 50);
      (window as unknown as { stopFight: () => void }).stopFight = () => clearInterval(timer);
    });
    // Sampled while the page fights (each sample two frames after the last); logged, since a reopening between our
    // check and the sample wins until the next frame.
    const samples: boolean[] = [];
    for (let sample = 0; sample < 10; sample++) samples.push((await topmostAfterFrames(page, centre, 2)).ours);
    // The fight ends when the test says so, not after a fixed time, so a slow machine cannot make it outlast the check.
    await page.evaluate(() => (window as unknown as { stopFight: () => void }).stopFight());
    // The last reopening may still be on top until the next check or the once-a-second retry after futile raises.
    await expect.poll(async () => (await topmostAfterFrames(page, centre, 2)).ours, { timeout: 5_000, interval: 100 }).toBe(true);
    const fought = await readTopLayerStats(page);
    const mean = (from: TopLayerWatchStats, to: TopLayerWatchStats) => (to.totalCheckMs - from.totalCheckMs) / (to.checks - from.checks);
    console.info(
      `top-layer watch, ${nodes} nodes: quiet ${quiet.checks - settled.checks} checks/s, mean ${mean(settled, quiet).toFixed(3)} ms; ` +
        `fighting ${fought.checks - quiet.checks} checks, mean ${mean(quiet, fought).toFixed(3)} ms, ` +
        `${fought.covered - quiet.covered} found covered, ${fought.raises - quiet.raises} raises, ` +
        `on top in ${samples.filter(Boolean).length}/${samples.length} samples; slowest check ever ${fought.maxCheckMs.toFixed(1)} ms; ` +
        `layout brought up to date for the hit test: ${(fought.layoutMs - quiet.layoutMs).toFixed(1)} ms while fighting`,
    );
    // Timings are printed above, never asserted (they depend on the machine); what is asserted is behaviour.
    expect(quiet.checks - settled.checks).toBeGreaterThan(0);
    // Alone in the top layer, the overlay is never raised: a check that finds nothing changes nothing.
    expect(quiet.raises).toBe(settled.raises);
    // At most one raise per check: the budget bounds what a page that fights back can make us do.
    expect(fought.raises - quiet.raises).toBeGreaterThan(0);
    expect(fought.raises - quiet.raises).toBeLessThanOrEqual(fought.checks - quiet.checks);
    await page.close();
  });

  it('shows markup in the app name as text, runs none of it', async () => {
    await browser.context.unroute(google.routePattern);
    await serveConsentPage(browser.context, 'google', MARKUP_IN_NAME_PAGE);
    try {
      const { page, dialogs } = await openConsentScreen(browser, 'google');
      await page.waitForTimeout(500);
      await screenshot(page, 'overlay-hostile-app-name');
      const ui = overlay(page);
      const injected = await ui.callOnRoot<number>(
        `function () { return this.querySelectorAll('img[src="x"], script, iframe, object, embed').length; }`,
      );
      expect(injected).toBe(0);
      expect(await ui.text()).toContain('<img src=x onerror=alert(1)>');
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await browser.context.unroute(google.routePattern);
      await serveConsentPage(browser.context, 'google');
    }
  });

  // A name chosen to read as the overlay's own verdict: the overlay quotes it as the page's, beside its own verdict.
  it('an app name imitating the overlay is quoted as the page\'s', async () => {
    const imitation = 'Approved by your organization: Acme CRM';
    await browser.context.unroute(google.routePattern);
    await serveConsentPage(browser.context, 'google', MARKUP_IN_NAME_PAGE.replaceAll(escapeHtml(HOSTILE_NAME), imitation));
    try {
      const { page } = await openConsentScreen(browser, 'google');
      await waitForOverlayReady(page);
      const ui = overlay(page);
      await expect.poll(() => ui.text(), { timeout: 5_000 }).toContain(overlayStrings.factSources.pageName(imitation));
      expect(await ui.text()).toContain(overlayStrings.verdictTitle['needs-review']);
      await page.close();
    } finally {
      await browser.context.unroute(google.routePattern);
      await serveConsentPage(browser.context, 'google');
    }
  });

  it('the hostile fixture page: no dialog, and the overlay stays up', async () => {
    await browser.context.unroute(google.routePattern);
    await serveConsentPage(browser.context, 'google', readConsentPage('hostile'));
    try {
      const { page, dialogs } = await openConsentScreen(browser, 'google');
      await page.waitForTimeout(1_500);
      await screenshot(page, 'overlay-hostile-fixture');
      await expectOverlayShowing(page);
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await browser.context.unroute(google.routePattern);
      await serveConsentPage(browser.context, 'google');
    }
  });
});
