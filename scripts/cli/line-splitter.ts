/**
 * Turns a stream of text chunks into input lines without holding more than one line at a time.
 *
 * A line ends at "\n"; one "\r" before it is dropped (CRLF files). A lone "\r" stays part of the line: it is input
 * to judge, not a separator. A last line without a newline is a line; a final newline does not start another one.
 * A line longer than `maxLineLength` is not kept whole: only its beginning is, so one endless line cannot exhaust
 * memory.
 */

/** A line too long to keep: its first characters and its full length. */
export interface OverlongLine {
  prefix: string;
  length: number;
}

export type SplitLine = string | OverlongLine;

/** Chrome refuses URLs over 2 MB (chromium/src/url/url_constants.cc kMaxURLChars); twice that is ample. */
export const DEFAULT_MAX_LINE_LENGTH = 4 * 1024 * 1024;

/** How much of an overlong line is kept to show which line it was. */
export const OVERLONG_PREFIX_LENGTH = 256;

export class LineSplitter {
  private pending = '';
  /** Length of the current line so far once it went over the limit; -1 while it is within. */
  private overlongLength = -1;
  private overlongPrefix = '';

  constructor(private readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH) {}

  /** The lines a chunk completes, in order. */
  push(chunk: string): SplitLine[] {
    const lines: SplitLine[] = [];
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      lines.push(this.complete(chunk.slice(start, newline)));
      start = newline + 1;
    }
    this.accumulate(chunk.slice(start));
    return lines;
  }

  /** The last line, when the input did not end with a newline. */
  end(): SplitLine[] {
    if (this.overlongLength === -1 && this.pending === '') return [];
    const last = this.finish(false);
    return [last];
  }

  private complete(tail: string): SplitLine {
    this.accumulate(tail);
    return this.finish(true);
  }

  private finish(endedByNewline: boolean): SplitLine {
    if (this.overlongLength !== -1) {
      const line: OverlongLine = { prefix: this.overlongPrefix, length: this.overlongLength };
      this.overlongLength = -1;
      this.overlongPrefix = '';
      return line;
    }
    let text = this.pending;
    this.pending = '';
    if (endedByNewline && text.endsWith('\r')) text = text.slice(0, -1);
    return text;
  }

  private accumulate(text: string): void {
    if (text === '') return;
    if (this.overlongLength !== -1) {
      this.overlongLength += text.length;
      return;
    }
    // One spare character for the "\r" of a CRLF ending, which is not part of the line.
    if (this.pending.length + text.length > this.maxLineLength + 1) {
      const whole = this.pending + text;
      this.overlongPrefix = whole.slice(0, OVERLONG_PREFIX_LENGTH);
      this.overlongLength = whole.length;
      this.pending = '';
      return;
    }
    this.pending += text;
  }
}
