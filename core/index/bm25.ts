/**
 * The BM25 formula, written once: every TypeScript computation of it calls these, so the copies
 * cannot drift apart (PostgreSQL's fallback spells it out in SQL, postgres/lexical-search.ts).
 */

/**
 * The length normalisation of a text: `k1 * (1 - b + b * length / averageLength)`. It depends on
 * the text alone, so the lexical index computes it once per passage and per document at load.
 */
export function bm25Norm(k1: number, b: number, length: number, averageLength: number): number {
  return k1 * (1 - b + (b * length) / averageLength);
}

/**
 * One query term's share of a text's score: `weight * tf * (k1 + 1) / (tf + norm)`, `weight` being
 * the term's IDF times any field or repeat weight, `tf` its count in the text and `norm` the
 * text's `bm25Norm`.
 */
export function bm25TermScore(weight: number, tf: number, k1: number, norm: number): number {
  return (weight * tf * (k1 + 1)) / (tf + norm);
}

/**
 * Inverse document frequency of a term found in `documentFrequency` of `count` texts, in the
 * always-positive Lucene form: `ln(1 + (count - df + 0.5) / (df + 0.5))`.
 */
export function bm25Idf(count: number, documentFrequency: number): number {
  return Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
