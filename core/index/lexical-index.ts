/**
 * BM25 over jieba words and Chinese character bigrams, on disk as flat typed arrays.
 *
 * Each field (words, bigrams) is an inverted index of its own. Building is SPIMI-style: postings
 * accumulate in a bounded in-memory block, which is flushed to a run file when full; `finish`
 * merges the runs term by term into the final files. Memory stays flat however large the corpus
 * grows (only the vocabulary and one block live in memory).
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
 * its whole document (computed at query time from the same postings), words weighing 1 and
 * bigrams 0.25. Document evidence lets a passage of a relevant article beat a lone passage that
 * happens to repeat one query word; bigrams catch words jieba cut differently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { BufferedFileWriter, GrowableUint32Array, SequentialReader, readTypedArray, writeTypedArray } from './binary-io.ts';

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

export interface Bm25Parameters {
  k1: number;
  b: number;
  /** Weight of the bigram field relative to words. */
  bigramWeight: number;
  /** Weight of the document's BM25 added to each of its passages' scores. */
  documentWeight: number;
}

export const defaultBm25: Bm25Parameters = { k1: 1.2, b: 0.75, bigramWeight: 0.25, documentWeight: 1 };

export interface LexicalStats {
  chunks: number;
  terms: number;
  postings: number;
  averageLength: number;
}

interface RunHeader {
  file: string;
  termIds: Uint32Array;
  counts: Uint32Array;
  postingsStart: number;
  frequenciesStart: number;
}

/** Builds the lexical index chunk by chunk. Chunks are numbered in the order they are added. */
export class LexicalIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly lengths = new GrowableUint32Array(1 << 14);
  private blockTerms = new GrowableUint32Array(1 << 16);
  private blockChunks = new GrowableUint32Array(1 << 16);
  private blockFrequencies = new GrowableUint32Array(1 << 16);
  private readonly runs: RunHeader[] = [];
  private totalLength = 0;
  private totalPostings = 0;

  /**
   * @param workDir folder for temporary run files (removed by `finish`)
   * @param blockPostings postings held in memory before a run is flushed to disk
   */
  constructor(
    private readonly workDir: string,
    private readonly field: LexicalField = 'words',
    private readonly blockPostings = 4_000_000,
  ) {}

  get chunkCount(): number {
    return this.lengths.length;
  }

  /** Adds the next chunk's tokens; returns its chunk number. */
  add(tokens: readonly string[]): number {
    const chunk = this.lengths.length;
    const frequencies = new Map<number, number>();
    for (const token of tokens) {
      let id = this.termIds.get(token);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(token, id);
        this.terms.push(token);
      }
      frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
    }
    for (const [id, frequency] of frequencies) {
      this.blockTerms.push(id);
      this.blockChunks.push(chunk);
      this.blockFrequencies.push(Math.min(frequency, 0xffff));
    }
    this.lengths.push(tokens.length);
    this.totalLength += tokens.length;
    this.totalPostings += frequencies.size;
    if (this.blockTerms.length >= this.blockPostings) this.flushBlock();
    return chunk;
  }

  /** Sorts the in-memory block by term (stable, so chunks stay ascending) and writes it as a run. */
  private flushBlock(): void {
    const size = this.blockTerms.length;
    if (size === 0) return;
    const blockTerms = this.blockTerms.view();
    const blockChunks = this.blockChunks.view();
    const blockFrequencies = this.blockFrequencies.view();
    const termCount = this.terms.length;
    const counts = new Uint32Array(termCount);
    for (let index = 0; index < size; index++) counts[blockTerms[index]!]!++;
    const starts = new Uint32Array(termCount);
    const presentIds = new GrowableUint32Array(1024);
    const presentCounts = new GrowableUint32Array(1024);
    let running = 0;
    for (let id = 0; id < termCount; id++) {
      starts[id] = running;
      const count = counts[id]!;
      if (count > 0) {
        presentIds.push(id);
        presentCounts.push(count);
      }
      running += count;
    }
    const sortedChunks = new Uint32Array(size);
    const sortedFrequencies = new Uint16Array(size);
    for (let index = 0; index < size; index++) {
      const slot = starts[blockTerms[index]!]!++;
      sortedChunks[slot] = blockChunks[index]!;
      sortedFrequencies[slot] = blockFrequencies[index]!;
    }
    const file = path.join(this.workDir, `lexical-${this.field}-run-${this.runs.length}.bin`);
    const writer = new BufferedFileWriter(file);
    const termIds = presentIds.view().slice();
    const runCounts = presentCounts.view().slice();
    writer.write(new Uint32Array([termIds.length]));
    writer.write(termIds);
    writer.write(runCounts);
    const postingsStart = writer.bytesWritten;
    writer.write(sortedChunks);
    const frequenciesStart = writer.bytesWritten;
    writer.write(sortedFrequencies);
    writer.close();
    this.runs.push({ file, termIds, counts: runCounts, postingsStart, frequenciesStart });
    this.blockTerms = new GrowableUint32Array(1 << 16);
    this.blockChunks = new GrowableUint32Array(1 << 16);
    this.blockFrequencies = new GrowableUint32Array(1 << 16);
  }

  /** Merges the runs into the final index files in `outDir`. */
  finish(outDir: string): LexicalStats {
    const files = lexicalFiles(this.field);
    this.flushBlock();
    const termCount = this.terms.length;
    const documentFrequency = new Uint32Array(termCount);
    for (const run of this.runs) {
      for (let index = 0; index < run.termIds.length; index++) documentFrequency[run.termIds[index]!]! += run.counts[index]!;
    }
    const offsets = new Uint32Array(termCount + 1);
    for (let id = 0; id < termCount; id++) offsets[id + 1] = offsets[id]! + documentFrequency[id]!;

    const postingsWriter = new BufferedFileWriter(path.join(outDir, files.postings));
    const frequencyWriter = new BufferedFileWriter(path.join(outDir, files.frequencies));
    const cursors = this.runs.map((run) => {
      const fd = fs.openSync(run.file, 'r');
      return { run, fd, next: 0, postings: new SequentialReader(fd, run.postingsStart), frequencies: new SequentialReader(fd, run.frequenciesStart) };
    });
    try {
      // Runs hold chunk numbers in increasing ranges, so concatenating a term's segments run by
      // run keeps its postings ascending.
      for (let id = 0; id < termCount; id++) {
        for (const cursor of cursors) {
          if (cursor.next < cursor.run.termIds.length && cursor.run.termIds[cursor.next] === id) {
            const count = cursor.run.counts[cursor.next]!;
            postingsWriter.write(cursor.postings.read(Uint32Array, count));
            frequencyWriter.write(cursor.frequencies.read(Uint16Array, count));
            cursor.next++;
          }
        }
      }
    } finally {
      for (const cursor of cursors) fs.closeSync(cursor.fd);
    }
    postingsWriter.close();
    frequencyWriter.close();
    for (const run of this.runs) fs.rmSync(run.file, { force: true });

    const order = Uint32Array.from(this.terms.keys());
    order.sort((left, right) => compareStrings(this.terms[left]!, this.terms[right]!));
    fs.writeFileSync(path.join(outDir, files.terms), this.terms.join('\n'));
    writeTypedArray(path.join(outDir, files.order), order);
    writeTypedArray(path.join(outDir, files.offsets), offsets);
    writeTypedArray(path.join(outDir, files.lengths), this.lengths.view());
    const chunks = this.lengths.length;
    return { chunks, terms: termCount, postings: this.totalPostings, averageLength: chunks === 0 ? 0 : this.totalLength / chunks };
  }
}

function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** One scored chunk. */
export interface ScoredChunk {
  chunk: number;
  score: number;
}

/** Keeps the `k` best entries seen; a small binary min-heap on score. */
export class TopK {
  private readonly chunks: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** The lowest score that would still enter a full heap. */
  get threshold(): number {
    return this.chunks.length < this.k ? -Infinity : this.scores[0]!;
  }

  offer(chunk: number, score: number): void {
    if (this.k <= 0) return;
    if (this.chunks.length < this.k) {
      this.chunks.push(chunk);
      this.scores.push(score);
      this.siftUp(this.chunks.length - 1);
    } else if (score > this.scores[0]!) {
      this.chunks[0] = chunk;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The entries, best first. */
  sorted(): ScoredChunk[] {
    return this.chunks.map((chunk, index) => ({ chunk, score: this.scores[index]! })).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  }

  private swap(a: number, b: number): void {
    [this.chunks[a], this.chunks[b]] = [this.chunks[b]!, this.chunks[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.scores[parent]! <= this.scores[index]!) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const size = this.chunks.length;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < size && this.scores[left]! < this.scores[smallest]!) smallest = left;
      if (right < size && this.scores[right]! < this.scores[smallest]!) smallest = right;
      if (smallest === index) return;
      this.swap(smallest, index);
      index = smallest;
    }
  }
}

/** The query side of one field: its tokens, each with its repeat count. */
type QueryTerms = readonly string[];

/** One loaded field: postings plus the per-chunk and per-document length normalisation. */
class FieldIndex {
  private readonly terms: string[];
  private readonly order: Uint32Array;
  private readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  readonly frequencies: Uint16Array;
  /** k1 * (1 - b + b * length / averageLength) for each chunk and each document. */
  readonly chunkNorms: Float32Array;
  readonly documentNorms: Float32Array;
  readonly chunkCount: number;

  constructor(directory: string, field: LexicalField, parameters: Bm25Parameters, chunkDocuments: Uint32Array, documentCount: number) {
    const files = lexicalFiles(field);
    const text = fs.readFileSync(path.join(directory, files.terms), 'utf8');
    this.terms = text.length === 0 ? [] : text.split('\n');
    this.order = readTypedArray(path.join(directory, files.order), Uint32Array);
    this.offsets = readTypedArray(path.join(directory, files.offsets), Uint32Array);
    this.postings = readTypedArray(path.join(directory, files.postings), Uint32Array);
    this.frequencies = readTypedArray(path.join(directory, files.frequencies), Uint16Array);
    const lengths = readTypedArray(path.join(directory, files.lengths), Uint32Array);
    const termCount = this.terms.length;
    if (
      this.order.length !== termCount ||
      this.offsets.length !== termCount + 1 ||
      this.offsets[termCount] !== this.postings.length ||
      this.frequencies.length !== this.postings.length ||
      lengths.length !== chunkDocuments.length
    ) {
      throw new AppError('INDEX_CORRUPT', `${directory}: ${field} index files do not agree with each other`);
    }
    this.chunkCount = lengths.length;
    const documentLengths = new Float64Array(documentCount);
    let total = 0;
    for (let chunk = 0; chunk < this.chunkCount; chunk++) {
      total += lengths[chunk]!;
      documentLengths[chunkDocuments[chunk]!]! += lengths[chunk]!;
    }
    const { k1, b } = parameters;
    const chunkAverage = this.chunkCount === 0 ? 1 : Math.max(1, total / this.chunkCount);
    const documentAverage = documentCount === 0 ? 1 : Math.max(1, total / documentCount);
    this.chunkNorms = new Float32Array(this.chunkCount);
    for (let chunk = 0; chunk < this.chunkCount; chunk++) this.chunkNorms[chunk] = k1 * (1 - b + (b * lengths[chunk]!) / chunkAverage);
    this.documentNorms = new Float32Array(documentCount);
    for (let document = 0; document < documentCount; document++) this.documentNorms[document] = k1 * (1 - b + (b * documentLengths[document]!) / documentAverage);
  }

  /** The term id of `term`, or -1 (binary search over the sorted order: no Map to build at load). */
  termId(term: string): number {
    let low = 0;
    let high = this.order.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const id = this.order[middle]!;
      const candidate = this.terms[id]!;
      if (candidate === term) return id;
      if (candidate < term) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Postings range of a term id. */
  range(id: number): [number, number] {
    return [this.offsets[id]!, this.offsets[id + 1]!];
  }
}

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
    directory: string,
    private readonly parameters: Bm25Parameters,
    private readonly chunkDocuments: Uint32Array,
    documentCount: number,
  ) {
    this.fields = {
      words: new FieldIndex(directory, 'words', parameters, chunkDocuments, documentCount),
      bigrams: new FieldIndex(directory, 'bigrams', parameters, chunkDocuments, documentCount),
    };
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
    return new LexicalIndex(directory, parameters, chunkDocuments, documentCount);
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
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
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
      const chunkIdf = Math.log(1 + (this.chunkCount - (end - start) + 0.5) / (end - start + 0.5));
      const chunkWeight = weight * repeat * chunkIdf;
      // Passages of a document are numbered consecutively, so a term's postings visit each
      // document in one run: sum its term frequency per document on the way.
      const termDocuments = new GrowableUint32Array(64);
      for (let index = start; index < end; index++) {
        const chunk = field.postings[index]!;
        const tf = field.frequencies[index]!;
        if (scores[chunk] === 0) touched.push(chunk);
        scores[chunk]! += (chunkWeight * tf * (k1 + 1)) / (tf + field.chunkNorms[chunk]!);
        const document = this.chunkDocuments[chunk]!;
        if (marks[document] !== id) {
          marks[document] = id;
          frequencies[document] = 0;
          termDocuments.push(document);
        }
        frequencies[document]! += tf;
      }
      const documentIdf = Math.log(1 + (documentCount - termDocuments.length + 0.5) / (termDocuments.length + 0.5));
      const documentWeight = weight * repeat * documentIdf;
      for (const document of termDocuments.view()) {
        const tf = frequencies[document]!;
        if (documentScores[document] === 0) touchedDocuments.push(document);
        documentScores[document]! += (documentWeight * tf * (k1 + 1)) / (tf + field.documentNorms[document]!);
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
