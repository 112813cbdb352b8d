/**
 * One consent event as the inventory counts it, read from any of the three shapes the extension delivers: a
 * webhook body (lib/reporting/event-payload.ts), a row of the options page's CSV export or an event of its JSON
 * export (lib/reporting/events-export.ts). Pure: each reader takes parsed text and returns events or a reason.
 */
import { z } from 'zod';
import { PROVIDER_IDS, type ProviderId } from '../authorization-request';
import { RISK_LEVELS, VERDICTS, type RiskLevel, type Verdict } from '../evaluation';
import { EventPayloadSchema, type EventPayloadInput } from '../reporting/event-payload-schema';
import { CSV_COLUMNS, EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION } from '../reporting/events-export';
import { EVENT_PAYLOAD_FORMAT } from '../reporting/event-payload';
import { CONSENT_ACTIONS, type ConsentAction } from '../storage/records';
import { looksLikeValidPayload } from './fast-payload-check';

export interface InventoryEvent {
  /** Who: the webhook's installation id; for an export, which carries none, the file it came from (one browser). */
  installationId: string;
  /** ISO 8601 time. */
  at: string;
  provider: ProviderId;
  clientId: string;
  /** Absent when the webhook was not asked to send it (reporting.include). */
  host?: string;
  appName?: string;
  scopes?: readonly string[];
  verdict: Verdict;
  risk: RiskLevel;
  action: ConsentAction;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A short account of what zod refused: the first issue's path and message. */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it does not match the expected shape';
  const path = issue.path.length === 0 ? 'the record' : issue.path.join('.');
  return `${path}: ${issue.message}`;
}

/** One line of webhook bodies as a receiver stores them (JSON Lines): a `consent-gate/events` payload. */
export function readWebhookPayload(value: unknown): ReadResult<InventoryEvent[]> {
  if (looksLikeValidPayload(value)) return { ok: true, value: toInventoryEvents(value as EventPayloadInput) };
  const parsed = EventPayloadSchema.safeParse(value);
  if (!parsed.success) {
    const format = (value as { format?: unknown } | null)?.format;
    if (typeof value === 'object' && value !== null && format !== EVENT_PAYLOAD_FORMAT) {
      return { ok: false, reason: `not a consent-event payload (format is ${JSON.stringify(format ?? null)}, expected "${EVENT_PAYLOAD_FORMAT}")` };
    }
    return { ok: false, reason: describeIssues(parsed.error) };
  }
  return { ok: true, value: toInventoryEvents(parsed.data) };
}

function toInventoryEvents(payload: EventPayloadInput): InventoryEvent[] {
  const { installationId, events } = payload;
  return events.map((event) => ({
      installationId,
      at: event.at,
      provider: event.provider,
      clientId: event.clientId,
      host: event.host,
      appName: event.appName,
      scopes: event.scopes,
      verdict: event.verdict,
      risk: event.risk,
      action: event.action,
  }));
}

/** An event of the JSON export: the local log's record (lib/storage/records.ts ConsentEvent) as stored. */
const ExportedEventSchema = z.object({
  at: z.iso.datetime(),
  provider: z.enum(PROVIDER_IDS),
  clientId: z.string().min(1),
  appName: z.string().optional(),
  host: z.string(),
  scopes: z.array(z.string()),
  verdict: z.enum(VERDICTS),
  risk: z.enum(RISK_LEVELS),
  action: z.enum(CONSENT_ACTIONS),
});

const EventExportSchema = z.object({
  format: z.literal(EVENT_EXPORT_FORMAT),
  version: z.literal(EVENT_EXPORT_VERSION),
  events: z.array(z.unknown()),
});

/** A whole JSON document: the options page's export, or one webhook body saved to a file. */
export function readJsonDocument(value: unknown, source: string): ReadResult<{ events: InventoryEvent[]; errors: { index: number; reason: string }[] }> {
  const format = (value as { format?: unknown } | null)?.format;
  if (format === EVENT_PAYLOAD_FORMAT) {
    const read = readWebhookPayload(value);
    return read.ok ? { ok: true, value: { events: read.value, errors: [] } } : read;
  }
  const envelope = EventExportSchema.safeParse(value);
  if (!envelope.success) {
    if (format !== EVENT_EXPORT_FORMAT) {
      return { ok: false, reason: `not a Consent Gate event file (format is ${JSON.stringify(format ?? null)}, expected "${EVENT_EXPORT_FORMAT}" or "${EVENT_PAYLOAD_FORMAT}")` };
    }
    return { ok: false, reason: describeIssues(envelope.error) };
  }
  const events: InventoryEvent[] = [];
  const errors: { index: number; reason: string }[] = [];
  envelope.data.events.forEach((raw, index) => {
    const event = ExportedEventSchema.safeParse(raw);
    if (!event.success) {
      errors.push({ index, reason: describeIssues(event.error) });
      return;
    }
    events.push({ installationId: source, ...event.data, appName: event.data.appName === '' ? undefined : event.data.appName });
  });
  return { ok: true, value: { events, errors } };
}

/** The CSV export's header row, which also identifies the format. */
export const CSV_HEADER = CSV_COLUMNS.join(',');

// The export guards spreadsheet formulas with a leading quote (lib/reporting/events-export.ts csvField); undo it.
const GUARDED = /^'[=+\-@\t\r]/;
const unguard = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);

const COLUMN_INDEX = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, index])) as Record<(typeof CSV_COLUMNS)[number], number>;
const PROVIDERS: ReadonlySet<string> = new Set(PROVIDER_IDS);
const VERDICT_SET: ReadonlySet<string> = new Set(VERDICTS);
const RISK_SET: ReadonlySet<string> = new Set(RISK_LEVELS);
const ACTION_SET: ReadonlySet<string> = new Set(CONSENT_ACTIONS);
// Just the shape the export writes (Date.prototype.toISOString); a full calendar check is not needed to count.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function oneOf<T extends string>(set: ReadonlySet<string>, value: string, column: string): ReadResult<T> {
  return set.has(value) ? { ok: true, value: value as T } : { ok: false, reason: `${column}: unknown value ${JSON.stringify(value)}` };
}

/** A data row of the CSV export, its cells already unquoted (lib/inventory/csv-rows.ts). */
export function readCsvRow(cells: readonly string[], source: string): ReadResult<InventoryEvent> {
  if (cells.length !== CSV_COLUMNS.length) return { ok: false, reason: `expected ${CSV_COLUMNS.length} columns, found ${cells.length}` };
  const cell = (column: (typeof CSV_COLUMNS)[number]): string => unguard(cells[COLUMN_INDEX[column]] as string);
  const at = cell('at');
  if (!ISO_TIME.test(at)) return { ok: false, reason: `at: not an ISO 8601 time: ${JSON.stringify(at)}` };
  const clientId = cell('clientId');
  if (clientId === '') return { ok: false, reason: 'clientId: empty' };
  const provider = oneOf<ProviderId>(PROVIDERS, cell('provider'), 'provider');
  if (!provider.ok) return provider;
  const verdict = oneOf<Verdict>(VERDICT_SET, cell('verdict'), 'verdict');
  if (!verdict.ok) return verdict;
  const risk = oneOf<RiskLevel>(RISK_SET, cell('risk'), 'risk');
  if (!risk.ok) return risk;
  const action = oneOf<ConsentAction>(ACTION_SET, cell('action'), 'action');
  if (!action.ok) return action;
  const scopes = cell('scopes');
  const appName = cell('appName');
  const host = cell('host');
  return {
    ok: true,
    value: {
      installationId: source,
      at,
      provider: provider.value,
      clientId,
      host: host === '' ? undefined : host,
      appName: appName === '' ? undefined : appName,
      // Space-separated, as OAuth writes scopes (RFC 6749 section 3.3) and the export joins them.
      scopes: scopes === '' ? [] : scopes.split(' ').filter((scope) => scope !== ''),
      verdict: verdict.value,
      risk: risk.value,
      action: action.value,
    },
  };
}
