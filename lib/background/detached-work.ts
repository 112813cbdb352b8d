/**
 * Work a listener starts and does not wait for (a policy applied after a storage change, a webhook flush). Its
 * failure is logged with what was being done, never dropped silently; tests wait for all of it to finish.
 */
const pending = new Set<Promise<void>>();

export function runDetached(task: string, work: Promise<unknown>): Promise<void> {
  const tracked = work.then(
    () => undefined,
    (error: unknown) => {
      console.error(`Consent Gate failed to ${task}:`, error);
    },
  );
  pending.add(tracked);
  void tracked.then(() => pending.delete(tracked));
  return tracked;
}

/** Resolves when no detached work is left, including work started by the work it waited for. */
export async function detachedWorkDone(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
