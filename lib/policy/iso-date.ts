/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. The policy speaks in whole days, so comparisons are on the
 * strings themselves (ISO dates sort as text) and spans are counted in UTC days, free of daylight-saving shifts.
 */

const MS_PER_DAY = 86_400_000;

/** The employee's local calendar day: an approval that "expires on 2026-03-31" is valid through that local day. */
export function toIsoDate(now: Date): string {
  const year = String(now.getFullYear()).padStart(4, '0');
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both are valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}
