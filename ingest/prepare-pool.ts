/**
 * Runs `analyzeArticle` for an ingest, in order. Large corpora go through worker threads: jieba,
 * cleaning and chunking take most of an ingest's CPU and need nothing but the article, so they run
 * on the other cores while the main thread reads files, folds duplicates and builds the index.
 * Small corpora (and tests) run inline: starting a worker and loading its dictionary costs more
 * than analysing a few articles.
 *
 * `analyzeInOrder` keeps a bounded number of batches in flight, so memory stays flat however large
 * the corpus, and hands results back in exactly the order the items came in.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { IngestProblem, SourceArticle } from '../core/documents.ts';
import { AppError } from '../core/errors.ts';
import type { LexicalBuildState } from '../core/index/lexical-builder.ts';
import type { LexicalStats } from '../core/index/lexical-index.ts';
import type { ChunkOptions } from '../core/text/chunk.ts';
import { startTsWorker } from '../core/ts-worker.ts';
import { analyzeArticle, type AnalyzedArticle } from './analyze-article.ts';
import type { PrepareReply, PrepareRequest } from './prepare-worker.ts';

/** Worker threads to use by default: every core but the one the main thread needs, at most 4. */
export function defaultPrepareWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

interface PendingRequest {
  resolve: (reply: PrepareReply) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads that analyse batches of articles, and at the end of an ingest can
 * finish a lexical field while the main thread finishes the other. Workers take work only once they
 * have loaded (their code and the jieba dictionary): until then the caller analyses inline, so a
 * start-up never leaves the main thread waiting.
 */
export class PreparePool {
  private readonly pending = new Map<number, PendingRequest>();
  private readonly load: number[];
  private readonly ready: boolean[];
  private nextId = 0;
  private failure: Error | null = null;
  /** Called whenever a worker becomes ready (the caller then hands out queued batches). */
  onReady: () => void = () => undefined;

  private constructor(private readonly workers: Worker[]) {
    this.load = workers.map(() => 0);
    this.ready = workers.map(() => false);
    workers.forEach((worker, index) => {
      worker.on('message', (message: PrepareReply | { ready: true }) => {
        if ('ready' in message) {
          this.ready[index] = true;
          this.onReady();
          return;
        }
        const request = this.pending.get(message.id);
        this.pending.delete(message.id);
        this.load[index]!--;
        request?.resolve(message);
      });
      worker.on('error', (error) => {
        // A worker that never started is simply not used; one that fails mid-way fails the ingest.
        if (this.ready[index]) this.fail(error);
      });
      worker.on('exit', (code) => {
        if (this.ready[index] && code !== 0) this.fail(new Error(`a prepare worker exited with code ${code}`));
        this.ready[index] = false;
      });
    });
  }

  /** Starts `count` workers; they take batches once they are ready (see `readyCount`). */
  static start(count: number, chunking: ChunkOptions, keepIndexText: boolean): PreparePool {
    return new PreparePool(Array.from({ length: count }, () => startTsWorker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { chunking, keepIndexText } })));
  }

  /** Workers that have loaded and can take batches. */
  get readyCount(): number {
    return this.ready.filter(Boolean).length;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = new AppError('INTERNAL', `an ingest worker thread failed: ${error.message}`, { cause: error });
    for (const batch of this.pending.values()) batch.reject(this.failure);
    this.pending.clear();
  }

  /** Analyses a batch on the least busy ready worker (call only when `readyCount` > 0). */
  async analyze(articles: SourceArticle[]): Promise<AnalyzedArticle[]> {
    const reply = await this.request((id) => ({ id, articles }));
    if (!('results' in reply)) throw new AppError('INTERNAL', 'an ingest worker thread answered a batch with something else');
    return reply.results;
  }

  /**
   * Finishes a lexical field on the least busy ready worker (see `LexicalIndexBuilder.handOver`);
   * null when no worker is ready, and then the caller finishes it.
   */
  finishLexical(state: LexicalBuildState, outDir: string): Promise<LexicalStats> | null {
    if (this.readyCount === 0) return null;
    return this.request((id) => ({ id, lexical: state, outDir })).then((reply) => {
      if (!('stats' in reply)) throw new AppError('INTERNAL', 'an ingest worker thread answered a lexical field with something else');
      return reply.stats;
    });
  }

  private request(message: (id: number) => PrepareRequest): Promise<PrepareReply> {
    if (this.failure) return Promise.reject(this.failure);
    let chosen = -1;
    for (let index = 0; index < this.workers.length; index++) {
      if (this.ready[index] && (chosen < 0 || this.load[index]! < this.load[chosen]!)) chosen = index;
    }
    if (chosen < 0) return Promise.reject(new AppError('INTERNAL', 'no ingest worker thread is ready'));
    const id = this.nextId++;
    this.load[chosen]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[chosen]!.postMessage(message(id));
    });
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    // `terminate` makes workers exit with code 1; that is not a failure.
    this.failure ??= new AppError('INTERNAL', 'the prepare pool is closed');
    this.ready.fill(false);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** An item read from the corpus, as the ordered stage passes it on. */
export type SourceItem<Marker> = { kind: 'article'; article: SourceArticle } | { kind: 'problem'; problem: IngestProblem } | { kind: 'marker'; marker: Marker };

/** A source item after analysis: articles come with their result. */
export type AnalyzedItem<Marker> =
  | { kind: 'article'; article: SourceArticle; result: AnalyzedArticle }
  | { kind: 'problem'; problem: IngestProblem }
  | { kind: 'marker'; marker: Marker };

type BatchSlot = {
  kind: 'batch';
  articles: SourceArticle[];
  /** queued: not sent yet; sent: at a worker; done: results are in. */
  state: 'queued' | 'sent' | 'done';
  promise?: Promise<void>;
  results?: AnalyzedArticle[];
};
type Slot<Marker> = BatchSlot | Exclude<AnalyzedItem<Marker>, { kind: 'article' }>;

/**
 * Analyses the articles of `source` (with `pool`, or inline when it is null) and yields every
 * item in source order. Problems and markers (e.g. "file done") keep their place between articles.
 *
 * With a pool, the calling thread helps too: when the batch it needs next is still at a worker,
 * it analyses a later batch itself instead of waiting. On two cores one worker plus this thread
 * then keep both cores busy, whatever the split between analysis and index building.
 */
export async function* analyzeInOrder<Marker>(
  source: AsyncIterable<SourceItem<Marker>>,
  pool: PreparePool | null,
  chunking: ChunkOptions,
  { batchSize = 32, batchesInFlight = 16, keepIndexText = true }: { batchSize?: number; batchesInFlight?: number; keepIndexText?: boolean } = {},
): AsyncGenerator<AnalyzedItem<Marker>> {
  if (!pool) {
    for await (const item of source) {
      yield item.kind === 'article' ? { kind: 'article', article: item.article, result: analyzeArticle(item.article, chunking, { keepIndexText }) } : item;
    }
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  // Read-ahead: `batchesInFlight` batches at each worker plus 8 for this thread to take. Fewer at a
  // worker and it runs dry while this thread is busy between turns of the event loop; fewer spare
  // and this thread waits, more and its own work (the index) lags (docs/performance.md, "Read-ahead").
  const maxBatches = pool.size * batchesInFlight + 8;
  const slots: Slot<Marker>[] = [];
  let current: SourceArticle[] = [];
  let batches = 0;
  let sent = 0;
  let exhausted = false;

  const send = (slot: BatchSlot): void => {
    slot.state = 'sent';
    sent++;
    slot.promise = pool.analyze(slot.articles).then((results) => {
      slot.results = results;
      slot.state = 'done';
      sent--;
      sendQueued();
    });
    // A failure is rethrown where the slot is awaited; this only stops an unhandled-rejection
    // crash when an earlier slot fails first.
    slot.promise.catch(() => undefined);
  };
  const sendQueued = (): void => {
    const maxSent = pool.readyCount * batchesInFlight;
    for (const slot of slots) {
      if (sent >= maxSent) return;
      if (slot.kind === 'batch' && slot.state === 'queued') send(slot);
    }
  };
  const runInline = (slot: BatchSlot): void => {
    slot.results = slot.articles.map((article) => analyzeArticle(article, chunking, { keepIndexText }));
    slot.state = 'done';
  };
  const closeBatch = (): void => {
    if (current.length === 0) return;
    slots.push({ kind: 'batch', articles: current, state: 'queued' });
    batches++;
    current = [];
  };
  /** Reads until one more batch is formed or the source ends. */
  const readMore = async (): Promise<void> => {
    const before = batches;
    while (!exhausted && batches === before) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        closeBatch();
        break;
      }
      const item = next.value;
      if (item.kind === 'article') {
        current.push(item.article);
        if (current.length >= batchSize) closeBatch();
      } else {
        closeBatch();
        slots.push(item);
      }
    }
    sendQueued();
  };

  pool.onReady = sendQueued;
  try {
    for (;;) {
      while (!exhausted && batches < maxBatches) await readMore();
      const head = slots[0];
      if (head === undefined) {
        if (exhausted) return;
        continue;
      }
      if (head.kind !== 'batch') {
        slots.shift();
        yield head;
        continue;
      }
      if (head.state === 'queued') runInline(head);
      else if (head.state === 'sent') {
        // Take the batch furthest back: the workers go on with the earlier ones in order.
        const spare = slots.findLast((slot): slot is BatchSlot => slot.kind === 'batch' && slot.state === 'queued');
        if (spare) {
          runInline(spare);
          continue;
        }
        await head.promise;
      }
      slots.shift();
      batches--;
      const results = head.results!;
      for (let index = 0; index < head.articles.length; index++) yield { kind: 'article', article: head.articles[index]!, result: results[index]! };
      // Worker results arrive as messages, which wait for a turn of the event loop; consuming
      // items only runs microtasks. Without this turn the workers could sit idle with their
      // results unread while this thread keeps busy.
      await new Promise<void>((resolve) => setImmediate(resolve));
      sendQueued();
    }
  } finally {
    pool.onReady = () => undefined;
    await iterator.return?.();
  }
}
