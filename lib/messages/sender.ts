/**
 * Who sent a message, decided only from the fields the browser fills in (`runtime.MessageSender`), never from the
 * message itself. A page opened in a tab (review.html) also has `sender.tab`, so the origin decides first.
 */
import type { SenderKind } from './protocol';

/** The parts of `runtime.MessageSender` the decision reads. */
export interface SenderFields {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; index?: number; windowId?: number };
  frameId?: number;
  documentId?: string;
}

/** The extension this code runs in, as the browser names it. */
export interface ExtensionIdentity {
  id: string;
  /**
   * The origin of the extension's own pages. Chromium: `chrome-extension://<id>`; Firefox uses a per-install
   * UUID (`moz-extension://<uuid>`) that differs from the id, so it is read from `runtime.getURL('/')`.
   */
  origin: string;
}

const WEB_PROTOCOLS = new Set(['https:', 'http:']);

/**
 * `scheme://host` of a URL. WHATWG URL gives the origin `null` for schemes it does not know (Node and some
 * engines treat `chrome-extension:` so), so the origin is rebuilt from its parts.
 */
export function urlOrigin(url: string): string | undefined {
  return originOf(url)?.origin;
}

function originOf(url: string | undefined): { origin: string; protocol: string } | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return { origin: parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin, protocol: parsed.protocol };
  } catch {
    return undefined;
  }
}

/**
 * `extension-page`: a page of this extension (popup, review, options), with or without a tab.
 * `content-script`: this extension's script in a web page's tab.
 * `undefined`: anything else (another extension, a web page through `externally_connectable`, missing fields).
 */
export function classifySender(sender: SenderFields, extension: string | ExtensionIdentity): SenderKind | undefined {
  const identity: ExtensionIdentity =
    typeof extension === 'string' ? { id: extension, origin: `chrome-extension://${extension}` } : extension;
  if (identity.id === '' || sender.id !== identity.id) return undefined;

  const url = originOf(sender.url);
  if (url === undefined) return undefined;
  const ownOrigin = originOf(`${identity.origin}/`)?.origin;
  if (ownOrigin !== undefined && url.origin === ownOrigin) return 'extension-page';

  if (sender.tab === undefined || typeof sender.tab.id !== 'number' || sender.tab.id < 0) return undefined;
  if (!WEB_PROTOCOLS.has(url.protocol)) return undefined;
  return 'content-script';
}

/** What a handler learns about the sender, after classification. */
export interface SenderContext {
  kind: SenderKind;
  /** The sender's tab (always set for a content script; set for an extension page opened in a tab). */
  tabId?: number;
  tabIndex?: number;
  windowId?: number;
  /** 0 for the top frame. */
  frameId?: number;
  /** Chromium 106+: identifies the document, so one document is never injected twice. */
  documentId?: string;
  url: string;
}

export function senderContext(kind: SenderKind, sender: SenderFields): SenderContext {
  return {
    kind,
    url: sender.url ?? '',
    ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }),
    ...(sender.tab?.index === undefined ? {} : { tabIndex: sender.tab.index }),
    ...(sender.tab?.windowId === undefined ? {} : { windowId: sender.tab.windowId }),
    ...(sender.frameId === undefined ? {} : { frameId: sender.frameId }),
    ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
  };
}
