/**
 * Word vectors (word2vec format), for the words a user says differently from an article (提拔 for
 * 晋升, 楷模 for 榜样). Optional: without a file the answer layer matches words as written, by
 * synonym list and by bigrams. Any word2vec file of Chinese words works; both the binary format
 * (`.bin`, `.vector`) and the text format (`.txt`, `.vec`: one `word v1 … vD` per line) are read.
 */
import fs from 'node:fs/promises';

/** A word close in meaning to another, with the cosine similarity of their vectors. */
export interface RelatedWord {
  word: string;
  similarity: number;
}

/** What the answer layer asks of word vectors. */
export interface RelatedWords {
  /**
   * The words nearest to `word` with similarity at least `minimumSimilarity`, nearest first, among
   * those `accept` keeps (e.g. words the corpus uses); empty for a word without a vector.
   */
  related(word: string, minimumSimilarity: number, accept: (word: string) => boolean): RelatedWord[];
}

/** Neighbours kept per word before `accept` filters them: enough for any similarity floor in use. */
const neighbourPool = 40;

/** L2-normalised word vectors held in one array. */
export class WordVectors implements RelatedWords {
  private readonly index = new Map<string, number>();
  private readonly cache = new Map<string, RelatedWord[]>();

  constructor(
    readonly words: readonly string[],
    readonly dimension: number,
    private readonly vectors: Float32Array,
  ) {
    words.forEach((word, position) => {
      if (!this.index.has(word)) this.index.set(word, position);
    });
    for (let row = 0; row < words.length; row++) {
      let norm = 0;
      for (let column = row * dimension; column < (row + 1) * dimension; column++) norm += vectors[column]! ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let column = row * dimension; column < (row + 1) * dimension; column++) vectors[column]! *= scale;
    }
  }

  /** Whether the vectors know `word`. */
  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Cosine similarity of two words; 0 when either has no vector. */
  similarity(left: string, right: string): number {
    const a = this.index.get(left);
    const b = this.index.get(right);
    return a === undefined || b === undefined ? 0 : this.dot(a, b);
  }

  related(word: string, minimumSimilarity: number, accept: (word: string) => boolean): RelatedWord[] {
    return this.neighbours(word).filter((neighbour) => neighbour.similarity >= minimumSimilarity && accept(neighbour.word));
  }

  private neighbours(word: string): RelatedWord[] {
    let found = this.cache.get(word);
    if (found) return found;
    const row = this.index.get(word);
    found = [];
    if (row !== undefined) {
      // One pass over every row, keeping the best `neighbourPool` (a sorted insert: the pool is small).
      const best: RelatedWord[] = [];
      for (let other = 0; other < this.words.length; other++) {
        if (other === row) continue;
        const similarity = this.dot(row, other);
        if (best.length === neighbourPool && similarity <= best[best.length - 1]!.similarity) continue;
        let at = best.length;
        while (at > 0 && best[at - 1]!.similarity < similarity) at--;
        best.splice(at, 0, { word: this.words[other]!, similarity });
        if (best.length > neighbourPool) best.pop();
      }
      found = best;
    }
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private dot(left: number, right: number): number {
    const vectors = this.vectors;
    const dimension = this.dimension;
    let sum = 0;
    for (let column = 0, a = left * dimension, b = right * dimension; column < dimension; column++) sum += vectors[a + column]! * vectors[b + column]!;
    return sum;
  }
}

/** A word-vector file that cannot be read, with where and why. */
export class WordVectorsError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'WordVectorsError';
  }
}

function header(file: string, line: string): { count: number; dimension: number } {
  const match = /^\s*(\d+)\s+(\d+)\s*$/u.exec(line);
  if (!match) throw new WordVectorsError(file, `line 1 must be "<word count> <dimension>", found "${line.slice(0, 40)}"`);
  const count = Number(match[1]);
  const dimension = Number(match[2]);
  if (count < 1 || dimension < 1 || dimension > 4096) throw new WordVectorsError(file, `line 1: word count ${count} and dimension ${dimension} are out of range`);
  return { count, dimension };
}

/** Parses the binary word2vec format: a text header, then per word its UTF-8 bytes, a space and D little-endian float32s. */
export function parseBinaryWordVectors(file: string, bytes: Buffer): WordVectors {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new WordVectorsError(file, 'no header line');
  const { count, dimension } = header(file, bytes.subarray(0, newline).toString('utf8'));
  const vectorBytes = dimension * 4;
  const words: string[] = [];
  const vectors = new Float32Array(count * dimension);
  let at = newline + 1;
  for (let row = 0; row < count; row++) {
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x20)) at++;
    const space = bytes.indexOf(0x20, at);
    if (space < 0 || space - at > 200) throw new WordVectorsError(file, `word ${row + 1} of ${count}: no word ends by byte ${at + 200} (file truncated or not binary word2vec)`);
    if (space + 1 + vectorBytes > bytes.length) throw new WordVectorsError(file, `word ${row + 1} of ${count}: the file ends inside its vector (truncated)`);
    words.push(bytes.subarray(at, space).toString('utf8'));
    for (let column = 0; column < dimension; column++) vectors[row * dimension + column] = bytes.readFloatLE(space + 1 + column * 4);
    at = space + 1 + vectorBytes;
  }
  return new WordVectors(words, dimension, vectors);
}

/** Parses the text word2vec format: a header line, then `word v1 … vD` per line. */
export function parseTextWordVectors(file: string, text: string): WordVectors {
  const lines = text.split('\n');
  const { count, dimension } = header(file, lines[0] ?? '');
  const words: string[] = [];
  const vectors = new Float32Array(count * dimension);
  for (let line = 1; line < lines.length && words.length < count; line++) {
    const fields = lines[line]!.trim().split(/\s+/u);
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== dimension + 1) throw new WordVectorsError(file, `line ${line + 1}: expected a word and ${dimension} numbers, found ${fields.length} fields`);
    const row = words.length;
    for (let column = 0; column < dimension; column++) {
      const value = Number(fields[column + 1]);
      if (!Number.isFinite(value)) throw new WordVectorsError(file, `line ${line + 1}: value ${column + 1} "${fields[column + 1]}" is not a number`);
      vectors[row * dimension + column] = value;
    }
    words.push(fields[0]!);
  }
  if (words.length < count) throw new WordVectorsError(file, `the header promises ${count} words, the file holds ${words.length}`);
  return new WordVectors(words, dimension, vectors);
}

/** Reads a word2vec file; `.txt` and `.vec` are the text format, anything else binary. */
export async function loadWordVectors(file: string): Promise<WordVectors> {
  const bytes = await fs.readFile(file).catch((error: unknown) => {
    throw new WordVectorsError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  });
  return /\.(?:txt|vec)$/iu.test(file) ? parseTextWordVectors(file, bytes.toString('utf8')) : parseBinaryWordVectors(file, bytes);
}
