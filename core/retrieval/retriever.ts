/**
 * Hybrid retrieval: BM25 over jieba tokens and HNSW vector search (when a model is loaded),
 * fused by reciprocal rank, filtered by college and year inside both searches, and diversified
 * so one article does not fill the list.
 */
import type { Embedder } from '../embedding/embedder.ts';
import { throwIfAborted } from '../errors.ts';
import type { IndexSnapshot, IndexedChunk, PassageFilter, ScoredChunk } from '../index/index-snapshot.ts';
import { toSimplified } from '../text/simplified.ts';
import { analyzeQuery } from '../text/tokenize.ts';

/** Which passages a search may return (see `PassageFilter`). */
export type SearchFilters = PassageFilter;

export interface SearchOptions {
  k: number;
  filters?: SearchFilters | undefined;
  /** Passages per article before others get a turn (later passages still fill up to k). Default 2. */
  maxPerDocument?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The query's vector from `embedQuery`, when several searches share one question. */
  queryVector?: Float32Array | undefined;
}

export interface SearchHit {
  chunk: IndexedChunk;
  /** Fused score (reciprocal-rank sum); higher is better. */
  score: number;
  lexicalScore: number | null;
  vectorScore: number | null;
  /** 1-based place in each ranking before fusion; null (or absent) when that search did not return the passage. */
  lexicalRank?: number | null;
  vectorRank?: number | null;
}

export interface SearchTimings {
  embedMs: number;
  lexicalMs: number;
  vectorMs: number;
  fuseMs: number;
  totalMs: number;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** `hybrid` when vectors took part, `lexical` otherwise. */
  mode: 'hybrid' | 'lexical';
  queryTokens: string[];
  timings: SearchTimings;
}

export interface RetrieverOptions {
  /** HNSW search breadth. */
  efSearch: number;
  /** Candidates taken from each search before fusion. */
  candidates?: number;
  /** Reciprocal-rank constant (60 in the original paper). */
  rrfK?: number;
  /** Weight of the lexical ranking in fusion (vector ranking weighs 1). */
  lexicalWeight?: number;
  /** Filtered searches that let through at most this many passages are scored exactly instead of by HNSW. */
  exactSearchLimit?: number;
}

const now = (): number => performance.now();

/**
 * Filters that let through at most this many passages are scored exactly: up to here it stays
 * well under the filtered graph walk's tail (docs/performance.md, "Filtered vector search").
 */
const defaultExactSearchLimit = 5_000;

/** Searches one index snapshot. Cheap to create; holds no per-query state. */
export class Retriever {
  private readonly candidates: number;
  private readonly rrfK: number;
  private readonly lexicalWeight: number;
  private readonly exactSearchLimit: number;

  constructor(
    readonly snapshot: IndexSnapshot,
    /** Used only when the snapshot has vectors from the same model. */
    private readonly embedder: Embedder | null,
    private readonly options: RetrieverOptions,
  ) {
    this.candidates = options.candidates ?? 100;
    this.rrfK = options.rrfK ?? 60;
    this.lexicalWeight = options.lexicalWeight ?? 1;
    this.exactSearchLimit = options.exactSearchLimit ?? defaultExactSearchLimit;
  }

  /** Whether queries use vectors as well as BM25. */
  get mode(): 'hybrid' | 'lexical' {
    return this.embedder && this.snapshot.vectorModel === this.embedder.modelId ? 'hybrid' : 'lexical';
  }

  /**
   * The query's vector for `search` (null in lexical mode): a comparison searches once per
   * college with the same question, and embeds it once.
   */
  async embedQuery(query: string, signal?: AbortSignal): Promise<Float32Array | null> {
    return this.mode === 'hybrid' ? this.embedder!.embedQuery(query, signal) : null;
  }

  /** The `k` best passages for `query`. */
  async search(userQuery: string, options: SearchOptions): Promise<SearchResponse> {
    // A query in traditional characters searches the simplified articles.
    const query = toSimplified(userQuery);
    const started = now();
    const want = Math.max(this.candidates, options.k * 3);
    const analyzed = analyzeQuery(query);
    const queryTokens = analyzed.words;

    const lexicalStarted = now();
    const lexical = await this.snapshot.lexicalSearch(analyzed, want, options.filters, options.signal);
    const lexicalMs = now() - lexicalStarted;

    let vector: ScoredChunk[] = [];
    let embedMs = 0;
    let vectorMs = 0;
    const mode = this.mode;
    if (mode === 'hybrid') {
      const embedStarted = now();
      const queryVector = options.queryVector ?? (await this.embedder!.embedQuery(query, options.signal));
      embedMs = now() - embedStarted;
      throwIfAborted(options.signal);
      const vectorStarted = now();
      vector = await this.snapshot.vectorSearch(queryVector, want, options.filters, {
        efSearch: this.options.efSearch,
        exactSearchLimit: this.exactSearchLimit,
        signal: options.signal,
      });
      vectorMs = now() - vectorStarted;
    }

    const fuseStarted = now();
    const fused = new Map<number, Omit<SearchHit, 'chunk'>>();
    lexical.forEach(({ chunk, score }, rank) => {
      fused.set(chunk, { score: this.lexicalWeight / (this.rrfK + rank + 1), lexicalScore: score, vectorScore: null, lexicalRank: rank + 1, vectorRank: null });
    });
    vector.forEach(({ chunk, score }, rank) => {
      const entry = fused.get(chunk);
      const contribution = 1 / (this.rrfK + rank + 1);
      if (entry) {
        entry.score += contribution;
        entry.vectorScore = score;
        entry.vectorRank = rank + 1;
      } else fused.set(chunk, { score: contribution, lexicalScore: null, vectorScore: score, lexicalRank: null, vectorRank: rank + 1 });
    });
    const ranked = [...fused.entries()].sort((left, right) => right[1].score - left[1].score || left[0] - right[0]);
    const chosen = diversify(
      ranked.map(([chunk]) => chunk),
      (chunk) => this.snapshot.chunkDocument(chunk).number,
      options.k,
      options.maxPerDocument ?? 2,
    );
    await this.snapshot.preloadTexts(chosen.map((chunk) => this.snapshot.chunkDocument(chunk)));
    const hits: SearchHit[] = chosen.map((chunk) => ({ chunk: this.snapshot.chunk(chunk), ...fused.get(chunk)! }));
    const fuseMs = now() - fuseStarted;
    return { hits, mode, queryTokens, timings: { embedMs, lexicalMs, vectorMs, fuseMs, totalMs: now() - started } };
  }
}

/**
 * Picks `k` items in rank order, at most `perGroup` from each group on the first pass; when that
 * leaves the list short (few articles match), the best of the rest fill it up.
 */
export function diversify(ranked: readonly number[], groupOf: (item: number) => number, k: number, perGroup: number): number[] {
  const chosen: number[] = [];
  const overflow: number[] = [];
  const counts = new Map<number, number>();
  for (const item of ranked) {
    if (chosen.length >= k) break;
    const group = groupOf(item);
    const count = counts.get(group) ?? 0;
    if (count < perGroup) {
      chosen.push(item);
      counts.set(group, count + 1);
    } else overflow.push(item);
  }
  for (const item of overflow) {
    if (chosen.length >= k) break;
    chosen.push(item);
  }
  return chosen;
}
