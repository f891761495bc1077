/**
 * The app's tokens as PostgreSQL values. A field (jieba words, or character bigrams) of a passage
 * or document is stored as a tsvector written by the app, never parsed by the server: each
 * distinct token is a lexeme whose positions 1…n count its occurrences, so the term frequency is
 * the number of positions (at most 256, PostgreSQL's limit per lexeme; BM25 has long saturated
 * by then).
 */
import { longWordMarker, wordOfKey, wordOfLongKey, type AnalyzedText, type PackedAnalysis } from '../../text/tokenize.ts';

/** PostgreSQL keeps at most this many positions per lexeme. */
export const maxTermFrequency = 256;

/** Fields by their number in `pbqa_terms.field`. */
export const fieldNumbers = { words: 0, bigrams: 1 } as const;

/** Token → occurrences. */
export function countTokens(tokens: readonly string[], into: Map<string, number> = new Map()): Map<string, number> {
  for (const token of tokens) into.set(token, (into.get(token) ?? 0) + 1);
  return into;
}

/** A quoted tsvector lexeme: `'` and `\` doubled inside single quotes. */
function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector literal of token counts (see the file comment). */
export function tsvectorLiteral(counts: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [token, count] of counts) {
    if (token.length === 0) continue;
    const positions: number[] = [];
    for (let position = 1; position <= Math.min(count, maxTermFrequency); position++) positions.push(position);
    parts.push(`${lexeme(token)}:${positions.join(',')}`);
  }
  return parts.join(' ');
}

/** A tsquery matching any of `tokens` (exact lexemes, no parsing). */
export function anyTermQuery(tokens: Iterable<string>): string {
  return [...new Set(tokens)].map(lexeme).join(' | ');
}

/** The token lists of an analysis, whether it came as strings or packed as keys (see `PackedAnalysis`). */
export function unpackAnalysis(analysis: AnalyzedText | PackedAnalysis): AnalyzedText {
  if (!('wordKeys' in analysis)) return analysis;
  const words: string[] = [];
  let other = 0;
  let long = 0;
  for (const key of analysis.wordKeys) {
    if (key === longWordMarker) {
      words.push(wordOfLongKey(analysis.longKeys[long]!, analysis.longKeys[long + 1]!));
      long += 2;
    } else if (key === 0) words.push(analysis.otherWords[other++]!);
    else words.push(wordOfKey(key));
  }
  return { words, bigrams: Array.from(analysis.bigrams, (key) => wordOfKey(key)) };
}

/** A passage's 64-bit text hash (two unsigned 32-bit halves) as a signed bigint, in decimal. */
export function hashToBigint([high, low]: readonly [number, number]): string {
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)).toString();
}

/** A pgvector literal. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}

/** Parses pgvector's text form (`[0.1,0.2]`). */
export function parseVector(text: string): Float32Array {
  const body = text.trim().replace(/^\[|\]$/g, '');
  return body.length === 0 ? new Float32Array(0) : Float32Array.from(body.split(','), Number);
}
