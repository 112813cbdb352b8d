import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../../lib/background/keyed-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createKeyedQueue', () => {
  it('runs the tasks of one key one after another, in order', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run(1, async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
    });
    const second = queue.run(1, async () => {
      log.push('second');
    });
    await Promise.resolve();
    expect(log).toEqual(['first start']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['first start', 'first end', 'second']);
  });

  it('runs different keys side by side', async () => {
    const queue = createKeyedQueue();
    const gate = deferred();
    const blocked = queue.run(1, () => gate.promise);
    await expect(queue.run(2, async () => 'other tab')).resolves.toBe('other tab');
    gate.resolve();
    await blocked;
  });

  it('passes a failure to its caller and keeps the queue going', async () => {
    const queue = createKeyedQueue();
    await expect(
      queue.run(1, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(queue.run(1, async () => 'next')).resolves.toBe('next');
  });
});
