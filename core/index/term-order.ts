/**
 * The order of the `-order.u32` file of a lexical field: term ids sorted by term, so a loaded
 * index finds a term by binary search instead of building a Map of its whole vocabulary.
 */

/**
 * Term ids in the order of their terms, comparing UTF-16 code units as `<` does (the order
 * `FieldIndex.termId` binary-searches). Sorting a million strings with a comparator costs
 * seconds; here ids are sorted as 64-bit numbers keyed by their terms' first two code units (a
 * native numeric sort), and only runs of terms sharing that key are compared as strings.
 */
export function sortedTermOrder(terms: readonly string[]): Uint32Array {
  const count = terms.length;
  // Key, as two 32-bit halves of a little-endian 64-bit integer: high = first two code units
  // (the second 0 for a one-unit term), low = bit 31 set for terms of two or more units (so "X"
  // sorts before "X\0…"), then the id. Equal keys mean an equal prefix.
  const keys = new BigUint64Array(count);
  const halves = new Uint32Array(keys.buffer);
  for (let id = 0; id < count; id++) {
    const term = terms[id]!;
    const long = term.length >= 2;
    halves[id * 2 + 1] = term.length === 0 ? 0 : ((term.charCodeAt(0) << 16) | (long ? term.charCodeAt(1) : 0)) >>> 0;
    halves[id * 2] = ((long ? 0x8000_0000 : 0) | id) >>> 0;
  }
  keys.sort();
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index++) order[index] = halves[index * 2]! & 0x7fff_ffff;
  const samePrefix = (left: number, right: number): boolean =>
    halves[left * 2 + 1] === halves[right * 2 + 1] && halves[left * 2]! >>> 31 === halves[right * 2]! >>> 31;
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && samePrefix(start, end)) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((left, right) => (terms[left]! < terms[right]! ? -1 : terms[left]! > terms[right]! ? 1 : 0));
      order.set(run, start);
    }
    start = end;
  }
  return order;
}
