/**
 * Stops the extension's service worker the way Chromium does when it goes idle: its in-memory state is gone and
 * the next event (an alarm, a message) starts a fresh one. CDP `Target.closeTarget` on the worker's target stops
 * it (`ServiceWorker.stopAllWorkers` from a page session did not reach the extension's worker here). A marker
 * left on the old worker's global tells whether the worker that later runs is a new one.
 */
import type { BrowserContext, Worker } from 'playwright-core';

const MARKER = '__consentGateE2eWorkerMarker';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface StoppedWorker {
  /** True once the worker that answers now is not the one that was stopped. */
  restarted(worker: Worker): Promise<boolean>;
}

/** A worker evaluation sent while Chromium has the worker stopped may never answer: fail with a reason instead. */
export function withinTime<T>(work: Promise<T>, timeout: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeout} ms`)), timeout);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

export async function stopServiceWorker(context: BrowserContext, worker: Worker): Promise<StoppedWorker> {
  const marker = `${Date.now()}-${Math.random()}`;
  await worker.evaluate(([name, value]) => {
    (globalThis as Record<string, unknown>)[name] = value;
  }, [MARKER, marker] as const);
  const workerUrl = worker.url();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const targets = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
    const target = (await targets()).find((info) => info.type === 'service_worker' && info.url === workerUrl);
    if (!target) throw new Error(`No service-worker target for ${workerUrl}`);
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const deadline = Date.now() + 10_000;
    while ((await targets()).some((info) => info.type === 'service_worker' && info.url === workerUrl)) {
      if (Date.now() > deadline) throw new Error(`The service worker ${workerUrl} was still running 10 s after Target.closeTarget`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cdp.detach();
  } finally {
    await page.close();
  }
  return {
    async restarted(current) {
      const seen = await withinTime(
        current.evaluate((name) => (globalThis as Record<string, unknown>)[name], MARKER),
        10_000,
        'Reading the service worker after its restart',
      );
      return seen !== marker;
    },
  };
}
