import { describe, expect, it } from 'vitest';
import { createBurstWindow } from '../../../components/overlay/burst-window';

describe('createBurstWindow', () => {
  it('allows up to the limit within one window, then refuses until the window passes', () => {
    const budget = createBurstWindow(3, 1000);
    const seen: boolean[] = [];
    for (const at of [1_001, 1_100, 1_200, 1_300, 2_001, 2_002]) {
      const allowed = budget.allows(at);
      seen.push(allowed);
      if (allowed) budget.record();
    }
    // 1,001 opens a window; 1,300 is the fourth in it; 2,001 is exactly 1,000 ms later, still the same window;
    // 2,002 is past it and starts a new one.
    expect(seen).toEqual([true, true, true, false, false, true]);
  });

  it('counts only what was recorded', () => {
    const budget = createBurstWindow(1, 1000);
    expect(budget.allows(5_000)).toBe(true);
    expect(budget.allows(5_001)).toBe(true);
    budget.record();
    expect(budget.allows(5_002)).toBe(false);
  });
});
