/**
 * Holds the live index snapshot and its retriever, and swaps in a new corpus version when an
 * ingest publishes one (a generation folder, or a version in the database). Requests take the
 * retriever once and keep using it, so a swap never changes the index under a running answer; the
 * old snapshot is closed after a grace period.
 */
import type { Embedder } from '../embedding/embedder.ts';
import { AppError, toAppError } from '../errors.ts';
import { EmbeddedSource } from '../index/embedded-source.ts';
import type { IndexBackendInfo, IndexSnapshot, SnapshotSource } from '../index/index-snapshot.ts';
import { Retriever, type RetrieverOptions } from './retriever.ts';

export type SearchServiceOptions = (
  | {
      /** The embedded index folder. */
      indexDir: string;
      source?: undefined;
    }
  | {
      /** Where snapshots come from, e.g. a PostgreSQL database. */
      source: SnapshotSource;
      indexDir?: undefined;
    }
) & {
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
};

export interface SearchStatus {
  ready: boolean;
  documents: number;
  chunks: number;
  mode: 'hybrid' | 'lexical' | null;
  /** Model whose vectors are searched, or null. */
  embedder: string | null;
  builtAt: string | null;
  /** What the index is built on (backend, lexical ranking, version), when one is loaded. */
  index: IndexBackendInfo | null;
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
  readonly source: SnapshotSource;

  constructor(private readonly options: SearchServiceOptions) {
    this.source = options.source ?? new EmbeddedSource(options.indexDir);
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

  /**
   * Loads (or reloads) the live generation of the embedded index at once. Keeps serving the
   * previous one if the new one fails. Processes that serve use `loadAsync`.
   */
  load(): void {
    if (!(this.source instanceof EmbeddedSource)) throw new AppError('INTERNAL', 'only the embedded index loads synchronously; use loadAsync');
    try {
      this.swapIn(this.source.loadSync({ vectorModel: this.vectorModel }));
    } catch (error) {
      this.loadError = toAppError(error);
    }
  }

  /** Makes `snapshot` the live one; the previous one is closed after the grace period. */
  private swapIn(snapshot: IndexSnapshot): void {
    const previous = this.current;
    this.current = new Retriever(snapshot, this.embedderNow, this.options.retriever);
    this.generation = snapshot.info.version;
    this.loadError = null;
    if (previous) this.retire(previous.snapshot);
  }

  /**
   * Reloads when a different corpus version is live, for a process that is serving: the new
   * version loads without blocking the event loop for long, requests keep using the current one
   * until the swap. Calls during a load share it; a version published meanwhile is loaded right
   * after. Resolves true when a new version was swapped in.
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
   * Loads the live version without blocking, for start-up (for the embedded index the HNSW graph
   * is read on another thread while the tables are parsed here, the faster way to start too).
   */
  async loadAsync(): Promise<void> {
    await this.reloadIfChangedAsync();
  }

  private async reloadOnceAsync(): Promise<boolean> {
    let generation: string | null;
    try {
      generation = await this.source.currentVersion();
    } catch (error) {
      this.loadError = toAppError(error);
      return false;
    }
    if (generation === this.generation) {
      // Nothing newer to load: an earlier failure to poll or load is over.
      this.loadError = null;
      return false;
    }
    if (generation === null) return false;
    try {
      const snapshot = await this.source.load({ vectorModel: this.vectorModel });
      if (this.closed) {
        snapshot.close();
        return false;
      }
      this.swapIn(snapshot);
      return true;
    } catch (error) {
      // Keep serving the previous version; health reports why the new one is not live.
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
      return { ready: false, documents: 0, chunks: 0, mode: null, embedder: null, builtAt: null, index: null, warnings, error: { code: error.code, message: error.message } };
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
      embedder: mode === 'hybrid' ? snapshot.vectorModel : null,
      builtAt: snapshot.builtAt,
      index: snapshot.info,
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
