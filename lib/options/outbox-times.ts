/**
 * How the options page words the times of a delivery in the outbox: how long it has waited and when it is tried
 * next. Pure; `now` comes from the page, which reads the outbox again every few seconds.
 */

function span(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "12 s", "3 min", "5 h", "2 d"; an unreadable time is shown as written, a time ahead of `now` as "0 s". */
export function formatAge(createdAt: string, now: Date): string {
  const at = Date.parse(createdAt);
  if (Number.isNaN(at)) return createdAt;
  return span(Math.max(0, now.getTime() - at));
}

/** "in 25 s", "in 2 h", or "due now" once the time has come (the outbox sends it on its next run). */
export function formatRetry(nextAttemptAt: string, now: Date): string {
  const at = Date.parse(nextAttemptAt);
  if (Number.isNaN(at)) return nextAttemptAt;
  const ahead = at - now.getTime();
  return ahead <= 0 ? 'due now' : `in ${span(ahead)}`;
}
