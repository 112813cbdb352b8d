import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../scripts/cli/command';
import { runCli } from '../../../scripts/cli/run-cli';

const URL = 'https://github.com/login/oauth/authorize?client_id=abc&scope=repo';

function io(stdin: Readable, stdout: Writable): CliIo {
  return { stdin, stdout, stderr: new PassThrough(), env: {}, stdoutIsTty: false, stdinIsTty: false, columns: undefined };
}

describe('check streaming', () => {
  it('stops reading stdin while stdout is full', async () => {
    let chunksPulled = 0;
    const totalChunks = 10_000;
    const stdin = Readable.from(
      (function* () {
        for (; chunksPulled < totalChunks; chunksPulled++) yield Buffer.from(`${URL}\n`.repeat(10));
      })(),
    );
    // A reader that never reads: every write stays pending, so the stream reports it is full.
    const stdout = new Writable({ highWaterMark: 16 * 1024, write: () => undefined });
    void runCli(['check'], io(stdin, stdout));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Without backpressure all 10,000 chunks (100,000 lines) would be read and judged into memory.
    expect(chunksPulled).toBeLessThan(200);
    stdin.destroy();
  });

  it('answers many lines in order with bounded batches', async () => {
    const count = 5_000;
    const lines = Array.from({ length: count }, (_, index) => `${URL}&state=${index}`);
    const writes: number[] = [];
    const received: string[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk.length);
        received.push(chunk.toString());
        setImmediate(done);
      },
    });
    // Chunks that cut lines anywhere, as a pipe delivers them.
    const text = lines.join('\n');
    const chunks: Buffer[] = [];
    for (let start = 0; start < text.length; start += 4093) chunks.push(Buffer.from(text.slice(start, start + 4093)));
    const code = await runCli(['check'], io(Readable.from(chunks), stdout));
    expect(code).toBe(0);
    const records = received.join('').split('\n').slice(0, -1).map((line) => JSON.parse(line) as { input: string });
    expect(records.map((record) => record.input)).toEqual(lines);
    expect(Math.max(...writes)).toBeLessThan(256 * 1024);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const bytes = Buffer.from('https://example.com/ü東京🙂\n');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const received: string[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString());
        done();
      },
    });
    expect(await runCli(['check'], io(Readable.from(chunks), stdout))).toBe(0);
    expect(JSON.parse(received.join('')).input).toBe('https://example.com/ü東京🙂');
  });
});
