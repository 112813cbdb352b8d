/**
 * Reads one file of consent events, in chunks, whatever shape it has. The shape is decided from the file's start:
 * - the CSV export: its header row (after the byte-order mark the export writes);
 * - a JSON document: a first line that is only `{` (the export, pretty-printed, or one saved webhook body);
 * - webhook bodies, one JSON object per line (JSON Lines, the way a receiver appends what it gets).
 * CSV and JSON Lines stream: only the current record is held. A JSON document is read whole, but the extension's
 * log keeps at most a few thousand events (lib/storage/events.ts), so its export is small; a larger one is refused.
 * Pure: the caller reads the file and hands over text (scripts/cli/read-event-files.ts).
 */
import { CsvRows, type CsvProblem, type CsvRecord } from '../../lib/inventory/csv-rows';
import { CSV_HEADER, readCsvRow, readJsonDocument, readWebhookPayload, type InventoryEvent } from '../../lib/inventory/inventory-event';
import { parseJsonText } from '../../lib/policy/parse-json-text';
import { LineSplitter } from './line-splitter';
import { errorMessage } from '../../lib/error-message';

export type EventFileFormat = 'webhook-lines' | 'csv-export' | 'json-document';

export interface EventProblem {
  /** 1-based line; for an event inside a JSON document, the document's first line and the event's index. */
  line: number;
  reason: string;
}

export const MAX_JSON_DOCUMENT_CHARS = 64 * 1024 * 1024;
/** No webhook body is near this long; a longer line is broken input, not something to buffer. */
export const MAX_WEBHOOK_LINE_CHARS = 1024 * 1024;

export class EventFileReader {
  private format: EventFileFormat | undefined;
  private head = '';
  private line = 0;
  private readonly lines = new LineSplitter(MAX_WEBHOOK_LINE_CHARS);
  private readonly csv = new CsvRows();
  private csvHeaderSeen = false;
  private document: string[] = [];
  private documentLength = 0;
  private documentTooLong = false;

  /** `source` names the file in reasons and stands for the installation in exports, which carry no installation id. */
  constructor(private readonly source: string) {}

  get detectedFormat(): EventFileFormat | undefined {
    return this.format;
  }

  /** Calls `onEvent` for each complete event and `onProblem` for each malformed one, in file order. */
  push(chunk: string, onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    if (this.format === undefined) {
      this.head += chunk;
      const format = detectFormat(this.head, false);
      if (format === undefined) return;
      this.format = format;
      chunk = this.head;
      this.head = '';
    }
    this.consume(chunk, onEvent, onProblem);
  }

  end(onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    if (this.format === undefined) {
      this.format = detectFormat(this.head, true);
      if (this.format === undefined) return;
      this.consume(this.head, onEvent, onProblem);
      this.head = '';
    }
    if (this.format === 'webhook-lines') {
      for (const text of this.lines.end()) this.readLine(text, onEvent, onProblem);
    } else if (this.format === 'csv-export') {
      const records: CsvRecord[] = [];
      const problems: CsvProblem[] = [];
      this.csv.end(records, problems);
      this.readCsv(records, problems, onEvent, onProblem);
      if (!this.csvHeaderSeen) onProblem({ line: 1, reason: `the CSV has no header row (${CSV_HEADER})` });
    } else {
      this.readDocument(onEvent, onProblem);
    }
  }

  private consume(chunk: string, onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    if (this.format === 'webhook-lines') {
      for (const text of this.lines.push(chunk)) this.readLine(text, onEvent, onProblem);
    } else if (this.format === 'csv-export') {
      const records: CsvRecord[] = [];
      const problems: CsvProblem[] = [];
      this.csv.push(chunk, records, problems);
      this.readCsv(records, problems, onEvent, onProblem);
    } else if (!this.documentTooLong) {
      this.documentLength += chunk.length;
      if (this.documentLength > MAX_JSON_DOCUMENT_CHARS) {
        this.documentTooLong = true;
        this.document = [];
      } else this.document.push(chunk);
    }
  }

  private readLine(text: string | { length: number }, onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    this.line++;
    if (typeof text !== 'string') {
      onProblem({ line: this.line, reason: `the line is ${text.length} characters long; no webhook body is longer than ${MAX_WEBHOOK_LINE_CHARS}` });
      return;
    }
    const body = this.line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // Blank lines carry nothing (an editor's final newline, a receiver's separator).
    // (A body starts with "{"; only other lines pay for the trim.)
    if (body.length === 0 || (body.charCodeAt(0) !== 0x7b && body.trim() === '')) return;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      onProblem({ line: this.line, reason: `not JSON (${errorMessage(error)})` });
      return;
    }
    const read = readWebhookPayload(value);
    if (!read.ok) {
      onProblem({ line: this.line, reason: read.reason });
      return;
    }
    for (const event of read.value) onEvent(event);
  }

  private readCsv(records: readonly CsvRecord[], problems: readonly CsvProblem[], onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    // Records and problems come from the same chunk; report them in line order.
    let problemIndex = 0;
    for (const record of records) {
      while (problemIndex < problems.length && (problems[problemIndex] as CsvProblem).line < record.line) onProblem(problems[problemIndex++] as CsvProblem);
      if (!this.csvHeaderSeen) {
        this.csvHeaderSeen = true;
        const header = record.cells.join(',').replace(/^\uFEFF/, '');
        if (header !== CSV_HEADER) onProblem({ line: record.line, reason: `unexpected header row; the export writes ${CSV_HEADER}` });
        continue;
      }
      const read = readCsvRow(record.cells, this.source);
      if (read.ok) onEvent(read.value);
      else onProblem({ line: record.line, reason: read.reason });
    }
    while (problemIndex < problems.length) onProblem(problems[problemIndex++] as CsvProblem);
  }

  private readDocument(onEvent: (event: InventoryEvent) => void, onProblem: (problem: EventProblem) => void): void {
    if (this.documentTooLong) {
      onProblem({ line: 1, reason: `the JSON document is longer than ${MAX_JSON_DOCUMENT_CHARS} characters; the extension's export never is. Split it, or send webhook lines instead` });
      return;
    }
    const parsed = parseJsonText(this.document.join(''));
    this.document = [];
    if (!parsed.ok) {
      onProblem({ line: parsed.error.line, reason: `not valid JSON at column ${parsed.error.column}: ${parsed.error.message}` });
      return;
    }
    const read = readJsonDocument(parsed.value, this.source);
    if (!read.ok) {
      onProblem({ line: 1, reason: read.reason });
      return;
    }
    for (const error of read.value.errors) onProblem({ line: 1, reason: `events[${error.index}]: ${error.reason}` });
    for (const event of read.value.events) onEvent(event);
  }
}

/** Enough of a first line to tell the formats apart, however long the line turns out to be. */
const DETECTION_CHARS = 4096;

/**
 * The format from the text read so far, or undefined while the first line with content is incomplete. Anything
 * that is neither the CSV export nor a JSON document is read as webhook lines, so junk is reported line by line.
 * An empty or blank file is webhook lines with no events: empty input is no error.
 */
export function detectFormat(head: string, atEnd: boolean): EventFileFormat | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const start = text.search(/\S/);
  if (start === -1) return atEnd ? 'webhook-lines' : undefined;
  const newline = text.indexOf('\n', start);
  if (newline === -1 && !atEnd && text.length - start < DETECTION_CHARS) return undefined;
  const first = (newline === -1 ? text.slice(start) : text.slice(start, newline)).trim();
  if (first.startsWith('id,')) return 'csv-export';
  if (first === '{' || first === '[') return 'json-document';
  return 'webhook-lines';
}
