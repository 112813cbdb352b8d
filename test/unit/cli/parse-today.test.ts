import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../lib/policy/iso-date';
import { parseToday } from '../../../scripts/cli/parse-today';

describe('parseToday', () => {
  it.each(['2026-03-31', '2024-02-29', '2000-01-01', '2026-12-31'])('%s is that local day', (value) => {
    const date = parseToday(value);
    expect(date).toBeDefined();
    expect(toIsoDate(date as Date)).toBe(value);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-1', '26-03-01', 'today', '', '2026-03-31T00:00', '0050-01-01'])('refuses %j', (value) => {
    expect(parseToday(value)).toBeUndefined();
  });
});
