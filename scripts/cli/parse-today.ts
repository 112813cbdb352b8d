/**
 * `--today YYYY-MM-DD`: judge expiry and review dates as of that day, for reproducible reports. The policy's dates
 * are local calendar days (lib/policy/iso-date.ts), so this is noon of that local day, far from any DST edge.
 */
export function parseToday(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date;
}
