/**
 * Asks the background what an admin asks the options page: the policy in force, where each part came from and
 * each source's error (`page/get-policy-status`), and "check the remote config now" (`page/refresh-remote-config`).
 * The messages are sent from a real extension page (options.html), the only sender the background accepts for them.
 */
import type { Page } from 'playwright-core';
import type { MessageReplies, PolicyStatus } from '../../../lib/messages/protocol';
import type { ExtensionBrowser } from './extension-browser';
import type { ExtensionGlobals } from './extension-globals';

export async function openOptionsPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await page.waitForLoadState('load');
  return page;
}

export async function getPolicyStatus(extensionPage: Page): Promise<PolicyStatus> {
  const reply = (await extensionPage.evaluate(() =>
    (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ type: 'page/get-policy-status' }),
  )) as MessageReplies['page/get-policy-status'];
  if (!reply.ok) throw new Error(`page/get-policy-status was refused: ${reply.error}`);
  return reply.status;
}

export async function refreshRemoteConfig(extensionPage: Page): Promise<MessageReplies['page/refresh-remote-config']> {
  return (await extensionPage.evaluate(() =>
    (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ type: 'page/refresh-remote-config' }),
  )) as MessageReplies['page/refresh-remote-config'];
}

/** Polls the status until `predicate` holds (the first managed read after start takes seconds), or fails with it. */
export async function waitForPolicyStatus(
  extensionPage: Page,
  predicate: (status: PolicyStatus) => boolean,
  timeout: number,
  what: string,
): Promise<PolicyStatus> {
  const deadline = Date.now() + timeout;
  let status: PolicyStatus | undefined;
  while (Date.now() < deadline) {
    status = await getPolicyStatus(extensionPage);
    if (predicate(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const summary = status && { origins: status.origins, sources: status.sources };
  throw new Error(`The policy status did not show ${what} within ${timeout} ms; last status: ${JSON.stringify(summary)}`);
}

/** The text of every `role=alert` on the options page, after it has loaded the status. */
export async function optionsAlerts(optionsPage: Page): Promise<string[]> {
  await optionsPage.reload();
  await optionsPage.waitForSelector('[data-testid="status-section"] table, [data-testid="status-error"]', { timeout: 10_000 });
  return optionsPage.getByRole('alert').allInnerTexts();
}
