/**
 * The options page's state as signals: the policy in force and its sources, the approved-integrations table,
 * the consent-event log and the local-policy editor. Built by `createOptionsStore` with the background messages
 * and storage passed in, so the options entrypoint wires the browser and tests hand in fakes.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ProviderId } from '../authorization-request';
import type { MessageReplies, OutboxStatus, PolicyReadSource, PolicyStatus, TestDeliveryResult } from '../messages/protocol';
import type { WebhookDestination } from '../reporting/webhook-destinations';
import { toIsoDate } from '../policy/iso-date';
import { parsePolicyText, type PolicyError } from '../policy/parse-policy';
import type { Policy } from '../policy/schema';
import {
  buildBlockedRows,
  buildIntegrationRows,
  DEFAULT_SORT,
  filterIntegrationRows,
  NO_FILTER,
  sortIntegrationRows,
  type IntegrationFilter,
  type SortKey,
  type SortOrder,
} from '../options/integration-rows';
import { summarizePolicy } from '../options/policy-summary';
import { policyWarnings as warningsOf } from '../policy/policy-warnings';
import { eventsFileName, exportEventsCsv, exportEventsJson } from '../reporting/events-export';
import type { ConsentEvent } from '../storage/records';
import { errorMessage } from '../error-message';
import type { DownloadFile } from './popup-store';

export type ImportReply = MessageReplies['page/import-local-policy'];
export type RefreshOutcome = Extract<MessageReplies['page/refresh-remote-config'], { ok: true }>['outcome'];

export interface OptionsStoreOptions {
  /** Rejects with a readable reason when the background cannot say. */
  getPolicyStatus(): Promise<PolicyStatus>;
  importLocalPolicy(text: string): Promise<ImportReply>;
  /** Rejects with a readable reason when the local policy could not be removed. */
  clearLocalPolicy(): Promise<void>;
  /** Rejects with a readable reason when the check could not run at all. */
  refreshRemoteConfig(): Promise<RefreshOutcome>;
  /** The consent events, newest first. */
  listEvents(): Promise<ConsentEvent[]>;
  download(file: DownloadFile): void;
  /** The webhook outbox and the configured endpoints; rejects with a readable reason. */
  getOutbox(): Promise<OutboxStatus>;
  /** POSTs a test payload to one configured endpoint; rejects with a readable reason when it could not be tried. */
  sendTestEvent(destination: WebhookDestination): Promise<TestDeliveryResult>;
  /** At once: the last known policy status and the sources still being read (page/get-policy-snapshot). */
  getPolicySnapshot(): Promise<PolicySnapshotReply>;
  now?: () => Date;
}

export type PolicySnapshotReply = Extract<MessageReplies['page/get-policy-snapshot'], { ok: true }>;

/** How often the open options page reads the outbox again, so it follows deliveries as they go out or fail. */
export const OUTBOX_POLL_MS = 3000;

/** The protocol's limit on an imported policy (lib/messages/protocol.ts). */
export const MAX_POLICY_TEXT = 16 * 1024 * 1024;

export type StatusView = { kind: 'loading' } | { kind: 'ready'; status: PolicyStatus } | { kind: 'failed'; error: string };
export type EventsView = { kind: 'loading' } | { kind: 'ready'; events: ConsentEvent[] } | { kind: 'failed'; error: string };
export type RefreshState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; outcome: RefreshOutcome }
  | { kind: 'failed'; error: string };
export type Validation = { kind: 'empty' } | { kind: 'valid'; policy: Policy } | { kind: 'invalid'; errors: PolicyError[] };
export type ApplyState =
  | { kind: 'idle' }
  | { kind: 'applying' }
  | { kind: 'applied' }
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'refused'; error: string; errors: PolicyError[] };
export type OutboxView = { kind: 'loading' } | { kind: 'ready'; outbox: OutboxStatus; at: Date } | { kind: 'failed'; error: string };
export type TestState = { kind: 'sending' } | { kind: 'done'; result: TestDeliveryResult } | { kind: 'failed'; error: string };
export type RemoveState = { kind: 'idle' } | { kind: 'removing' } | { kind: 'removed' } | { kind: 'failed'; error: string };
export type FileNotice = { kind: 'loaded'; name: string } | { kind: 'failed'; message: string } | null;

/** Dates read soonest first, risk widest first, text A to Z. */
function firstDirection(key: SortKey): SortOrder['direction'] {
  return key === 'risk' ? 'descending' : 'ascending';
}

export function createOptionsStore(options: OptionsStoreOptions) {
  const now = options.now ?? (() => new Date());

  const status = signal<StatusView>({ kind: 'loading' });
  const statusError = signal<string | undefined>(undefined);
  const events = signal<EventsView>({ kind: 'loading' });
  const exportError = signal<string | undefined>(undefined);
  const refresh = signal<RefreshState>({ kind: 'idle' });
  /** Sources the background was still reading when the shown status (then the last known one) was given. */
  const readingSources = signal<PolicyReadSource[]>([]);
  /** When the last known status on screen was saved; undefined once the status in force arrived. */
  const snapshotSavedAt = signal<string | undefined>(undefined);
  const outbox = signal<OutboxView>({ kind: 'loading' });
  /** A failed re-read while an outbox is shown: the last one stays on screen with this beside it. */
  const outboxError = signal<string | undefined>(undefined);
  const tests = signal<Partial<Record<WebhookDestination, TestState>>>({});

  const sort = signal<SortOrder>(DEFAULT_SORT);
  const filter = signal<IntegrationFilter>(NO_FILTER);

  const editorText = signal('');
  /** What the editor held before a file replaced it, so loading a file never loses typed text. */
  const replacedText = signal<string | null>(null);
  const fileNotice = signal<FileNotice>(null);
  const applyState = signal<ApplyState>({ kind: 'idle' });
  const removeState = signal<RemoveState>({ kind: 'idle' });

  const policyStatus = computed(() => (status.value.kind === 'ready' ? status.value.status : undefined));
  const summary = computed(() => {
    const current = policyStatus.value;
    return current ? summarizePolicy(current.policy, current.origins) : [];
  });
  const integrationRows = computed(() => {
    const current = policyStatus.value;
    return current ? buildIntegrationRows(current.policy, toIsoDate(now())) : [];
  });
  const visibleRows = computed(() => sortIntegrationRows(filterIntegrationRows(integrationRows.value, filter.value), sort.value));
  const providers = computed(() => [...new Set(integrationRows.value.map((row) => row.provider))].sort());
  const blockedRows = computed(() => {
    const current = policyStatus.value;
    return current ? buildBlockedRows(current.policy) : [];
  });
  /** Managed policy forbids local files: the import controls are disabled and the page says why. */
  const localLocked = computed(() => policyStatus.value?.sources.local.allowed === false);
  /** Approvals that match nothing or more than they seem to (lib/policy/policy-warnings.ts). */
  const policyWarnings = computed(() => {
    const current = policyStatus.value;
    return current ? warningsOf(current.policy) : [];
  });
  const sourceErrors = computed(() => {
    const current = policyStatus.value;
    if (!current) return [];
    return (['managed', 'remote', 'local'] as const).flatMap((source) => {
      const error = current.sources[source].error;
      return error === undefined || error === '' ? [] : [{ source, error }];
    });
  });

  const validation = computed<Validation>(() => {
    const text = editorText.value;
    if (text.trim() === '') return { kind: 'empty' };
    const result = parsePolicyText(text);
    return result.ok ? { kind: 'valid', policy: result.policy } : { kind: 'invalid', errors: result.errors };
  });

  let statusRequest = 0;

  /**
   * The first time, the last known status is asked for beside the status in force: after a browser start the
   * latter waits seconds for managed storage, and the page shows the former meanwhile, marking what is being read.
   */
  function showSnapshotWhileLoading(request: number, isSettled: () => boolean): void {
    options.getPolicySnapshot().then(
      (snapshot) => {
        if (isSettled() || request !== statusRequest) return;
        batch(() => {
          readingSources.value = snapshot.reading;
          if (snapshot.status === null) return;
          status.value = { kind: 'ready', status: snapshot.status };
          snapshotSavedAt.value = snapshot.reading.length === 0 ? undefined : snapshot.savedAt;
        });
      },
      // The status in force is still coming and reports its own failure; the snapshot only saves waiting.
      () => undefined,
    );
  }

  /** Never rejects: a failure shows as `status` failed, or as `statusError` when a policy is already shown. */
  async function loadStatus(): Promise<void> {
    const request = ++statusRequest;
    let settled = false;
    const inForce = options.getPolicyStatus();
    if (status.value.kind !== 'ready') showSnapshotWhileLoading(request, () => settled);
    try {
      const next = await inForce;
      settled = true;
      batch(() => {
        status.value = { kind: 'ready', status: next };
        statusError.value = undefined;
        readingSources.value = [];
        snapshotSavedAt.value = undefined;
      });
    } catch (error) {
      settled = true;
      // The policy shown before stays on screen with the error beside it; an empty page would say less.
      if (status.value.kind === 'ready') statusError.value = errorMessage(error);
      else status.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  async function loadEvents(): Promise<void> {
    try {
      events.value = { kind: 'ready', events: await options.listEvents() };
    } catch (error) {
      events.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  /** Never rejects: a failure shows as `outbox` failed, or as `outboxError` beside the outbox already shown. */
  async function loadOutbox(): Promise<void> {
    try {
      const next = await options.getOutbox();
      batch(() => {
        outbox.value = { kind: 'ready', outbox: next, at: now() };
        outboxError.value = undefined;
      });
    } catch (error) {
      if (outbox.value.kind === 'ready') outboxError.value = errorMessage(error);
      else outbox.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  async function sendTestEvent(destination: WebhookDestination): Promise<void> {
    if (tests.value[destination]?.kind === 'sending') return;
    tests.value = { ...tests.value, [destination]: { kind: 'sending' } };
    let next: TestState;
    try {
      next = { kind: 'done', result: await options.sendTestEvent(destination) };
    } catch (error) {
      next = { kind: 'failed', error: errorMessage(error) };
    }
    tests.value = { ...tests.value, [destination]: next };
    await loadOutbox();
  }

  async function load(): Promise<void> {
    await Promise.all([loadStatus(), loadEvents(), loadOutbox()]);
  }

  async function checkNow(): Promise<void> {
    if (refresh.value.kind === 'checking') return;
    refresh.value = { kind: 'checking' };
    let next: RefreshState;
    try {
      next = { kind: 'done', outcome: await options.refreshRemoteConfig() };
    } catch (error) {
      next = { kind: 'failed', error: errorMessage(error) };
    }
    // The check changes the serial, the time and maybe an error: show the sources as they are now.
    await loadStatus();
    refresh.value = next;
  }

  function setSort(key: SortKey): void {
    const current = sort.value;
    sort.value =
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection(key) };
  }

  function setFilterText(text: string): void {
    filter.value = { ...filter.value, text };
  }

  function setFilterProvider(provider: ProviderId | ''): void {
    filter.value = { ...filter.value, provider };
  }

  function setDueOnly(dueOnly: boolean): void {
    filter.value = { ...filter.value, dueOnly };
  }

  function setEditorText(text: string): void {
    batch(() => {
      editorText.value = text;
      if (applyState.value.kind !== 'applying') applyState.value = { kind: 'idle' };
    });
  }

  function loadFile(name: string, text: string): void {
    batch(() => {
      const previous = editorText.value;
      replacedText.value = previous.trim() === '' || previous === text ? null : previous;
      editorText.value = text;
      fileNotice.value = { kind: 'loaded', name };
      applyState.value = { kind: 'idle' };
    });
  }

  function fileFailed(message: string): void {
    fileNotice.value = { kind: 'failed', message };
  }

  /** Puts back the text a loaded file replaced. */
  function restoreReplacedText(): void {
    const previous = replacedText.value;
    if (previous === null) return;
    batch(() => {
      editorText.value = previous;
      replacedText.value = null;
      fileNotice.value = null;
      applyState.value = { kind: 'idle' };
    });
  }

  async function apply(): Promise<void> {
    if (localLocked.value || applyState.value.kind === 'applying') return;
    const checked = validation.value;
    if (checked.kind === 'empty') {
      applyState.value = { kind: 'empty' };
      return;
    }
    if (checked.kind === 'invalid') {
      applyState.value = { kind: 'invalid' };
      return;
    }
    applyState.value = { kind: 'applying' };
    let reply: ImportReply;
    try {
      reply = await options.importLocalPolicy(editorText.value);
    } catch (error) {
      applyState.value = { kind: 'refused', error: errorMessage(error), errors: [] };
      return;
    }
    if (!reply.ok) {
      applyState.value = { kind: 'refused', error: reply.error, errors: reply.errors ?? [] };
      return;
    }
    applyState.value = { kind: 'applied' };
    await loadStatus();
  }

  async function removeLocal(): Promise<void> {
    if (removeState.value.kind === 'removing') return;
    removeState.value = { kind: 'removing' };
    try {
      await options.clearLocalPolicy();
      removeState.value = { kind: 'removed' };
    } catch (error) {
      removeState.value = { kind: 'failed', error: errorMessage(error) };
      return;
    }
    await loadStatus();
  }

  function exportPolicy(): void {
    const current = policyStatus.value;
    if (!current) return;
    try {
      options.download({
        name: `consent-gate-policy-${toIsoDate(now())}.json`,
        type: 'application/json',
        text: `${JSON.stringify(current.policy, null, 2)}\n`,
      });
      exportError.value = undefined;
    } catch (error) {
      exportError.value = errorMessage(error);
    }
  }

  /** Reads the log afresh, so the file holds every event up to the click, not only those loaded earlier. */
  async function exportEvents(format: 'csv' | 'json'): Promise<void> {
    try {
      const list = await options.listEvents();
      const at = now();
      options.download(
        format === 'csv'
          ? { name: eventsFileName('csv', at), type: 'text/csv', text: exportEventsCsv(list) }
          : { name: eventsFileName('json', at), type: 'application/json', text: exportEventsJson(list, at) },
      );
      batch(() => {
        events.value = { kind: 'ready', events: list };
        exportError.value = undefined;
      });
    } catch (error) {
      exportError.value = errorMessage(error);
    }
  }

  return {
    status,
    statusError,
    policyStatus,
    summary,
    sourceErrors,
    policyWarnings,
    refresh,
    readingSources,
    snapshotSavedAt,
    outbox,
    outboxError,
    tests,
    loadOutbox,
    sendTestEvent,
    sort,
    filter,
    integrationRows,
    visibleRows,
    providers,
    blockedRows,
    events,
    exportError,
    editorText,
    replacedText,
    fileNotice,
    validation,
    applyState,
    removeState,
    localLocked,
    load,
    loadStatus,
    loadEvents,
    checkNow,
    setSort,
    setFilterText,
    setFilterProvider,
    setDueOnly,
    setEditorText,
    loadFile,
    fileFailed,
    restoreReplacedText,
    apply,
    removeLocal,
    exportPolicy,
    exportEvents,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
