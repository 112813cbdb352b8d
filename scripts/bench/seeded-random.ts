/** A small seeded generator (mulberry32) so every benchmark run judges the same inputs. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  integer(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  hex(length: number): string;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    next,
    integer,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[integer(items.length)] as (typeof items)[number];
    },
    sample: (items, count) => {
      const pool = [...items];
      const chosen = [];
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(integer(pool.length), 1)[0] as (typeof items)[number]);
      return chosen;
    },
    hex: (length) => {
      let text = '';
      while (text.length < length) text += integer(16).toString(16);
      return text;
    },
  };
}
