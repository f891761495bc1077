/**
 * Near-duplicate detection for reposted stories: a 64-bit SimHash over character 4-grams. Two
 * texts whose fingerprints differ in at most 3 bits are the same story. Candidates are found
 * through four 16-bit bands (pigeonhole: 3 differing bits leave at least one band equal), so
 * checking a new article costs a few map lookups, however large the corpus.
 */
import { createHash } from 'node:crypto';

const shingleSize = 4;
const maxDistance = 3;
/** Below this many characters SimHash is unreliable; only exact copies count as duplicates. */
const minLengthForSimilarity = 120;

export interface Fingerprint {
  high: number;
  low: number;
  length: number;
  exact: string;
}

/** FNV-1a, 64 bits as two 32-bit halves, over a string's UTF-16 code units. */
function fnv1a64(text: string, from: number, to: number): [number, number] {
  // 64-bit FNV offset basis cbf29ce484222325 and prime 100000001b3, computed in 16-bit limbs.
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let index = from; index < to; index++) {
    h0 ^= text.charCodeAt(index);
    // Multiply (h3 h2 h1 h0) by 0x100_0000_01b3 modulo 2^64.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + (c1 >>> 16);
    h0 = t0 & 0xffff;
    h1 = c1 & 0xffff;
    h2 = c2 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
  }
  return [((h3 << 16) | h2) >>> 0, ((h1 << 16) | h0) >>> 0];
}

/** The SimHash fingerprint of a text (whitespace and punctuation ignored). */
export function fingerprint(text: string): Fingerprint {
  const compact = text.replace(/[\s\p{P}]/gu, '');
  const exact = createHash('sha1').update(compact).digest('hex');
  const weights = new Int32Array(64);
  const count = Math.max(0, compact.length - shingleSize + 1);
  for (let index = 0; index < count; index++) {
    const [high, low] = fnv1a64(compact, index, index + shingleSize);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (high >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (low >>> bit) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) high |= 1 << bit;
    if (weights[bit + 32]! > 0) low |= 1 << bit;
  }
  return { high: high >>> 0, low: low >>> 0, length: compact.length, exact };
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

function bands(print: Fingerprint): string[] {
  return [
    `0:${print.high >>> 16}`,
    `1:${print.high & 0xffff}`,
    `2:${print.low >>> 16}`,
    `3:${print.low & 0xffff}`,
  ];
}

/** Remembers the articles seen so far and finds the earlier copy of a new one. */
export class NearDuplicateDetector<Key> {
  private readonly exact = new Map<string, Key>();
  private readonly byBand = new Map<string, { key: Key; print: Fingerprint }[]>();

  /** The key of an earlier article that `print` duplicates, or undefined. */
  find(print: Fingerprint): Key | undefined {
    const same = this.exact.get(print.exact);
    if (same !== undefined) return same;
    if (print.length < minLengthForSimilarity) return undefined;
    for (const band of bands(print)) {
      for (const candidate of this.byBand.get(band) ?? []) {
        const ratio = Math.min(candidate.print.length, print.length) / Math.max(candidate.print.length, print.length);
        if (ratio >= 0.8 && hammingDistance(candidate.print, print) <= maxDistance) return candidate.key;
      }
    }
    return undefined;
  }

  /** Records an article that was kept. */
  add(key: Key, print: Fingerprint): void {
    this.exact.set(print.exact, key);
    if (print.length < minLengthForSimilarity) return;
    for (const band of bands(print)) {
      const list = this.byBand.get(band);
      if (list) list.push({ key, print });
      else this.byBand.set(band, [{ key, print }]);
    }
  }
}
