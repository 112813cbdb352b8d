/**
 * Reaches into the overlay's closed shadow root in Firefox. Page scripts cannot see a closed root and puppeteer's
 * selectors cannot either; WebDriver BiDi can: serialising the host with `includeShadowTree: 'all'` names its
 * shadow root, and `script.callFunction` can then run with that root as `this` (WebDriver BiDi, "serialize as a
 * remote value"). Clicks go through the real mouse at the element's box, as in the Chromium suite.
 */
import type { Page } from 'puppeteer-core';
import { HOST_ATTRIBUTES, HOST_SELECTOR, type HostAttributes } from '../../e2e/support/consent-gate-overlay';
import { bidiConnection, browsingContextId } from './firefox-browser';

interface RemoteNode {
  type: 'node';
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}

interface CallResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

async function callFunction(page: Page, functionDeclaration: string, params: object): Promise<CallResult> {
  const { result } = (await bidiConnection(page.browser()).send('script.callFunction', {
    functionDeclaration,
    awaitPromise: true,
    target: { context: browsingContextId(page) },
    ...params,
  })) as { result: CallResult };
  if (result.type === 'exception') throw new Error(`In the page ${page.url()}: ${result.exceptionDetails?.text ?? 'unknown error'}`);
  return result;
}

/** Reads the host's plain DOM attributes, or null when the page has no `[data-consent-gate]` element. */
export async function readHostAttributes(page: Page): Promise<HostAttributes | null> {
  return page.evaluate(
    (selector, names) => {
      const host = document.querySelector(selector);
      if (!host) return null;
      return Object.fromEntries(names.flatMap((name) => (host.hasAttribute(name) ? [[name, host.getAttribute(name) ?? '']] : [])));
    },
    HOST_SELECTOR,
    [...HOST_ATTRIBUTES],
  );
}

/** Waits for the overlay host to report `data-state="ready"` and returns its attributes. */
export async function waitForOverlayReady(page: Page, timeout = 10_000): Promise<HostAttributes> {
  try {
    await page.waitForSelector(`${HOST_SELECTOR}[data-state="ready"]`, { timeout });
  } catch (error) {
    const seen = await readHostAttributes(page).catch(() => null);
    throw new Error(`No ${HOST_SELECTOR}[data-state="ready"] on ${page.url()} within ${timeout} ms; host seen: ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
  const attributes = await readHostAttributes(page);
  if (!attributes) throw new Error(`${HOST_SELECTOR} vanished from ${page.url()} right after it was ready`);
  return attributes;
}

/** The shadow root's BiDi handle, or why there is none. A page can mark its own elements; only ours has a root. */
async function shadowRootId(page: Page): Promise<string> {
  const { result } = await callFunction(page, `() => Array.from(document.querySelectorAll(${JSON.stringify(HOST_SELECTOR)}))`, {
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const hosts = ((result?.value ?? []) as RemoteNode[]).filter((node) => node.type === 'node');
  const root = hosts.map((node) => node.value?.shadowRoot).find((shadow) => shadow?.sharedId !== undefined);
  if (!root?.sharedId) throw new Error(`No ${HOST_SELECTOR} element with a shadow root on ${page.url()} (${hosts.length} marked elements)`);
  return root.sharedId;
}

/** Runs `functionDeclaration` with the overlay's shadow root as `this`; it must return JSON text. */
async function onRoot<T>(page: Page, functionDeclaration: string, ...args: string[]): Promise<T> {
  const { result } = await callFunction(page, functionDeclaration, {
    this: { sharedId: await shadowRootId(page) },
    arguments: args.map((value) => ({ type: 'string', value })),
  });
  if (result?.type !== 'string' || typeof result.value !== 'string') throw new Error(`The overlay call returned ${JSON.stringify(result)}`);
  return JSON.parse(result.value) as T;
}

const BY_TEST_ID = `function (testId) { return this.querySelector('[data-testid="' + CSS.escape(testId) + '"]'); }`;

export interface FirefoxOverlay {
  mounted(): Promise<boolean>;
  exists(testId: string): Promise<boolean>;
  /** Exists, has a box, and is not hidden by CSS (display, visibility, opacity). */
  visible(testId: string): Promise<boolean>;
  click(testId: string): Promise<void>;
  /** The rendered text of the whole overlay (style sheets excluded). */
  text(): Promise<string>;
  textOf(testId: string): Promise<string>;
}

export function overlay(page: Page): FirefoxOverlay {
  const find = `const find = ${BY_TEST_ID};`;
  const handle: FirefoxOverlay = {
    async mounted() {
      return shadowRootId(page).then(
        () => true,
        () => false,
      );
    },
    async exists(testId) {
      return onRoot<boolean>(page, `function (testId) { ${find} return JSON.stringify(find.call(this, testId) !== null); }`, testId);
    },
    async visible(testId) {
      return onRoot<boolean>(
        page,
        `function (testId) {
          ${find}
          const element = find.call(this, testId);
          if (!element) return 'false';
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return 'false';
          for (let el = element; el; el = el.parentElement ?? el.getRootNode().host) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return 'false';
          }
          return 'true';
        }`,
        testId,
      );
    },
    async click(testId) {
      const centre = await onRoot<{ x: number; y: number } | null>(
        page,
        `function (testId) {
          ${find}
          const element = find.call(this, testId);
          if (!element) return 'null';
          element.scrollIntoView({ block: 'center' });
          const box = element.getBoundingClientRect();
          return JSON.stringify({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        }`,
        testId,
      );
      if (!centre) throw new Error(`No [data-testid="${testId}"] in the overlay on ${page.url()}. Overlay text: ${JSON.stringify((await handle.text()).slice(0, 500))}`);
      await page.mouse.click(centre.x, centre.y);
    },
    async text() {
      return onRoot<string>(
        page,
        `function () {
          return JSON.stringify(Array.from(this.children)
            .filter((el) => !['STYLE', 'SCRIPT', 'LINK'].includes(el.tagName))
            .map((el) => el.innerText ?? el.textContent ?? '')
            .join('\\n')
            .trim());
        }`,
      );
    },
    async textOf(testId) {
      const text = await onRoot<string | null>(
        page,
        `function (testId) { ${find} const element = find.call(this, testId); return JSON.stringify(element ? (element.innerText ?? element.textContent ?? '').trim() : null); }`,
        testId,
      );
      if (text === null) throw new Error(`No [data-testid="${testId}"] in the overlay on ${page.url()}`);
      return text;
    },
  };
  return handle;
}
