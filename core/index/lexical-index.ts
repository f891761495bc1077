/**
 * BM25 over jieba words and Chinese character bigrams, on disk as flat typed arrays.
 *
 * Each field (words, bigrams) is an inverted index of its own, built by `LexicalIndexBuilder`
 * (lexical-builder.ts: SPIMI-style, memory stays flat however large the corpus grows) and loaded by
 * `FieldIndex` (lexical-field.ts). This file holds what they share, and search.
 *
 * Files per field, `<field>` being `lexical-words` or `lexical-bigrams`:
 * - `<field>-terms.txt`    terms in term-id order, one per line
 * - `<field>-order.u32`    term ids sorted by term, for binary-search lookup without building a Map
 * - `<field>-offsets.u32`  postings start of each term (length V + 1)
 * - `<field>-postings.u32` chunk numbers, grouped by term, ascending within a term
 * - `<field>-tf.u16`       term frequency of each posting
 * - `<field>-lengths.u32`  token count of each chunk
 *
 * Scoring (tuned on the BEIR sets, see README): a passage's score is its own BM25 plus the BM25 of
 * its whole document (computed at query time from the same postings) weighted 1.5, words weighing
 * 1 and bigrams 0.35. Document evidence lets a passage of a relevant article beat a lone passage that
 * happens to repeat one query word; bigrams catch words jieba cut differently.
 */
import { GrowableUint32Array, runLoaderSync, type Loader } from './binary-io.ts';
import { bm25Idf, bm25TermScore } from './bm25.ts';
import { FieldIndex } from './lexical-field.ts';
import { TopK, type ScoredChunk } from './top-k.ts';

export type LexicalField = 'words' | 'bigrams';
export const lexicalFields: readonly LexicalField[] = ['words', 'bigrams'];

/** The files of one field of the lexical index. */
export function lexicalFiles(field: LexicalField) {
  const prefix = `lexical-${field}`;
  return {
    terms: `${prefix}-terms.txt`,
    order: `${prefix}-order.u32`,
    offsets: `${prefix}-offsets.u32`,
    postings: `${prefix}-postings.u32`,
    frequencies: `${prefix}-tf.u16`,
    lengths: `${prefix}-lengths.u32`,
  } as const;
}

/** The file names of one field, as `lexicalFiles` gives them. */
export type LexicalFieldFiles = ReturnType<typeof lexicalFiles>;

export interface Bm25Parameters {
  k1: number;
  b: number;
  /** Weight of the bigram field relative to words. */
  bigramWeight: number;
  /** Weight of the document's BM25 added to each of its passages' scores. */
  documentWeight: number;
}

export const defaultBm25: Bm25Parameters = { k1: 1.2, b: 0.75, bigramWeight: 0.35, documentWeight: 1.5 };

export interface LexicalStats {
  chunks: number;
  terms: number;
  postings: number;
  averageLength: number;
}

/** The query side of one field: its tokens, each with its repeat count. */
type QueryTerms = readonly string[];

/** A scored passage. */
export interface LexicalHit extends ScoredChunk {
  /** The passage's own BM25 (without document evidence). */
  passageScore: number;
}

/** A loaded lexical index (both fields). Searching is synchronous and allocation-light. */
export class LexicalIndex {
  private readonly fields: Record<LexicalField, FieldIndex>;
  private readonly chunkScores: Float32Array;
  private readonly documentScores: Float32Array;
  private readonly documentFrequencies: Float32Array;
  private readonly documentMarks: Int32Array;
  readonly chunkCount: number;
  readonly documentCount: number;

  private constructor(
    fields: Record<LexicalField, FieldIndex>,
    private readonly parameters: Bm25Parameters,
    private readonly chunkDocuments: Uint32Array,
    documentCount: number,
  ) {
    this.fields = fields;
    this.chunkCount = chunkDocuments.length;
    this.documentCount = documentCount;
    this.chunkScores = new Float32Array(this.chunkCount);
    this.documentScores = new Float32Array(documentCount);
    this.documentFrequencies = new Float32Array(documentCount);
    this.documentMarks = new Int32Array(documentCount).fill(-1);
  }

  /**
   * Loads the lexical index of a generation folder. `chunkDocuments[chunk]` is the document
   * number of each passage (for document-level evidence).
   */
  static load(directory: string, chunkDocuments: Uint32Array, documentCount: number, parameters: Bm25Parameters = defaultBm25): LexicalIndex {
    return runLoaderSync(LexicalIndex.loader(directory, chunkDocuments, documentCount, parameters));
  }

  /** `load` as a loader, for callers that load without blocking (see `runLoaderAsync`). */
  static *loader(directory: string, chunkDocuments: Uint32Array, documentCount: number, parameters: Bm25Parameters = defaultBm25): Loader<LexicalIndex> {
    const words = yield* FieldIndex.load(directory, 'words', lexicalFiles('words'), parameters, chunkDocuments, documentCount);
    yield { pause: true };
    const bigrams = yield* FieldIndex.load(directory, 'bigrams', lexicalFiles('bigrams'), parameters, chunkDocuments, documentCount);
    return new LexicalIndex({ words, bigrams }, parameters, chunkDocuments, documentCount);
  }

  /** Number of passages containing a word (0 when unknown). */
  documentFrequency(word: string): number {
    const field = this.fields.words;
    const id = field.termId(word);
    if (id < 0) return 0;
    const [start, end] = field.range(id);
    return end - start;
  }

  /** BM25 inverse document frequency of a word over passages (the always-positive Lucene form). */
  idf(word: string): number {
    const df = this.documentFrequency(word);
    return bm25Idf(this.chunkCount, df);
  }

  /** Adds one field's BM25 to the passage and document accumulators. */
  private accumulate(field: FieldIndex, terms: QueryTerms, weight: number, touched: GrowableUint32Array, touchedDocuments: GrowableUint32Array): void {
    const repeats = new Map<number, number>();
    for (const term of terms) {
      const id = field.termId(term);
      if (id >= 0) repeats.set(id, (repeats.get(id) ?? 0) + 1);
    }
    const { k1 } = this.parameters;
    const scores = this.chunkScores;
    const documentScores = this.documentScores;
    const frequencies = this.documentFrequencies;
    const marks = this.documentMarks;
    const documentCount = this.documentCount;
    for (const [id, repeat] of repeats) {
      const [start, end] = field.range(id);
      const chunkIdf = bm25Idf(this.chunkCount, end - start);
      const chunkWeight = weight * repeat * chunkIdf;
      // Passages of a document are numbered consecutively, so a term's postings visit each
      // document in one run: sum its term frequency per document on the way.
      const termDocuments = new GrowableUint32Array(64);
      for (let index = start; index < end; index++) {
        const chunk = field.postings[index]!;
        const tf = field.frequencies[index]!;
        if (scores[chunk] === 0) touched.push(chunk);
        scores[chunk]! += bm25TermScore(chunkWeight, tf, k1, field.chunkNorms[chunk]!);
        const document = this.chunkDocuments[chunk]!;
        if (marks[document] !== id) {
          marks[document] = id;
          frequencies[document] = 0;
          termDocuments.push(document);
        }
        frequencies[document]! += tf;
      }
      const documentIdf = bm25Idf(documentCount, termDocuments.length);
      const documentWeight = weight * repeat * documentIdf;
      for (const document of termDocuments.view()) {
        const tf = frequencies[document]!;
        if (documentScores[document] === 0) touchedDocuments.push(document);
        documentScores[document]! += bm25TermScore(documentWeight, tf, k1, field.documentNorms[document]!);
      }
    }
    // Marks are term ids of this field; clear them so the next field's ids cannot collide.
    for (const document of touchedDocuments.view()) marks[document] = -1;
  }

  /**
   * The `k` best passages for an analysed query. `accept`, when given, filters passages (e.g. by
   * college or year) before they compete for the top k.
   */
  search(query: { words: QueryTerms; bigrams: QueryTerms }, k: number, accept?: (chunk: number) => boolean): LexicalHit[] {
    if (k <= 0 || (query.words.length === 0 && query.bigrams.length === 0)) return [];
    const touched = new GrowableUint32Array(1024);
    const touchedDocuments = new GrowableUint32Array(256);
    this.accumulate(this.fields.words, query.words, 1, touched, touchedDocuments);
    if (this.parameters.bigramWeight > 0) this.accumulate(this.fields.bigrams, query.bigrams, this.parameters.bigramWeight, touched, touchedDocuments);
    const top = new TopK(k);
    const passageScores = new Map<number, number>();
    const documentWeight = this.parameters.documentWeight;
    for (const chunk of touched.view()) {
      const passage = this.chunkScores[chunk]!;
      this.chunkScores[chunk] = 0;
      const score = passage + documentWeight * this.documentScores[this.chunkDocuments[chunk]!]!;
      if (score > top.threshold && (accept === undefined || accept(chunk))) {
        top.offer(chunk, score);
        passageScores.set(chunk, passage);
      }
    }
    for (const document of touchedDocuments.view()) this.documentScores[document] = 0;
    return top.sorted().map((hit) => ({ ...hit, passageScore: passageScores.get(hit.chunk)! }));
  }
}
