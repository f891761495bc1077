/**
 * Open-addressing hash tables from packed term keys (`wordKey`, `packLongWord` in
 * core/text/tokenize.ts) to term ids: the lexical index builder looks up every token of the
 * corpus, and a number is cheaper to look up than a fresh string.
 */

/**
 * Term ids of terms with a `wordKey` (every bigram, most jieba words), keyed by their code units in
 * an open-addressing table. The builder's term lookups are the hottest loop of an ingest: a
 * Map<string> lookup of a fresh string costs a hash and several cache misses on a million-term
 * vocabulary; this costs a multiply and usually one miss.
 */
export class PairTable {
  /** Linear probing: [key, id] per slot, id -1 when empty. */
  private slots: Int32Array;
  private shift: number;
  private size = 0;

  constructor(capacityLog2 = 16) {
    this.slots = new Int32Array(2 << capacityLog2).fill(-1);
    this.shift = 32 - capacityLog2;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const id = slots[(slot << 1) + 1]!;
      if (id < 0 || slots[slot << 1] === key) return id;
    }
  }

  /** Stores a `key` that is not present yet. */
  set(key: number, id: number): void {
    if ((this.size + 1) * 2 > this.slots.length >> 1) this.grow();
    this.insert(key, id);
    this.size++;
  }

  private insert(key: number, id: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (slots[(slot << 1) + 1]! >= 0) slot = (slot + 1) & mask;
    slots[slot << 1] = key;
    slots[(slot << 1) + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.shift--;
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot + 1]! >= 0) this.insert(old[slot]!, old[slot + 1]!);
  }
}

/** Term ids of three- and four-unit terms, keyed by the two numbers of `packLongWord` (as `PairTable` does for one number). */
export class LongTable {
  /** Linear probing: [high, low, id] per slot, id -1 when empty. */
  private slots: Int32Array;
  private shift: number;
  private size = 0;

  constructor(capacityLog2 = 14) {
    this.slots = new Int32Array(3 << capacityLog2).fill(-1);
    this.shift = 32 - capacityLog2;
  }

  private firstSlot(high: number, low: number): number {
    return Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  /** The id of (`high`, `low`), or -1. */
  get(high: number, low: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let slot = this.firstSlot(high, low); ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const id = slots[at + 2]!;
      if (id < 0 || (slots[at] === high && slots[at + 1] === low)) return id;
    }
  }

  /** Stores a pair that is not present yet. */
  set(high: number, low: number, id: number): void {
    if ((this.size + 1) * 2 > this.slots.length / 3) this.grow();
    this.insert(high, low, id);
    this.size++;
  }

  private insert(high: number, low: number, id: number): void {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let slot = this.firstSlot(high, low);
    while (slots[slot * 3 + 2]! >= 0) slot = (slot + 1) & mask;
    slots[slot * 3] = high;
    slots[slot * 3 + 1] = low;
    slots[slot * 3 + 2] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.shift--;
    for (let at = 0; at < old.length; at += 3) if (old[at + 2]! >= 0) this.insert(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}
