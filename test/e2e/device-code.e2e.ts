/**
 * Device-code verification pages under the providers' real host names: the warning appears in the enforcement's
 * style with the one sentence that matters, the host says which provider, and the visit is in the consent log.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { serveHtml } from './support/consent-fixtures';
import { overlay } from './support/consent-gate-overlay';
import { openPage } from './support/consent-screen';
import { readExtensionStore } from './support/extension-database';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/device-code-pages');
const SENTENCE = 'Only enter a code that you asked for yourself, on a device you own';
const ORGANIZATION = { name: 'Acme Corp', supportContact: 'security@acme.example' };

type Provider = 'microsoft' | 'google' | 'github';
const PAGES: { url: string; provider: Provider; host: string }[] = [
  { url: 'https://login.microsoftonline.com/common/oauth2/deviceauth', provider: 'microsoft', host: 'login.microsoftonline.com' },
  { url: 'https://www.microsoft.com/devicelogin', provider: 'microsoft', host: 'www.microsoft.com' },
  { url: 'https://www.google.com/device', provider: 'google', host: 'www.google.com' },
  { url: 'https://github.com/login/device', provider: 'github', host: 'github.com' },
];

interface LoggedDeviceEvent {
  provider: string;
  host: string;
  action: string;
  enforcement: string;
  rules: string[];
}

/** The host by its attribute, not its tag: the tag is the overlay host's business. */
async function hostAttributes(page: Page): Promise<Record<string, string> | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-consent-gate]');
    return host ? Object.fromEntries(host.getAttributeNames().filter((name) => name.startsWith('data-')).map((name) => [name, host.getAttribute(name) ?? ''])) : null;
  });
}

async function waitForEvents(browser: ExtensionBrowser, count: number): Promise<LoggedDeviceEvent[]> {
  const deadline = Date.now() + 5_000;
  let events: LoggedDeviceEvent[] = [];
  while (Date.now() < deadline) {
    events = (await readExtensionStore<LoggedDeviceEvent>(await browser.worker(), 'events')).filter((event) => event.rules.includes('device-code-page'));
    if (events.length >= count) return events;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Expected ${count} device-code events within 5 s; logged: ${JSON.stringify(events)}`);
}

describe('device-code verification pages', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser();
    for (const { url, provider } of PAGES) {
      await serveHtml(browser.context, `${url}*`, readFileSync(resolve(FIXTURES, `${provider}.html`), 'utf8'));
    }
    await serveHtml(browser.context, 'https://github.com/login', '<!doctype html><title>Sign in to GitHub</title><h1>Sign in</h1>');
    await serveHtml(browser.context, 'https://www.google.com/search*', '<!doctype html><title>device - Google Search</title><h1>Results</h1>');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES.map((page) => [page.url, page] as const))('%s: warns with the sentence and logs the visit', async (_url, { url, provider, host }) => {
    await setPolicy(await browser.worker(), { enforcement: 'warn', organization: ORGANIZATION });
    const before = (await readExtensionStore<LoggedDeviceEvent>(await browser.worker(), 'events')).length;
    const { page, dialogs } = await openPage(browser);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-consent-gate][data-state="ready"]', { state: 'attached', timeout: 10_000 });
    await screenshot(page, `device-code-${provider}-${host}`);

    expect(await hostAttributes(page)).toMatchObject({ 'data-provider': provider, 'data-enforcement': 'warn', 'data-display': 'panel' });
    const ui = overlay(page);
    expect(await ui.visible('device-code-rule')).toBe(true);
    expect(await ui.textOf('device-code-rule')).toContain(SENTENCE);
    const text = await ui.text();
    expect(text).toContain('How device-code phishing works');
    expect(text).toContain('Attackers start such a sign-in themselves');
    expect(text).toContain(ORGANIZATION.supportContact);
    expect(await ui.visible('asked-for-it')).toBe(true);
    expect(dialogs).toEqual([]);

    const events = await waitForEvents(browser, 1);
    expect(events.length).toBeGreaterThan(0);
    const all = await readExtensionStore<LoggedDeviceEvent>(await browser.worker(), 'events');
    expect(all.length).toBe(before + 1);
    expect(all.at(-1)).toMatchObject({ provider, host, action: 'shown', enforcement: 'warn', rules: ['device-code-page'] });
    await page.close();
  });

  it('"I asked for this code" hides the warning and leaves the page usable', async () => {
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
    const { page } = await openPage(browser);
    await page.goto('https://github.com/login/device', { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-consent-gate][data-display="panel"]', { state: 'attached', timeout: 10_000 });
    await overlay(page).click('asked-for-it');
    await page.waitForSelector('[data-consent-gate][data-display="closed"]', { state: 'attached' });
    await page.fill('input[name="user-code-0"]', 'WDJB');
    expect(await page.inputValue('input[name="user-code-0"]')).toBe('WDJB');
    await page.close();
  });

  it('block mode covers the page and only offers to leave; leaving goes back', async () => {
    await setPolicy(await browser.worker(), { enforcement: 'block' });
    const { page } = await openPage(browser);
    await page.goto('https://github.com/login', { waitUntil: 'domcontentloaded' });
    await page.goto('https://www.google.com/device', { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-consent-gate][data-display="interstitial"]', { state: 'attached', timeout: 10_000 });
    const ui = overlay(page);
    expect(await ui.exists('asked-for-it')).toBe(false);
    expect(await ui.textOf('device-code-rule')).toContain(SENTENCE);
    await screenshot(page, 'device-code-google-block');
    await Promise.all([page.waitForURL('https://github.com/login'), ui.click('leave')]);
    const events = await waitForEvents(browser, 1);
    expect(events.at(-1)).toMatchObject({ provider: 'google', action: 'blocked', enforcement: 'block' });
    await page.close();
  });

  it('monitor mode shows nothing and still logs', async () => {
    await setPolicy(await browser.worker(), { enforcement: 'monitor' });
    const before = (await waitForEvents(browser, 0)).length;
    const { page } = await openPage(browser);
    await page.goto('https://login.microsoftonline.com/common/oauth2/deviceauth', { waitUntil: 'load' });
    const events = await waitForEvents(browser, before + 1);
    expect(events.at(-1)).toMatchObject({ provider: 'microsoft', action: 'logged', enforcement: 'monitor' });
    expect(await hostAttributes(page)).toBeNull();
    await page.close();
  });

  it.each(['https://github.com/login', 'https://www.google.com/search?q=device'])('puts nothing on %s', async (url) => {
    await setPolicy(await browser.worker(), { enforcement: 'warn' });
    const { page } = await openPage(browser);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(await hostAttributes(page)).toBeNull();
    await page.close();
  });
});
