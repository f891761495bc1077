/**
 * Near-duplicate detection for reposted stories: a 64-bit SimHash over character 4-grams. Two
 * texts whose fingerprints differ in at most 7 bits are the same story: a 2,000-character article
 * reposted with another header and footer and a few edited characters lands 1–7 bits from the
 * original, while different articles (even two sections of one article) stay 20 or more bits
 * apart. Candidates are found through eight 8-bit bands (pigeonhole: 7 differing bits leave at
 * least one band equal), so checking a new article costs eight map lookups and a scan of the
 * few fingerprints that share a band.
 */
import { hash } from 'node:crypto';
import { codeUnitClass } from '../core/text/code-unit-class.ts';

const shingleSize = 4;
/** Eight 8-bit bands; a match may differ in one bit less than there are bands (pigeonhole). */
const bandCount = 8;
const maxDistance = bandCount - 1;
/** Below this many characters SimHash is unreliable; only exact copies count as duplicates. */
const minLengthForSimilarity = 120;

export interface Fingerprint {
  high: number;
  low: number;
  length: number;
  exact: string;
}

/** Adds the four byte lanes of `lanes` to `counts[base]`, `counts[base + 8]`, `[base + 16]`, `[base + 24]`. */
function spreadLanes(counts: Uint32Array, base: number, lanes: number): void {
  counts[base]! += lanes & 0xff;
  counts[base + 8]! += (lanes >>> 8) & 0xff;
  counts[base + 16]! += (lanes >>> 16) & 0xff;
  counts[base + 24]! += lanes >>> 24;
}

/** Per bit of the 64-bit shingle hashes (high word's bits 0–31, then the low word's), how many have it set; reused between calls. */
const bitCounts = new Uint32Array(64);

/**
 * What the fingerprint skips: whitespace and punctuation (`[\s\p{P}]`), by code unit: a Unicode
 * regex replace was half of the cost of a fingerprint.
 */
const skippedCharacters = codeUnitClass('[\\s\\p{P}]');

/**
 * The text without whitespace and punctuation, as UTF-16 code units: reused between calls
 * (fingerprints run one at a time per thread) up to 1M units; a longer article gets a buffer of
 * its own, so one huge article does not keep megabytes alive for the rest of an ingest.
 */
let compactUnits = new Uint16Array(1 << 14);
const maxReusedUnits = 1 << 20;

/**
 * The SimHash fingerprint of a text (whitespace and punctuation ignored).
 *
 * Its three loops are three functions on purpose: V8 first optimises a long loop in the middle of
 * a call, before the code after it has ever run, and then throws that code away at the first
 * statement it has no feedback for (docs/performance.md, "Recompilation").
 */
export function fingerprint(text: string): Fingerprint {
  let compact = compactUnits;
  if (compact.length < text.length) {
    compact = new Uint16Array(text.length <= maxReusedUnits ? Math.min(maxReusedUnits, text.length * 2) : text.length);
    if (text.length <= maxReusedUnits) compactUnits = compact;
  }
  const length = compactInto(text, compact);
  // Exact copies are told apart by the whole compact text: SHA-1 of its UTF-16 code units.
  const exact = hash('sha1', new Uint8Array(compact.buffer, 0, length * 2));
  const count = Math.max(0, length - shingleSize + 1);
  countShingleBits(compact, count, bitCounts);
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    // weight > 0 ⇔ ones > count - ones
    if (2 * bitCounts[bit]! > count) high |= 1 << bit;
    if (2 * bitCounts[32 + bit]! > count) low |= 1 << bit;
  }
  return { high: high >>> 0, low: low >>> 0, length, exact };
}

/** Copies the code units of `text` that are not whitespace or punctuation into `compact`; returns how many. */
function compactInto(text: string, compact: Uint16Array): number {
  const skipped = skippedCharacters();
  const skippedUnits = skipped.units;
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const kind = skippedUnits[unit]!;
    if (kind === 0) compact[length++] = unit;
    else if (kind === 2) {
      // A lone surrogate is kept, as the regular expression kept it; a pair goes in or out whole.
      const pair = unit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
      if (!pair) compact[length++] = unit;
      else {
        if (!skipped.pairInClass(text, index)) {
          compact[length++] = unit;
          compact[length++] = text.charCodeAt(index + 1);
        }
        index++;
      }
    }
  }
  return length;
}

/**
 * Sets `counts[bit]` to how many of the first `count` shingle hashes of `compact` have that bit
 * set (a bit's SimHash weight is ones - (count - ones)). Counting 64 bits per shingle one by one
 * was the ingest's hot spot: instead, `highN` (`lowN`) adds bits N, N + 8, N + 16 and N + 24 of
 * the hash's high (low) word into four byte lanes at once, emptied into `counts` every 255
 * shingles before a lane can overflow (same counts, about half the time of bit-sliced counters,
 * which cost a data-dependent loop per word).
 */
function countShingleBits(compact: Uint16Array, count: number, counts: Uint32Array): void {
  counts.fill(0);
  let high0 = 0, high1 = 0, high2 = 0, high3 = 0, high4 = 0, high5 = 0, high6 = 0, high7 = 0;
  let low0 = 0, low1 = 0, low2 = 0, low3 = 0, low4 = 0, low5 = 0, low6 = 0, low7 = 0;
  let pending = 0;
  for (let index = 0; index < count; index++) {
    // FNV-1a, 64 bits, over the shingle's UTF-16 code units: offset basis cbf29ce484222325,
    // prime 100000001b3 = 2^40 + 0x1b3, modulo 2^64 in two 32-bit halves. The low half times
    // 0x1b3 stays below 2^41, exact in a double, so its carry into the high half is exact too.
    let high = 0xcbf29ce4 | 0;
    let low = 0x84222325;
    for (let position = index; position < index + shingleSize; position++) {
      const mixed = (low ^ compact[position]!) >>> 0;
      const product = mixed * 0x1b3;
      low = product >>> 0;
      high = (Math.imul(high, 0x1b3) + (mixed << 8) + Math.floor(product / 0x1_0000_0000)) | 0;
    }
    high0 = (high0 + (high & 0x01010101)) | 0;
    high1 = (high1 + ((high >>> 1) & 0x01010101)) | 0;
    high2 = (high2 + ((high >>> 2) & 0x01010101)) | 0;
    high3 = (high3 + ((high >>> 3) & 0x01010101)) | 0;
    high4 = (high4 + ((high >>> 4) & 0x01010101)) | 0;
    high5 = (high5 + ((high >>> 5) & 0x01010101)) | 0;
    high6 = (high6 + ((high >>> 6) & 0x01010101)) | 0;
    high7 = (high7 + ((high >>> 7) & 0x01010101)) | 0;
    low0 = (low0 + (low & 0x01010101)) | 0;
    low1 = (low1 + ((low >>> 1) & 0x01010101)) | 0;
    low2 = (low2 + ((low >>> 2) & 0x01010101)) | 0;
    low3 = (low3 + ((low >>> 3) & 0x01010101)) | 0;
    low4 = (low4 + ((low >>> 4) & 0x01010101)) | 0;
    low5 = (low5 + ((low >>> 5) & 0x01010101)) | 0;
    low6 = (low6 + ((low >>> 6) & 0x01010101)) | 0;
    low7 = (low7 + ((low >>> 7) & 0x01010101)) | 0;
    if (++pending === 255 || index === count - 1) {
      spreadLanes(counts, 0, high0); spreadLanes(counts, 1, high1); spreadLanes(counts, 2, high2); spreadLanes(counts, 3, high3);
      spreadLanes(counts, 4, high4); spreadLanes(counts, 5, high5); spreadLanes(counts, 6, high6); spreadLanes(counts, 7, high7);
      spreadLanes(counts, 32, low0); spreadLanes(counts, 33, low1); spreadLanes(counts, 34, low2); spreadLanes(counts, 35, low3);
      spreadLanes(counts, 36, low4); spreadLanes(counts, 37, low5); spreadLanes(counts, 38, low6); spreadLanes(counts, 39, low7);
      high0 = high1 = high2 = high3 = high4 = high5 = high6 = high7 = 0;
      low0 = low1 = low2 = low3 = low4 = low5 = low6 = low7 = 0;
      pending = 0;
    }
  }
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that differ between two fingerprints. */
export function hammingDistance(left: Fingerprint, right: Fingerprint): number {
  return popcount((left.high ^ right.high) >>> 0) + popcount((left.low ^ right.low) >>> 0);
}

/** The fingerprint's eight bytes, each tagged with its position: `band * 256 + byte`. */
function bands(print: Fingerprint): number[] {
  const keys: number[] = [];
  for (let band = 0; band < bandCount; band++) {
    const word = band < 4 ? print.high : print.low;
    keys.push(band * 256 + ((word >>> ((band % 4) * 8)) & 0xff));
  }
  return keys;
}

/**
 * The fingerprints that share one band value, in insertion order, as parallel typed arrays. With
 * 8-bit bands a bucket holds about 1/256 of the corpus, so `find` scans thousands of candidates on
 * a large corpus: contiguous numbers scan in nanoseconds each, where one object per candidate cost
 * a cache miss each and made folding quadratic in practice.
 */
class Bucket {
  size = 0;
  highs = new Uint32Array(8);
  lows = new Uint32Array(8);
  lengths = new Uint32Array(8);
  /** Index of the candidate's key in the detector's key list. */
  keys = new Uint32Array(8);

  push(print: Fingerprint, key: number): void {
    if (this.size === this.highs.length) {
      const grow = (array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
        const bigger = new Uint32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.highs = grow(this.highs);
      this.lows = grow(this.lows);
      this.lengths = grow(this.lengths);
      this.keys = grow(this.keys);
    }
    this.highs[this.size] = print.high;
    this.lows[this.size] = print.low;
    this.lengths[this.size] = print.length;
    this.keys[this.size] = key;
    this.size++;
  }
}

/** Remembers the articles seen so far and finds the earlier copy of a new one. */
export class NearDuplicateDetector<Key> {
  private readonly exact = new Map<string, Key>();
  private readonly keys: Key[] = [];
  /** One bucket per band value (`band * 256 + byte`), created on first use. */
  private readonly byBand: (Bucket | undefined)[] = new Array(bandCount * 256).fill(undefined);

  /** The key of an earlier article that `print` duplicates, or undefined. */
  find(print: Fingerprint): Key | undefined {
    const same = this.exact.get(print.exact);
    if (same !== undefined) return same;
    if (print.length < minLengthForSimilarity) return undefined;
    const { high, low, length } = print;
    for (const band of bands(print)) {
      const bucket = this.byBand[band];
      if (!bucket) continue;
      const { highs, lows, lengths, keys } = bucket;
      for (let index = 0; index < bucket.size; index++) {
        // Lengths within a ratio of 0.8 (5 × shorter ≥ 4 × longer, in integers), then the bits.
        // This runs ~N/32 times per article over a corpus of N: two multiplications and compares
        // reject most candidates before any popcount.
        const other = lengths[index]!;
        if (other * 5 < length * 4 || length * 5 < other * 4) continue;
        if (popcount((highs[index]! ^ high) >>> 0) + popcount((lows[index]! ^ low) >>> 0) <= maxDistance) return this.keys[keys[index]!];
      }
    }
    return undefined;
  }

  /** Records an article that was kept. */
  add(key: Key, print: Fingerprint): void {
    this.exact.set(print.exact, key);
    if (print.length < minLengthForSimilarity) return;
    const index = this.keys.length;
    this.keys.push(key);
    for (const band of bands(print)) {
      let bucket = this.byBand[band];
      if (!bucket) {
        bucket = new Bucket();
        this.byBand[band] = bucket;
      }
      bucket.push(print, index);
    }
  }
}
