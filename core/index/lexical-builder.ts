/**
 * Builds the lexical index chunk by chunk, SPIMI-style: postings fill a bounded in-memory block
 * that is flushed to a run file when full, and `finish` merges the runs a window of terms at a time,
 * so memory stays flat however large the corpus grows (the files are described in lexical-index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { longWordMarker, packLongWord, wordKey, wordOfKey, wordOfLongKey } from '../text/tokenize.ts';
import { BufferedFileWriter, GrowableUint32Array, SequentialReader, writeTypedArray } from './binary-io.ts';
import { LongTable, PairTable } from './lexical-hash-tables.ts';
import { lexicalFiles, type LexicalField, type LexicalStats } from './lexical-index.ts';
import { sortedTermOrder } from './term-order.ts';

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
