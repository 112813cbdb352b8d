/**
 * Runs tasks one after another per key (a tab id), so a navigation and a message about the same tab never
 * read-modify-write its state at the same time. Different keys run in parallel.
 */
export interface KeyedQueue {
  run<T>(key: string | number, task: () => Promise<T>): Promise<T>;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string | number, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
