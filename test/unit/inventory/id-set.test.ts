import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../lib/inventory/id-set';

describe('IdSet', () => {
  it.each<[string, number[], number]>([
    ['nothing', [], 0],
    ['one id twice', [3, 3], 1],
    ['a few ids, kept as a Set', [0, 5, 9, 5], 3],
    ['many ids, past the switch to bits, with repeats and ids beyond the first bit array', [...Array.from({ length: 3000 }, (_, i) => i), 17, 2999, 100_000, 100_000], 3001],
  ])('counts %s', (_name, ids, size) => {
    const set = new IdSet();
    let known = 0;
    for (const id of ids) {
      known = Math.max(known, id + 1);
      set.add(id, known);
    }
    expect(set.size).toBe(size);
    for (const id of ids) expect(set.has(id)).toBe(true);
    expect(set.has(100_001)).toBe(false);
    expect(set.has(1_000_000)).toBe(false);
  });

  it('agrees with a Set on a random stream, in both forms', () => {
    const set = new IdSet();
    const reference = new Set<number>();
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const id = seed % (i < 10_000 ? 50 : 40_000);
      set.add(id, 40_000);
      reference.add(id);
      if (i % 997 === 0) expect(set.size).toBe(reference.size);
    }
    expect(set.size).toBe(reference.size);
  });
});
