/**
 * What the tests ask of the add-on from one of its own pages (options.html in a tab): Firefox's background is an
 * event page that WebDriver BiDi does not reach, but an extension page has the same APIs and the same sender
 * rights the background checks (an extension page, no tab content).
 */
import type { Page } from 'puppeteer-core';
import type { MessageReplies, PolicyStatus } from '../../../lib/messages/protocol';

/** `browser.storage.managed.get()`: what Firefox made of the enterprise policy for this add-on. */
export async function readManagedStorage(extensionPage: Page): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() => (globalThis as unknown as { browser: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).browser.storage.managed.get());
}

/** `browser.storage.session`: the background's per-tab flow records (`tab:<id>`). */
export async function readSessionStorage(extensionPage: Page): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() =>
    (globalThis as unknown as { browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).browser.storage.session.get(null),
  );
}

export async function getPolicyStatus(extensionPage: Page): Promise<PolicyStatus> {
  const reply = (await extensionPage.evaluate(() =>
    (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
      type: 'page/get-policy-status',
    }),
  )) as MessageReplies['page/get-policy-status'];
  if (!reply.ok) throw new Error(`page/get-policy-status was refused: ${reply.error}`);
  return reply.status;
}

/** Polls the status until `predicate` holds, or fails with the last status. */
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
