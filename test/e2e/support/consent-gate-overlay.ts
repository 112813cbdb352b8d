/**
 * Reaches into the overlay's closed shadow root. Closed roots are invisible to Playwright locators and to page
 * scripts; CDP's `DOM.getDocument({ depth: -1, pierce: true })` sees them. Clicks go through the real mouse at the
 * element's box, so a page that covers the overlay would make the click miss, as it would for a person.
 */
import type { CDPSession, Page } from 'playwright-core';

/**
 * The host is a plain element marked with this attribute (a built-in tag, so no page-defined custom element can take
 * its place); tests find it by the attribute, never by its tag.
 */
export const HOST_MARKER = 'data-consent-gate';
export const HOST_SELECTOR = `[${HOST_MARKER}]`;
export const HOST_ATTRIBUTES = ['data-verdict', 'data-risk', 'data-provider', 'data-client-id', 'data-enforcement', 'data-state'] as const;
export type HostAttributes = Partial<Record<(typeof HOST_ATTRIBUTES)[number], string>>;

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  /** Flat name, value, name, value... as CDP reports them. */
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionFor(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function isHost(node: CdpNode): boolean {
  const attributes = node.attributes ?? [];
  for (let index = 0; index < attributes.length; index += 2) if (attributes[index] === HOST_MARKER) return true;
  return false;
}

function findHost(node: CdpNode): CdpNode | undefined {
  // A page can mark its own elements too; only ours carries a (closed) shadow root.
  if (isHost(node) && (node.shadowRoots?.length ?? 0) > 0) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/** Reads the host's plain DOM attributes, or null when the page has no `[data-consent-gate]` element. */
export async function readHostAttributes(page: Page): Promise<HostAttributes | null> {
  return page.evaluate(
    ({ selector, names }) => {
      const host = document.querySelector(selector);
      if (!host) return null;
      return Object.fromEntries(names.flatMap((name) => (host.hasAttribute(name) ? [[name, host.getAttribute(name) ?? '']] : [])));
    },
    { selector: HOST_SELECTOR, names: [...HOST_ATTRIBUTES] },
  );
}

/** Waits for the overlay host to report `data-state="ready"` and returns its attributes. */
export async function waitForOverlayReady(page: Page, timeout = 10_000): Promise<HostAttributes> {
  try {
    await page.waitForSelector(`${HOST_SELECTOR}[data-state="ready"]`, { state: 'attached', timeout });
  } catch (error) {
    const seen = await readHostAttributes(page).catch(() => null);
    throw new Error(
      `No ${HOST_SELECTOR}[data-state="ready"] on ${page.url()} within ${timeout} ms; host seen: ${JSON.stringify(seen)}`,
      { cause: error },
    );
  }
  const attributes = await readHostAttributes(page);
  if (!attributes) throw new Error(`${HOST_SELECTOR} vanished from ${page.url()} right after it was ready`);
  return attributes;
}

export interface OverlayHandle {
  /** True when the page has a host with a shadow root that CDP can see. */
  mounted(): Promise<boolean>;
  exists(testId: string): Promise<boolean>;
  /** Exists, has a box, and is not hidden by CSS (display, visibility, opacity). */
  visible(testId: string): Promise<boolean>;
  click(testId: string): Promise<void>;
  /** Focuses a field in the shadow root by clicking it, then types like a person. */
  type(testId: string, text: string): Promise<void>;
  /** The rendered text of the whole overlay (style sheets excluded). */
  text(): Promise<string>;
  /** The rendered text of one element. */
  textOf(testId: string): Promise<string>;
  attribute(testId: string, name: string): Promise<string | null>;
  /** Runs a function with the shadow root as `this` in the page's main world (used for axe and DOM checks). */
  callOnRoot<T>(functionDeclaration: string, ...args: unknown[]): Promise<T>;
}

const STALE_NODE = /No node with given id|Could not find node with given id|does not belong to the document|Cannot find context with specified id/;

export function overlay(page: Page): OverlayHandle {
  async function locateShadowRoot(): Promise<{ cdp: CDPSession; rootId: number } | { missing: string }> {
    const cdp = await sessionFor(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    if (!host) return { missing: `No ${HOST_SELECTOR} element with a shadow root on ${page.url()}` };
    const shadow = host.shadowRoots?.[0];
    if (!shadow) return { missing: `${HOST_SELECTOR} on ${page.url()} has no shadow root` };
    return { cdp, rootId: shadow.nodeId };
  }

  async function shadowRoot(): Promise<{ cdp: CDPSession; rootId: number }> {
    const located = await locateShadowRoot();
    if ('missing' in located) throw new Error(located.missing);
    return located;
  }

  async function query(testId: string): Promise<{ cdp: CDPSession; nodeId: number } | null> {
    const { cdp, rootId } = await shadowRoot();
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: rootId, selector: `[data-testid="${testId}"]` })) as {
      nodeId: number;
    };
    return nodeId === 0 ? null : { cdp, nodeId };
  }

  async function require(testId: string): Promise<{ cdp: CDPSession; nodeId: number }> {
    const found = await query(testId);
    if (!found) {
      const text = await handle.text().catch((error: unknown) => `(unreadable: ${String(error)})`);
      throw new Error(`No [data-testid="${testId}"] in the overlay on ${page.url()}. Overlay text: ${JSON.stringify(text.slice(0, 500))}`);
    }
    return found;
  }

  async function callOn<T>(cdp: CDPSession, nodeId: number, functionDeclaration: string, args: unknown[]): Promise<T> {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    try {
      const result = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (result.exceptionDetails) {
        throw new Error(`In the overlay: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      }
      return result.result.value;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    }
  }

  async function centre(testId: string): Promise<{ x: number; y: number }> {
    const { cdp, nodeId } = await require(testId);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  }

  const raw: OverlayHandle = {
    async mounted() {
      return !('missing' in (await locateShadowRoot()));
    },
    async exists(testId) {
      return (await query(testId)) !== null;
    },
    async visible(testId) {
      const found = await query(testId);
      if (!found) return false;
      return callOn<boolean>(
        found.cdp,
        found.nodeId,
        `function () {
          const box = this.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          for (let el = this; el; el = el.parentElement ?? el.getRootNode().host) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
          }
          return true;
        }`,
        [],
      );
    },
    async click(testId) {
      const { x, y } = await centre(testId);
      await page.mouse.click(x, y);
    },
    async type(testId, text) {
      await handle.click(testId);
      await page.keyboard.type(text);
    },
    async text() {
      const { cdp, rootId } = await shadowRoot();
      return callOn<string>(
        cdp,
        rootId,
        `function () {
          return Array.from(this.children)
            .filter((el) => !['STYLE', 'SCRIPT', 'LINK'].includes(el.tagName))
            .map((el) => el.innerText ?? el.textContent ?? '')
            .join('\\n')
            .trim();
        }`,
        [],
      );
    },
    async textOf(testId) {
      const { cdp, nodeId } = await require(testId);
      return callOn<string>(cdp, nodeId, 'function () { return (this.innerText ?? this.textContent ?? "").trim(); }', []);
    },
    async attribute(testId, name) {
      const { cdp, nodeId } = await require(testId);
      return callOn<string | null>(cdp, nodeId, 'function (name) { return this.getAttribute(name); }', [name]);
    },
    async callOnRoot<T>(functionDeclaration: string, ...args: unknown[]) {
      const { cdp, rootId } = await shadowRoot();
      return callOn<T>(cdp, rootId, functionDeclaration, args);
    },
  };
  // The overlay re-renders when a newer view arrives (first the view seeded at injection, then the one with the
  // page's facts), which can replace a node between DOM.querySelector and the call that uses its id. Such a stale
  // id is retried from the top, a few times; any other error is real.
  const handle = Object.fromEntries(
    Object.entries(raw).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            if (attempt >= 5 || !STALE_NODE.test(String(error))) throw error;
            await page.waitForTimeout(50);
          }
        }
      },
    ]),
  ) as unknown as OverlayHandle;
  return handle;
}
