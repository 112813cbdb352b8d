/**
 * From the overlay to a stored review request: "Start review" opens the questionnaire prefilled from the detection,
 * the draft survives closing its tab, the submitted request shows in the popup, and it is still there after the
 * browser is closed and reopened on the same profile. Accessibility scans and screenshots of all three surfaces.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolations, scanDocument, scanOverlay } from './support/accessibility';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay } from './support/consent-gate-overlay';
import { openConsentScreen } from './support/consent-screen';
import { launchExtensionBrowser, makeProfileDir, type ExtensionBrowser } from './support/extension-browser';
import { setPolicy } from './support/policy';
import { fillQuestionnaire, REVIEW_ANSWERS } from './support/questionnaire';

const google = SCENARIOS.google;
const ORGANIZATION = { name: 'Acme Corp', supportContact: 'security@acme.example' };

async function launch(profile: string): Promise<ExtensionBrowser> {
  const browser = await launchExtensionBrowser({ userDataDir: profile });
  await serveConsentPage(browser.context, 'google');
  await serveAppCallback(browser.context);
  return browser;
}

async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('popup.html'));
  await page.waitForLoadState('load');
  return page;
}

describe('review requests from the overlay to the popup', () => {
  const profile = makeProfileDir();
  let browser: ExtensionBrowser;
  let reviewUrl = '';

  beforeAll(async () => {
    browser = await launch(profile);
    await setPolicy(await browser.worker(), { enforcement: 'warn', organization: ORGANIZATION });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('the overlay passes an axe scan (WCAG 2.x A/AA) inside its closed shadow root', async () => {
    const { page } = await openConsentScreen(browser, 'google');
    await screenshot(page, 'overlay');
    const { violations, passes } = await scanOverlay(page);
    expect(describeViolations(violations)).toEqual([]);
    expect(passes).toBeGreaterThan(0);
    await page.close();
  });

  it('"Start review" opens the questionnaire prefilled from the detection', async () => {
    const { page } = await openConsentScreen(browser, 'google');
    const [review] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/review.html'), timeout: 10_000 }),
      overlay(page).click('start-review'),
    ]);
    await review.waitForLoadState('load');
    reviewUrl = review.url();
    expect(reviewUrl).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/review\\.html\\?id=.+`));
    await review.waitForSelector('[data-testid="submit-review"]');
    const text = await review.textContent('body');
    expect(text).toContain(google.clientId);
    expect(text).toMatch(/Google/);
    expect(text).toMatch(/gmail|mail/i);
    await screenshot(review, 'questionnaire');
    await page.close();
  });

  it('the questionnaire passes an axe scan', async () => {
    const review = browser.context.pages().find((page) => page.url() === reviewUrl);
    if (!review) throw new Error(`The review tab ${reviewUrl} is gone`);
    const { violations } = await scanDocument(review);
    expect(describeViolations(violations)).toEqual([]);
  });

  it('autosaves the draft: an answer survives closing the tab, and the popup lists the draft', async () => {
    const review = browser.context.pages().find((page) => page.url() === reviewUrl);
    if (!review) throw new Error(`The review tab ${reviewUrl} is gone`);
    const useCase = String(REVIEW_ANSWERS.useCase);
    await review.locator('[data-testid="field-useCase"]').locator('xpath=self::input|self::textarea|.//input|.//textarea').first().fill(useCase);
    await review.waitForTimeout(1_500);
    await review.close();

    const reopened = await browser.context.newPage();
    await reopened.goto(reviewUrl);
    await reopened.waitForSelector('[data-testid="submit-review"]');
    await expect
      .poll(() => reopened.locator('[data-testid="field-useCase"]').locator('xpath=self::input|self::textarea|.//input|.//textarea').first().inputValue())
      .toBe(useCase);

    const popup = await openPopup(browser);
    await expect.poll(() => popup.textContent('body')).toMatch(/Draft/);
    await popup.close();
  });

  it('submits the filled questionnaire, and the popup shows the submitted request', async () => {
    const review = browser.context.pages().find((page) => page.url() === reviewUrl);
    if (!review) throw new Error(`The review tab ${reviewUrl} is gone`);
    const answered = await fillQuestionnaire(review);
    expect(answered).toEqual(expect.arrayContaining(['useCase', 'owner', 'backupOwner', 'dataDeletion', 'cutOff']));
    await review.click('[data-testid="submit-review"]');
    await expect.poll(() => review.textContent('body'), { timeout: 10_000 }).toMatch(/Submitted/);
    await screenshot(review, 'questionnaire-submitted');

    const popup = await openPopup(browser);
    await expect.poll(() => popup.textContent('body'), { timeout: 10_000 }).toMatch(/Submitted/);
    const text = await popup.textContent('body');
    expect(text).toMatch(/Example CRM|407408718192/);
    await screenshot(popup, 'popup');
    const { violations } = await scanDocument(popup);
    expect(describeViolations(violations)).toEqual([]);
    await popup.close();
  });

  it('keeps the request after the browser is closed and reopened on the same profile', async () => {
    await browser.close();
    browser = await launch(profile);
    const popup = await openPopup(browser);
    await expect.poll(() => popup.textContent('body'), { timeout: 10_000 }).toMatch(/Submitted/);
    expect(await popup.textContent('body')).toMatch(/Example CRM|407408718192/);
    await screenshot(popup, 'popup-after-restart');
    await popup.close();
  });
});
