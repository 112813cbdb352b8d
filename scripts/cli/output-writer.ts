/**
 * Buffered writing to stdout that respects backpressure: text is gathered into large writes (one `write` per line
 * costs more than judging the line), and when the stream says its buffer is full the caller waits for 'drain'
 * before producing more. Memory therefore stays bounded however many lines flow through.
 */
import type { Writable } from 'node:stream';

export const DEFAULT_BATCH_SIZE = 64 * 1024;

export class OutputWriter {
  private buffer = '';

  constructor(
    private readonly stream: Writable,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {}

  /** Queues text; returns a promise only when the caller must wait before writing more. */
  write(text: string): Promise<void> | undefined {
    this.buffer += text;
    if (this.buffer.length < this.batchSize) return undefined;
    return this.flush();
  }

  /** Writes what is queued; resolves once the stream can take more. */
  flush(): Promise<void> | undefined {
    if (this.buffer === '') return undefined;
    const text = this.buffer;
    this.buffer = '';
    if (this.stream.write(text)) return undefined;
    return new Promise((resolve) => this.stream.once('drain', resolve));
  }
}

/**
 * `check ... | head` closes the pipe early; the remaining output has no reader, which is the reader's choice and
 * not a failure, so stop quietly instead of printing a stack trace. Any other output error is real and rethrown.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream, exit: (code: number) => never): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    throw error;
  });
}
