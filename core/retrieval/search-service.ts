/**
 * Holds the live index snapshot and its retriever, and swaps in a new generation when an ingest
 * publishes one. Requests take the retriever once and keep using it, so a swap never changes the
 * index under a running answer; the old snapshot is closed after a grace period.
 */
import type { Embedder } from '../embedding/embedder.ts';
import { AppError, toAppError } from '../errors.ts';
import { currentGenerationDir } from '../index/generations.ts';
import { IndexSnapshot } from '../index/index-reader.ts';
import { Retriever, type RetrieverOptions } from './retriever.ts';

export interface SearchServiceOptions {
  indexDir: string;
  embedder: Embedder | null;
  /** Why there is no embedder (shown in health and logs), when there is none. */
  embedderWarning?: string | undefined;
  retriever: RetrieverOptions;
  /**
   * The model whose vectors to load, when the embedder is still loading (see `attachEmbedder`).
   * Default: the embedder's model id.
   */
  vectorModel?: string | null | undefined;
  /** How long a replaced snapshot stays open for requests that still use it. */
  closeDelayMs?: number;
}

export interface SearchStatus {
  ready: boolean;
  documents: number;
  chunks: number;
  mode: 'hybrid' | 'lexical' | null;
  /** Model whose vectors are searched, or null. */
  embedder: string | null;
  builtAt: string | null;
  warnings: string[];
  /** Why there is no usable index, when there is none. */
  error: { code: string; message: string } | null;
}

export class SearchService {
  private current: Retriever | null = null;
  private loadError: AppError | null = null;
  private generation: string | null = null;
  private readonly retiring = new Map<ReturnType<typeof setTimeout>, IndexSnapshot>();
  private reloading: Promise<boolean> | null = null;
  private reloadAgain = false;
  private closed = false;
  private embedderNow: Embedder | null;
  private embedderWarning: string | undefined;
  private vectorModel: string | null;

  constructor(private readonly options: SearchServiceOptions) {
    this.embedderNow = options.embedder;
    this.embedderWarning = options.embedderWarning;
    this.vectorModel = options.vectorModel !== undefined ? options.vectorModel : (options.embedder?.modelId ?? null);
  }

  get embedder(): Embedder | null {
    return this.embedderNow;
  }

  /**
   * Sets the query embedder once it has loaded. Start-up loads the model and the index at the
   * same time (each takes about a second on a large corpus), the index with `vectorModel` set to
   * the configured model; from here on searches embed queries with this one, or run lexical-only
   * when it is null (and later generations load without vectors).
   */
  attachEmbedder(embedder: Embedder | null, warning?: string): void {
    this.embedderNow = embedder;
    this.embedderWarning = warning;
    this.vectorModel = embedder?.modelId ?? null;
    if (this.current) this.current = new Retriever(this.current.snapshot, embedder, this.options.retriever);
  }

  /** Loads (or reloads) the live generation. Keeps serving the previous one if the new one fails. */
  load(): void {
    try {
      const generation = currentGenerationDir(this.options.indexDir);
      const snapshot = IndexSnapshot.load(this.options.indexDir, { vectorModel: this.vectorModel });
      const previous = this.current;
      this.current = new Retriever(snapshot, this.embedderNow, this.options.retriever);
      this.generation = generation;
      this.loadError = null;
      if (previous) this.retire(previous.snapshot);
    } catch (error) {
      this.loadError = toAppError(error);
      if (!this.current) return;
    }
  }

  /** Reloads when ingest has published a different generation. Returns true when it swapped. */
  reloadIfChanged(): boolean {
    let generation: string | null;
    try {
      generation = currentGenerationDir(this.options.indexDir);
    } catch {
      return false;
    }
    if (generation === null || generation === this.generation) return false;
    const before = this.current;
    this.load();
    return this.current !== before;
  }

  /**
   * `reloadIfChanged` for a process that is serving: the new generation loads without blocking
   * the event loop (see `IndexSnapshot.loadAsync`), requests keep using the current one until the
   * swap. Calls during a load share it; a generation published meanwhile is loaded right after.
   * Resolves true when a new generation was swapped in.
   */
  reloadIfChangedAsync(): Promise<boolean> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    const run = async (): Promise<boolean> => {
      let swapped = false;
      do {
        this.reloadAgain = false;
        if (await this.reloadOnceAsync()) swapped = true;
      } while (this.reloadAgain);
      return swapped;
    };
    this.reloading = run().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  /**
   * `load` without blocking, for start-up: the HNSW graph is read on another thread while the
   * tables are parsed here, which also makes it the faster way to start.
   */
  async loadAsync(): Promise<void> {
    await this.reloadIfChangedAsync();
  }

  private async reloadOnceAsync(): Promise<boolean> {
    let generation: string | null;
    try {
      generation = currentGenerationDir(this.options.indexDir);
    } catch (error) {
      this.loadError = toAppError(error);
      return false;
    }
    if (generation === null || generation === this.generation) return false;
    try {
      const snapshot = await IndexSnapshot.loadGenerationAsync(generation, { vectorModel: this.vectorModel });
      if (this.closed) {
        snapshot.close();
        return false;
      }
      const previous = this.current;
      this.current = new Retriever(snapshot, this.embedderNow, this.options.retriever);
      this.generation = generation;
      this.loadError = null;
      if (previous) this.retire(previous.snapshot);
      return true;
    } catch (error) {
      // Keep serving the previous generation; health reports why the new one is not live.
      this.loadError = toAppError(error);
      return false;
    }
  }

  private retire(snapshot: IndexSnapshot): void {
    const timer = setTimeout(() => {
      this.retiring.delete(timer);
      snapshot.close();
    }, this.options.closeDelayMs ?? 60_000);
    timer.unref();
    this.retiring.set(timer, snapshot);
  }

  /** The retriever over the live index; throws the load error when there is no index. */
  retriever(): Retriever {
    if (this.current) return this.current;
    throw this.loadError ?? new AppError('INDEX_MISSING');
  }

  status(): SearchStatus {
    const warnings: string[] = [];
    if (this.embedderWarning) warnings.push(this.embedderWarning);
    if (!this.current) {
      const error = this.loadError ?? new AppError('INDEX_MISSING');
      return { ready: false, documents: 0, chunks: 0, mode: null, embedder: null, builtAt: null, warnings, error: { code: error.code, message: error.message } };
    }
    const snapshot = this.current.snapshot;
    const vectorProblem = snapshot.vectorStatus(this.embedderNow?.modelId ?? null);
    if (vectorProblem && !this.embedderWarning) warnings.push(`vector search is off: ${vectorProblem}`);
    if (this.loadError) warnings.push(`a newer index could not be loaded: ${this.loadError.message}`);
    const mode = this.current.mode;
    return {
      ready: true,
      documents: snapshot.documents.length,
      chunks: snapshot.chunkCount,
      mode,
      embedder: mode === 'hybrid' ? (snapshot.manifest.embedding?.model ?? null) : null,
      builtAt: snapshot.manifest.createdAt,
      warnings,
      error: null,
    };
  }

  /** Closes every snapshot now (server shutdown). */
  close(): void {
    this.closed = true;
    for (const [timer, snapshot] of this.retiring) {
      clearTimeout(timer);
      snapshot.close();
    }
    this.retiring.clear();
    this.current?.snapshot.close();
    this.current = null;
  }
}
