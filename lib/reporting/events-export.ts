/**
 * The local consent-event log as files an admin opens in a spreadsheet or feeds to a script: CSV (RFC 4180) and
 * JSON. App names, hosts and reasons come from consent pages and from what people typed, so the CSV neutralises
 * spreadsheet formulas (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading single quote, which spreadsheets show as text and never evaluate.
 */
import { toIsoDate } from '../policy/iso-date';
import type { ConsentEvent } from '../storage/records';

export const EVENT_EXPORT_FORMAT = 'consent-gate/event-log';
export const EVENT_EXPORT_VERSION = 1;

/** Column order of the CSV; the header row uses these names. */
export const CSV_COLUMNS = [
  'id',
  'at',
  'provider',
  'clientId',
  'appName',
  'host',
  'scopes',
  'verdict',
  'risk',
  'enforcement',
  'action',
  'reason',
  'rules',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: formula-guarded, then quoted when it holds a quote, comma or line break (RFC 4180 section 2). */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function cell(event: ConsentEvent, column: CsvColumn): string {
  switch (column) {
    case 'id':
      return event.id === undefined ? '' : String(event.id);
    // Lists are space-separated, the way OAuth writes scopes (RFC 6749 section 3.3), so one cell holds one list.
    case 'scopes':
      return event.scopes.join(' ');
    case 'rules':
      return event.rules.join(' ');
    default:
      return event[column] ?? '';
  }
}

/**
 * CRLF line breaks as RFC 4180 section 2 asks. A UTF-8 byte-order mark leads the file: without it Excel reads
 * the file as the local code page and garbles non-ASCII app names; LibreOffice and Google Sheets skip it.
 */
export function exportEventsCsv(events: readonly ConsentEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const event of events) lines.push(CSV_COLUMNS.map((column) => csvField(cell(event, column))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface EventExport {
  format: typeof EVENT_EXPORT_FORMAT;
  version: typeof EVENT_EXPORT_VERSION;
  exportedAt: string;
  count: number;
  events: ConsentEvent[];
}

/** The events exactly as stored, newest first as given, in a versioned envelope. */
export function exportEventsJson(events: readonly ConsentEvent[], exportedAt: Date): string {
  const document: EventExport = {
    format: EVENT_EXPORT_FORMAT,
    version: EVENT_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    count: events.length,
    events: events.map((event) => ({ ...event, scopes: [...event.scopes], rules: [...event.rules] })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `consent-gate-events-2026-03-01.csv`, by the local calendar day of the export. */
export function eventsFileName(format: 'csv' | 'json', exportedAt: Date): string {
  return `consent-gate-events-${toIsoDate(exportedAt)}.${format}`;
}
