/**
 * A set of small non-negative integers (installations, numbered in order of first appearance) that stays cheap both
 * for an app few people use and for one everybody uses: a Set while small, a bit set once that is smaller. Adding to
 * a bit set is one array write, several times faster than hashing into a Set of thousands, and an app that all
 * 100,000 installations met costs 12.5 kB instead of megabytes. Pure.
 */

/** A Set entry costs about this many bytes; a bit set costs one bit per installation known so far. */
const SET_ENTRY_BYTES = 16;

export class IdSet {
  private small: Set<number> | undefined = new Set();
  private bits: Uint32Array | undefined;
  private count = 0;

  get size(): number {
    return this.bits === undefined ? (this.small as Set<number>).size : this.count;
  }

  /** `known`: how many ids exist so far (the largest id + 1); decides when a bit set is the smaller form. */
  add(id: number, known: number): void {
    const bits = this.bits;
    if (bits !== undefined) {
      const word = id >>> 5;
      if (word >= bits.length) this.grow(word);
      const words = this.bits as Uint32Array;
      const mask = 1 << (id & 31);
      if (((words[word] as number) & mask) === 0) {
        words[word] = (words[word] as number) | mask;
        this.count++;
      }
      return;
    }
    const small = this.small as Set<number>;
    small.add(id);
    if (small.size * SET_ENTRY_BYTES > known / 8) this.toBits(known);
  }

  has(id: number): boolean {
    if (this.bits === undefined) return (this.small as Set<number>).has(id);
    const word = id >>> 5;
    return word < this.bits.length && ((this.bits[word] as number) & (1 << (id & 31))) !== 0;
  }

  private toBits(known: number): void {
    this.bits = new Uint32Array(Math.max(8, (known >>> 5) + 1) * 2);
    for (const id of this.small as Set<number>) this.bits[id >>> 5] = (this.bits[id >>> 5] as number) | (1 << (id & 31));
    this.count = (this.small as Set<number>).size;
    this.small = undefined;
  }

  private grow(word: number): void {
    const grown = new Uint32Array(Math.max(word + 1, (this.bits as Uint32Array).length * 2));
    grown.set(this.bits as Uint32Array);
    this.bits = grown;
  }
}
