/**
 * A streaming CSV reader (RFC 4180): text arrives in chunks, complete records leave with the line they started on.
 * A quoted field may hold commas, doubled quotes and line breaks; records end at CRLF or LF. Only the record being
 * read is held, and a record longer than `maxRecordLength` is refused rather than buffered without end.
 */

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts (a quoted line break makes a record span lines). */
  line: number;
}

export interface CsvProblem {
  line: number;
  reason: string;
}

export const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;

export class CsvRows {
  private cells: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside quotes, the previous character was a quote: either an escaped quote or the end of the quotes. */
  private quotePending = false;
  /** The field began with a quote (so text after its closing quote is an error). */
  private fieldWasQuoted = false;
  private recordLength = 0;
  private line = 1;
  private recordLine = 1;
  private broken: string | undefined;
  private pendingCr = false;

  constructor(private readonly maxRecordLength = DEFAULT_MAX_RECORD_LENGTH) {}

  /** The records this chunk completes; a problem ends the record it is in and is reported in `problems`. */
  push(chunk: string, records: CsvRecord[], problems: CsvProblem[]): void {
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index] as string;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (char === '\n') continue;
      }
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (char === '"') {
            this.append('"');
            continue;
          }
          this.quoted = false;
          // Falls through: the quote closed the field and this character follows it.
        } else if (char === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (char === '\n') this.line++;
          this.append(char);
          continue;
        }
      }
      if (char === ',') {
        this.endField();
      } else if (char === '\n' || char === '\r') {
        if (char === '\r') this.pendingCr = true;
        this.endRecord(records, problems);
        this.line++;
        this.recordLine = this.line;
      } else if (char === '"' && this.field === '' && !this.fieldWasQuoted) {
        this.quoted = true;
        this.fieldWasQuoted = true;
      } else {
        if (this.fieldWasQuoted && this.broken === undefined) this.broken = 'text after a closing quote';
        this.append(char);
      }
    }
  }

  /** The last record when the text did not end with a line break; an open quote is a problem. */
  end(records: CsvRecord[], problems: CsvProblem[]): void {
    if (this.quoted && !this.quotePending) {
      problems.push({ line: this.recordLine, reason: 'a quoted field is never closed' });
      return;
    }
    this.quoted = false;
    this.quotePending = false;
    if (this.cells.length > 0 || this.field !== '' || this.fieldWasQuoted) this.endRecord(records, problems);
  }

  private append(char: string): void {
    this.recordLength++;
    if (this.recordLength > this.maxRecordLength) {
      if (this.broken === undefined) this.broken = `the record is longer than ${this.maxRecordLength} characters`;
      return;
    }
    this.field += char;
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.fieldWasQuoted = false;
  }

  private endRecord(records: CsvRecord[], problems: CsvProblem[]): void {
    this.endField();
    if (this.broken !== undefined) problems.push({ line: this.recordLine, reason: this.broken });
    // A blank line is no record (a trailing CRLF, or a file that ends in empty lines).
    else if (!(this.cells.length === 1 && this.cells[0] === '')) records.push({ cells: this.cells, line: this.recordLine });
    this.cells = [];
    this.broken = undefined;
    this.recordLength = 0;
  }
}
