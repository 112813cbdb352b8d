import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputWriter } from '../../../scripts/cli/output-writer';

/** A slow sink: accepts writes, signals backpressure, and drains only when told to. */
function createSlowSink(highWaterMark: number) {
  const chunks: string[] = [];
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      pending.push(done);
    },
  });
  const release = () => {
    for (const done of pending.splice(0)) done();
  };
  return { stream, chunks, release };
}

describe('OutputWriter', () => {
  it('gathers small writes into one batch', async () => {
    const { stream, chunks, release } = createSlowSink(1024 * 1024);
    const writer = new OutputWriter(stream, 100);
    for (let index = 0; index < 5; index++) expect(writer.write('0123456789')).toBeUndefined();
    expect(chunks).toEqual([]);
    await writer.flush();
    release();
    expect(chunks).toEqual(['0123456789'.repeat(5)]);
  });

  it('writes when the batch is full and asks the caller to wait while the stream is full', async () => {
    const { stream, chunks, release } = createSlowSink(16);
    const writer = new OutputWriter(stream, 10);
    const waiting = writer.write('x'.repeat(20));
    expect(waiting).toBeInstanceOf(Promise);
    expect(chunks).toEqual(['x'.repeat(20)]);
    let drained = false;
    void waiting?.then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    release();
    await waiting;
    expect(drained).toBe(true);
  });

  it('has nothing to flush when empty', () => {
    const { stream } = createSlowSink(16);
    expect(new OutputWriter(stream).flush()).toBeUndefined();
  });
});
