/**
 * BM25 over jieba words and Chinese character bigrams, on disk as flat typed arrays.
 *
 * Each field (words, bigrams) is an inverted index of its own. Building is SPIMI-style: postings
 * accumulate in a bounded in-memory block, which is flushed to a run file when full; `finish`
 * merges the runs into the final files a window of terms at a time. Memory stays flat however large
 * the corpus grows (only the vocabulary, one block and one merge window live in memory).
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
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { longWordMarker, packLongWord, wordKey, wordOfKey, wordOfLongKey } from '../text/tokenize.ts';
import { BufferedFileWriter, GrowableUint32Array, SequentialReader, decodeInSlices, runLoaderSync, typedArrayOf, writeTypedArray, type Loader } from './binary-io.ts';
import { LongTable, PairTable } from './lexical-hash-tables.ts';
import { sortedTermOrder } from './term-order.ts';
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

/** A run file on disk and the term ids and posting counts it holds, in term order. */
interface RunHeader {
  file: string;
  termIds: Uint32Array;
  counts: Uint32Array;
  postingsStart: number;
  frequenciesStart: number;
}

const emptyKeys = new Uint32Array(0);

/**
 * A builder's state once every chunk is in and every block is on disk: all another thread needs
 * to run `finish` (see `LexicalIndexBuilder.handOver` and `resume`). Structured-clonable.
 */
export interface LexicalBuildState {
  workDir: string;
  field: LexicalField;
  mergeWindow: number;
  terms: string[];
  runs: RunHeader[];
  lengths: Uint32Array;
  totalLength: number;
  totalPostings: number;
}

/** Builds the lexical index chunk by chunk. Chunks are numbered in the order they are added. */
export class LexicalIndexBuilder {
  /** Ids of terms neither `wordKey` nor `packLongWord` packs (the others are in `pairIds` and `longIds`). */
  private readonly termIds = new Map<string, number>();
  private readonly pairIds = new PairTable();
  private readonly longIds = new LongTable();
  /** Scratch for `packLongWord` in `add`. */
  private readonly longKey = new Uint32Array(2);
  private terms: string[] = [];
  private readonly lengths = new GrowableUint32Array(1 << 14);
  private blockTerms = new GrowableUint32Array(1 << 16);
  private blockChunks = new GrowableUint32Array(1 << 16);
  private blockFrequencies = new GrowableUint32Array(1 << 16);
  private runs: RunHeader[] = [];
  /** Set by `handOver`: the state now belongs to another builder. */
  private handedOver = false;
  private totalLength = 0;
  private totalPostings = 0;
  /** Per-chunk term counts by term id, reused across chunks (zeroed after each); grows with the vocabulary. */
  private counts = new Uint32Array(1 << 16);
  private readonly chunkTerms = new GrowableUint32Array(1024);

  /**
   * @param workDir folder for temporary run files (removed by `finish`)
   * @param blockPostings postings held in memory before a run is flushed to disk. 2M (24 MB per
   *   field) keeps ingest memory nearly flat; 4M cost about 60 MB more peak memory at 100k passages
   *   for a final merge about 0.3 s shorter (bench/results).
   */
  constructor(
    private readonly workDir: string,
    private readonly field: LexicalField = 'words',
    private readonly blockPostings = 2_000_000,
    /** Postings the final merge assembles in memory at a time (2M: 8 MB of chunk numbers, 4 MB of frequencies). */
    private readonly mergeWindow = 1 << 21,
  ) {}

  get chunkCount(): number {
    return this.lengths.length;
  }

  /** Adds the next chunk's tokens; returns its chunk number. */
  add(tokens: readonly string[]): number {
    const chunk = this.lengths.length;
    // This loop runs once per token of the corpus and was the builder's hot spot: terms of one to
    // four units are looked up by their code units (see PairTable, LongTable), and counts go to a
    // reused typed array instead of a Map per chunk. Postings keep first-occurrence order.
    const chunkTerms = this.chunkTerms;
    chunkTerms.length = 0;
    for (const token of tokens) {
      const key = wordKey(token);
      let id: number;
      if (key !== 0) id = this.idOfKey(key | 0);
      else if (packLongWord(token, this.longKey, 0)) id = this.idOfLong(this.longKey[0]! | 0, this.longKey[1]! | 0);
      else id = this.idOfOther(token);
      if (this.counts[id]!++ === 0) chunkTerms.push(id);
    }
    this.finishChunk(chunk, tokens.length);
    return chunk;
  }

  /**
   * Adds the next chunk's tokens packed as `PackedAnalysis` packs words (`wordKey`s; for
   * `longWordMarker` the next pair of `longKeys`, for 0 the next of `otherTokens`), or as
   * `bigramKey`s: the same as `add` with the corresponding strings, but no string is made or
   * hashed except for a term seen for the first time. Returns the chunk number.
   */
  addKeys(keys: Uint32Array, otherTokens: readonly string[] = [], longKeys: Uint32Array = emptyKeys): number {
    const chunk = this.lengths.length;
    const chunkTerms = this.chunkTerms;
    chunkTerms.length = 0;
    let other = 0;
    let long = 0;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]! | 0;
      let id: number;
      if (key === longWordMarker) {
        if (long + 1 >= longKeys.length) throw new Error(`chunk ${chunk}: more long-word markers than long keys (${longKeys.length / 2})`);
        id = this.idOfLong(longKeys[long]! | 0, longKeys[long + 1]! | 0);
        long += 2;
      } else if (key === 0) {
        const token = otherTokens[other++];
        if (token === undefined) throw new Error(`chunk ${chunk}: more 0 keys than other tokens (${otherTokens.length})`);
        id = this.idOfOther(token);
      } else id = this.idOfKey(key);
      if (this.counts[id]!++ === 0) chunkTerms.push(id);
    }
    this.finishChunk(chunk, keys.length);
    return chunk;
  }

  /** The id of a three- or four-unit term given as `packLongWord` packs it, registered when new. */
  private idOfLong(high: number, low: number): number {
    let id = this.longIds.get(high, low);
    if (id < 0) {
      id = this.newTerm(wordOfLongKey(high >>> 0, low >>> 0));
      this.longIds.set(high, low, id);
    }
    return id;
  }

  /** The id of a term given by its (non-zero) key, registered when new. */
  private idOfKey(key: number): number {
    let id = this.pairIds.get(key);
    if (id < 0) {
      id = this.newTerm(wordOfKey(key >>> 0));
      this.pairIds.set(key, id);
    }
    return id;
  }

  /** The id of a term that has no key, registered when new. */
  private idOfOther(token: string): number {
    let id = this.termIds.get(token);
    if (id === undefined) {
      id = this.newTerm(token);
      this.termIds.set(token, id);
    }
    return id;
  }

  /** Moves the current chunk's counts into the postings block. */
  private finishChunk(chunk: number, tokenCount: number): void {
    const counts = this.counts;
    const ids = this.chunkTerms.view();
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index]!;
      this.blockTerms.push(id);
      this.blockChunks.push(chunk);
      this.blockFrequencies.push(Math.min(counts[id]!, 0xffff));
      counts[id] = 0;
    }
    this.lengths.push(tokenCount);
    this.totalLength += tokenCount;
    this.totalPostings += ids.length;
    if (this.blockTerms.length >= this.blockPostings) this.flushBlock();
  }

  /** Registers a new term; returns its id. */
  private newTerm(token: string): number {
    const id = this.terms.length;
    this.terms.push(token);
    if (id >= this.counts.length) {
      const bigger = new Uint32Array(this.counts.length * 2);
      bigger.set(this.counts);
      this.counts = bigger;
    }
    return id;
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
    // A run file is scratch: a crash abandons the whole build, so it need not reach the disk.
    writer.close({ sync: false });
    this.runs.push({ file, termIds, counts: runCounts, postingsStart, frequenciesStart });
    this.blockTerms = new GrowableUint32Array(1 << 16);
    this.blockChunks = new GrowableUint32Array(1 << 16);
    this.blockFrequencies = new GrowableUint32Array(1 << 16);
  }

  /**
   * Writes the last block as a run and returns what `finish` needs, so that another thread can
   * finish the field (`LexicalIndexBuilder.resume(state).finish(outDir)`) while this one finishes
   * another. This builder cannot be used afterwards.
   */
  handOver(): LexicalBuildState {
    this.checkNotHandedOver();
    this.flushBlock();
    this.handedOver = true;
    return {
      workDir: this.workDir,
      field: this.field,
      mergeWindow: this.mergeWindow,
      terms: this.terms,
      runs: this.runs,
      lengths: this.lengths.view(),
      totalLength: this.totalLength,
      totalPostings: this.totalPostings,
    };
  }

  /** A builder holding the state another one handed over, ready to `finish`. */
  static resume(state: LexicalBuildState): LexicalIndexBuilder {
    const builder = new LexicalIndexBuilder(state.workDir, state.field, undefined, state.mergeWindow);
    builder.terms = state.terms;
    builder.runs = state.runs;
    for (let index = 0; index < state.lengths.length; index++) builder.lengths.push(state.lengths[index]!);
    builder.totalLength = state.totalLength;
    builder.totalPostings = state.totalPostings;
    return builder;
  }

  private checkNotHandedOver(): void {
    if (this.handedOver) throw new Error(`the ${this.field} index was handed over to another builder`);
  }

  /** Merges the runs into the final index files in `outDir`. */
  finish(outDir: string): LexicalStats {
    this.checkNotHandedOver();
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
      // The output is assembled a window of terms at a time: each run's segments for the window's
      // terms are one contiguous read, scattered to their final places. Visiting every run for
      // every term instead cost (terms × runs) steps and a copy call per segment, 1.1–2.6 s at 100k
      // passages, most bigrams having a posting or two in a single run. Runs hold chunk numbers in
      // increasing ranges, so placing them run by run keeps each term's postings ascending.
      let largest = 0;
      for (let id = 0; id < termCount; id++) largest = Math.max(largest, documentFrequency[id]!);
      const capacity = Math.max(this.mergeWindow, largest);
      const windowPostings = new Uint32Array(capacity);
      const windowFrequencies = new Uint16Array(capacity);
      const fill = new Uint32Array(termCount);
      for (let low = 0; low < termCount; ) {
        let high = low + 1;
        while (high < termCount && offsets[high + 1]! - offsets[low]! <= capacity) high++;
        const base = offsets[low]!;
        for (let id = low; id < high; id++) fill[id] = offsets[id]! - base;
        for (const cursor of cursors) {
          const { termIds, counts } = cursor.run;
          let end = cursor.next;
          let total = 0;
          while (end < termIds.length && termIds[end]! < high) total += counts[end++]!;
          if (total === 0) continue;
          const postings = cursor.postings.read(Uint32Array, total);
          const frequencies = cursor.frequencies.read(Uint16Array, total);
          let from = 0;
          for (let segment = cursor.next; segment < end; segment++) {
            const id = termIds[segment]!;
            let to = fill[id]!;
            for (let left = counts[segment]!; left > 0; left--) {
              windowPostings[to] = postings[from]!;
              windowFrequencies[to] = frequencies[from]!;
              to++;
              from++;
            }
            fill[id] = to;
          }
          cursor.next = end;
        }
        const size = offsets[high]! - base;
        postingsWriter.write(windowPostings.subarray(0, size));
        frequencyWriter.write(windowFrequencies.subarray(0, size));
        low = high;
      }
    } finally {
      for (const cursor of cursors) fs.closeSync(cursor.fd);
    }
    postingsWriter.close();
    frequencyWriter.close();
    for (const run of this.runs) fs.rmSync(run.file, { force: true });

    const order = sortedTermOrder(this.terms);
    fs.writeFileSync(path.join(outDir, files.terms), this.terms.join('\n'));
    writeTypedArray(path.join(outDir, files.order), order);
    writeTypedArray(path.join(outDir, files.offsets), offsets);
    writeTypedArray(path.join(outDir, files.lengths), this.lengths.view());
    const chunks = this.lengths.length;
    return { chunks, terms: termCount, postings: this.totalPostings, averageLength: chunks === 0 ? 0 : this.totalLength / chunks };
  }
}

/** The query side of one field: its tokens, each with its repeat count. */
type QueryTerms = readonly string[];

/** One loaded field: postings plus the per-chunk and per-document length normalisation. */
class FieldIndex {
  /** All terms in term-id order, newline-separated, as one string (see `termStarts`). */
  private readonly termText: string;
  /**
   * Where each term starts in `termText` (length V + 1; the last entry is one past the end).
   * One string and an offset table instead of an array of a million small strings: loading is a
   * scan instead of a split, and the server's heap holds two objects instead of a million.
   */
  private readonly termStarts: Uint32Array;
  private readonly order: Uint32Array;
  private readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  readonly frequencies: Uint16Array;
  /** k1 * (1 - b + b * length / averageLength) for each chunk and each document. */
  readonly chunkNorms: Float32Array;
  readonly documentNorms: Float32Array;
  readonly chunkCount: number;

  private constructor(parts: {
    termText: string;
    termStarts: Uint32Array;
    order: Uint32Array;
    offsets: Uint32Array;
    postings: Uint32Array;
    frequencies: Uint16Array;
    chunkNorms: Float32Array;
    documentNorms: Float32Array;
  }) {
    this.termText = parts.termText;
    this.termStarts = parts.termStarts;
    this.order = parts.order;
    this.offsets = parts.offsets;
    this.postings = parts.postings;
    this.frequencies = parts.frequencies;
    this.chunkNorms = parts.chunkNorms;
    this.documentNorms = parts.documentNorms;
    this.chunkCount = parts.chunkNorms.length;
  }

  /** Loads one field's files (see `runLoaderSync` / `runLoaderAsync`). */
  static *load(directory: string, field: LexicalField, parameters: Bm25Parameters, chunkDocuments: Uint32Array, documentCount: number): Loader<FieldIndex> {
    const files = lexicalFiles(field);
    const file = (name: string): string => path.join(directory, name);
    const termText = yield* decodeInSlices((yield { read: file(files.terms) })!);
    yield { pause: true };
    const starts = new GrowableUint32Array(1 << 16);
    if (termText.length > 0) starts.push(0);
    for (let at = termText.indexOf('\n'); at >= 0; at = termText.indexOf('\n', at + 1)) {
      starts.push(at + 1);
      // A million-term vocabulary takes tens of milliseconds to scan: do it in slices.
      if ((starts.length & 0xffff) === 0) yield { pause: true };
    }
    const termCount = starts.length;
    starts.push(termText.length + 1);
    const termStarts = starts.view();
    yield { pause: true };
    const order = typedArrayOf((yield { read: file(files.order) })!, Uint32Array, file(files.order));
    const offsets = typedArrayOf((yield { read: file(files.offsets) })!, Uint32Array, file(files.offsets));
    const postings = typedArrayOf((yield { read: file(files.postings) })!, Uint32Array, file(files.postings));
    const frequencies = typedArrayOf((yield { read: file(files.frequencies) })!, Uint16Array, file(files.frequencies));
    const lengths = typedArrayOf((yield { read: file(files.lengths) })!, Uint32Array, file(files.lengths));
    if (
      order.length !== termCount ||
      offsets.length !== termCount + 1 ||
      offsets[termCount] !== postings.length ||
      frequencies.length !== postings.length ||
      lengths.length !== chunkDocuments.length
    ) {
      throw new AppError('INDEX_CORRUPT', `${directory}: ${field} index files do not agree with each other`);
    }
    const chunkCount = lengths.length;
    const documentLengths = new Float64Array(documentCount);
    let total = 0;
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      total += lengths[chunk]!;
      documentLengths[chunkDocuments[chunk]!]! += lengths[chunk]!;
    }
    const { k1, b } = parameters;
    const chunkAverage = chunkCount === 0 ? 1 : Math.max(1, total / chunkCount);
    const documentAverage = documentCount === 0 ? 1 : Math.max(1, total / documentCount);
    const chunkNorms = new Float32Array(chunkCount);
    for (let chunk = 0; chunk < chunkCount; chunk++) chunkNorms[chunk] = k1 * (1 - b + (b * lengths[chunk]!) / chunkAverage);
    const documentNorms = new Float32Array(documentCount);
    for (let document = 0; document < documentCount; document++) documentNorms[document] = k1 * (1 - b + (b * documentLengths[document]!) / documentAverage);
    yield { pause: true };
    return new FieldIndex({ termText, termStarts, order, offsets, postings, frequencies, chunkNorms, documentNorms });
  }

  /** Compares term `id` with `term` by UTF-16 code units, as `<` does, without slicing it out. */
  private compareTerm(id: number, term: string): number {
    const start = this.termStarts[id]!;
    const length = this.termStarts[id + 1]! - 1 - start;
    const text = this.termText;
    const shared = Math.min(length, term.length);
    for (let index = 0; index < shared; index++) {
      const difference = text.charCodeAt(start + index) - term.charCodeAt(index);
      if (difference !== 0) return difference;
    }
    return length - term.length;
  }

  /** The term id of `term`, or -1 (binary search over the sorted order: no Map to build at load). */
  termId(term: string): number {
    let low = 0;
    let high = this.order.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const id = this.order[middle]!;
      const comparison = this.compareTerm(id, term);
      if (comparison === 0) return id;
      if (comparison < 0) low = middle + 1;
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
    const words = yield* FieldIndex.load(directory, 'words', parameters, chunkDocuments, documentCount);
    yield { pause: true };
    const bigrams = yield* FieldIndex.load(directory, 'bigrams', parameters, chunkDocuments, documentCount);
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
