/**
 * The one message protocol between the content scripts, the extension pages and the background.
 * Every message is declared here with its payload schema, the context allowed to send it, and its reply type.
 * Receivers check the sender with `classifySender` (lib/messages/sender.ts) and parse with `parseMessage` before acting.
 *
 * zod/mini keeps the content-script bundle small: about 52 kB with it, about 120 kB with full zod, as measured.
 */
import * as z from 'zod/mini';
import { PAGE_FACT_FIELDS, type Evaluation, type PageFacts } from '../evaluation';
import type { AuthorizationRequest } from '../authorization-request';
import type { DeviceCodeProvider } from '../device-code-pages';
import type { DeliveryKind } from '../storage/records';
import { WEBHOOK_DESTINATIONS, type ConfiguredDestination } from '../reporting/webhook-destinations';

/** Who may send a message: a content script runs in a tab; an extension page (popup, review, options) has no tab. */
export type SenderKind = 'content-script' | 'extension-page';

const PageFactsSchema = z.object({
  appName: z.optional(z.string().check(z.maxLength(512))),
  publisher: z.optional(z.string().check(z.maxLength(512))),
  verified: z.optional(z.boolean()),
  scopeDescriptions: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(200))),
  account: z.optional(z.string().check(z.maxLength(512))),
  unread: z.optional(z.array(z.enum(PAGE_FACT_FIELDS)).check(z.maxLength(PAGE_FACT_FIELDS.length))),
});

const OverlayActionSchema = z.enum(['start-review', 'continue', 'cancel', 'request-review', 'dismiss']);
export type OverlayAction = z.infer<typeof OverlayActionSchema>;

/** Message schemas keyed by type. Add a message here and nowhere else. */
export const MESSAGE_SCHEMAS = {
  /** Content script on a consent host, at document_start: "is this tab in an authorization flow?" */
  'consent/hello': z.object({ type: z.literal('consent/hello'), url: z.string().check(z.maxLength(65536)) }),
  /** Overlay: here is what the page shows; reply with the view to render. Sent again when the page changes. */
  'consent/page-facts': z.object({
    type: z.literal('consent/page-facts'),
    url: z.string().check(z.maxLength(65536)),
    facts: PageFactsSchema,
  }),
  /** Overlay: the person chose an action. `reason` is required by the background in `acknowledge` mode. */
  'consent/action': z.object({
    type: z.literal('consent/action'),
    flowId: z.string().check(z.maxLength(128)),
    action: OverlayActionSchema,
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }),
  /**
   * Content script on a device-code verification page: log the visit and reply with how to warn. No payload: the
   * background reads the page from the sender's URL, which the browser sets, so a page cannot log another page.
   */
  'device-code/page-shown': z.object({ type: z.literal('device-code/page-shown') }),
  /** Popup: the state of a tab (the current one). */
  'page/get-tab-state': z.object({ type: z.literal('page/get-tab-state'), tabId: z.number() }),
  /** Popup: show the overlay on a tab the content script does not run on (uses activeTab). */
  'page/show-overlay': z.object({ type: z.literal('page/show-overlay'), tabId: z.number() }),
  /** Review page: a review was submitted; the background may deliver it (issue 4) and updates the badge. */
  'page/review-submitted': z.object({ type: z.literal('page/review-submitted'), reviewId: z.string().check(z.maxLength(128)) }),
  /** Options page and popup: the policy in force, where each part came from, and every source's error. */
  'page/get-policy-status': z.object({ type: z.literal('page/get-policy-status') }),
  /** Options page: import a local policy file (JSON text). Refused when managed policy forbids local policies. */
  'page/import-local-policy': z.object({
    type: z.literal('page/import-local-policy'),
    text: z.string().check(z.maxLength(16 * 1024 * 1024)),
  }),
  /** Options page: remove the imported local policy. */
  'page/clear-local-policy': z.object({ type: z.literal('page/clear-local-policy') }),
  /** Options page: fetch the signed remote config now instead of waiting for the schedule. */
  'page/refresh-remote-config': z.object({ type: z.literal('page/refresh-remote-config') }),
  /** Options page: the webhook outbox (queued and failed deliveries, the dropped count) and the configured endpoints. */
  'page/get-outbox': z.object({ type: z.literal('page/get-outbox') }),
  /**
   * Options page: POST a test payload to one configured endpoint, named by its role only: the URL is read from the
   * policy in force, so a page cannot send anything anywhere else.
   */
  'page/send-test-event': z.object({ type: z.literal('page/send-test-event'), destination: z.enum(WEBHOOK_DESTINATIONS) }),
  /**
   * Options page, at once on opening: the last known policy status (kept in the policy state) and which sources
   * the background is still reading, so the page need not wait seconds for the first managed-storage read.
   */
  'page/get-policy-snapshot': z.object({ type: z.literal('page/get-policy-snapshot') }),
} as const;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type Message<T extends MessageType = MessageType> = z.infer<(typeof MESSAGE_SCHEMAS)[T]>;

/** Which context may send each message. Checked from the fields the browser sets, never from the payload. */
export const ALLOWED_SENDERS: Record<MessageType, readonly SenderKind[]> = {
  'consent/hello': ['content-script'],
  'consent/page-facts': ['content-script'],
  'consent/action': ['content-script'],
  'device-code/page-shown': ['content-script'],
  'page/get-tab-state': ['extension-page'],
  'page/show-overlay': ['extension-page'],
  'page/review-submitted': ['extension-page'],
  'page/get-policy-status': ['extension-page'],
  'page/import-local-policy': ['extension-page'],
  'page/clear-local-policy': ['extension-page'],
  'page/refresh-remote-config': ['extension-page'],
  'page/get-outbox': ['extension-page'],
  'page/send-test-event': ['extension-page'],
  'page/get-policy-snapshot': ['extension-page'],
};

/** What the overlay renders: everything it needs, so the content script carries no catalog or rules. */
export interface OverlayView {
  flowId: string;
  enforcement: 'off' | 'monitor' | 'inform' | 'warn' | 'acknowledge' | 'block';
  request: Pick<AuthorizationRequest, 'provider' | 'clientId' | 'scopes' | 'offlineAccess' | 'redirectUri' | 'tenant' | 'host'>;
  evaluation: Evaluation;
  /** The app name the page shows, or the approved integration's name. */
  appName?: string;
  organization: { name?: string; supportContact?: string; supportUrl?: string };
}

/** What the device-code warning renders; the provider is the background's reading of the sender's URL. */
export interface DeviceCodeWarningView {
  provider: DeviceCodeProvider;
  enforcement: OverlayView['enforcement'];
  organization: OverlayView['organization'];
}

/** The per-tab state the background keeps in storage.session (survives a service-worker restart). */
export interface TabState {
  flowId: string;
  tabId: number;
  capturedAt: number;
  /** The authorization URL as first seen, before the provider redirected to its login and consent pages. */
  request: AuthorizationRequest;
  /** The page the person came from (the tab's URL before the flow started), if known. */
  sourceUrl?: string;
  facts?: PageFacts;
  view?: OverlayView;
}

/** One source of policy as the options page shows it. */
export interface PolicySourceStatus {
  /** The source supplied a valid policy that is (at least partly) in force. */
  active: boolean;
  /** When this source last changed or was last checked (ISO time). */
  updatedAt?: string;
  /** What went wrong with it; the last good policy stays in force. */
  error?: string;
}

export interface PolicyStatus {
  /** The policy in force. */
  policy: import('../policy/schema').Policy;
  /** For each top-level key (and `rules.<id>`) the source it came from: managed, remote, local or default. */
  origins: Record<string, 'managed' | 'remote' | 'local' | 'default'>;
  sources: {
    managed: PolicySourceStatus;
    /** `expired`: the kept copy is past its signed `expiresAt` and stays in force until a newer one verifies. */
    remote: PolicySourceStatus & { url?: string; serial?: number; checkedAt?: string; expired?: boolean; expiresAt?: string };
    /** `ignored`: what of the local file is not used because managed or remote policy exists, and why. */
    local: PolicySourceStatus & { allowed: boolean; ignored?: string };
  };
}

/** One delivery in the webhook outbox, without its body. */
export interface OutboxItem {
  id: number;
  kind: DeliveryKind;
  /** The endpoint's URL, from the policy in force when it was queued. */
  destination: string;
  createdAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** ISO time of the next attempt. */
  nextAttemptAt: string;
  lastError?: string;
  /** `queued`: not tried yet; `failed`: tried and waiting to retry; `held`: its URL is no longer in the policy. */
  state: 'queued' | 'failed' | 'held';
}

export interface OutboxStatus {
  /** Oldest first, at most `OUTBOX_ITEMS_SHOWN` (lib/background/outbox-status.ts); `total` counts all. */
  items: OutboxItem[];
  total: number;
  /** Deliveries dropped, ever, because the outbox was full. */
  dropped: number;
  /** The endpoints the policy in force configures: what "Send a test event" can reach. */
  destinations: ConfiguredDestination[];
}

/** What a test POST gave: delivered (2xx) with the status, or why not (HTTP status or network error). */
export type TestDeliveryResult = { delivered: true; status: number } | { delivered: false; status?: number; error: string };

/** The policy sources the background reads on start; managed storage can take seconds the first time. */
export type PolicyReadSource = 'managed' | 'remote' | 'local';

export interface MessageReplies {
  'consent/hello': { active: false } | { active: true; flowId: string };
  'consent/page-facts': { view: OverlayView | null };
  'consent/action': { ok: true; reviewId?: string } | { ok: false; error: string };
  'device-code/page-shown': { ok: true; warning: DeviceCodeWarningView } | { ok: false; error: string };
  'page/get-tab-state': { state: TabState | null };
  'page/show-overlay': { ok: true } | { ok: false; error: string };
  /** `emailDraft`: a `mailto:` link with the review, when the policy's intake names an address; the page offers it. */
  'page/review-submitted': { ok: true; emailDraft?: string } | { ok: false; error: string };
  'page/get-policy-status': { ok: true; status: PolicyStatus } | { ok: false; error: string };
  'page/import-local-policy':
    | { ok: true }
    | { ok: false; error: string; errors?: { path: string; message: string; fix: string }[] };
  'page/clear-local-policy': { ok: true } | { ok: false; error: string };
  'page/refresh-remote-config': { ok: true; outcome: 'updated' | 'not-modified' | 'failed' | 'not-configured' } | { ok: false; error: string };
  'page/get-outbox': { ok: true; outbox: OutboxStatus } | { ok: false; error: string };
  'page/send-test-event': { ok: true; result: TestDeliveryResult } | { ok: false; error: string };
  /**
   * `reading` empty: `status` is the policy in force now. Otherwise `status` is the last known one (null when none
   * was kept yet), saved at `savedAt`, and the listed sources are still being read.
   */
  'page/get-policy-snapshot':
    | { ok: true; status: PolicyStatus | null; reading: PolicyReadSource[]; savedAt?: string }
    | { ok: false; error: string };
}

export type ParsedMessage = { ok: true; message: Message } | { ok: false; error: string };

/** Parse an unknown value into a known message. Unknown types and malformed payloads are refused with a reason. */
export function parseMessage(value: unknown): ParsedMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) {
    return { ok: false, error: 'Refused a message without a type.' };
  }
  const type = (value as { type: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_SCHEMAS, type)) {
    return { ok: false, error: `Refused an unknown message type: ${String(type).slice(0, 64)}` };
  }
  const schema = MESSAGE_SCHEMAS[type as MessageType];
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `Refused a malformed ${type} message at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, message: result.data as Message };
}
