/**
 * Re-ingests the corpus while the server keeps answering. The ingest runs in a child process
 * (`ingest/cli.ts`) at a lower CPU priority, so tokenising and index building never run on the
 * server's event loop; it publishes a new generation through the CURRENT pointer, and the server
 * then swaps it in with a non-blocking load (`SearchService.reloadIfChangedAsync`).
 *
 * Runs happen when asked (`run`), or after the corpus folder changes (`watch`, debounced so a
 * copy of many files triggers one ingest). A request during a run queues exactly one more run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestProgress } from '../ingest/pipeline.ts';
import type { IngestChildMessage } from '../ingest/run.ts';

/** Where the reindexer reports (pino's logger fits). */
export interface ReindexLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ReindexerOptions {
  corpusDir: string;
  indexDir: string;
  /** Build without vectors (`--lexical-only`), e.g. when the server has no embedding model. */
  lexicalOnly?: boolean;
  /** Script to run instead of ingest/cli.ts; it gets `--corpus DIR --index DIR`. */
  script?: string;
  /** Environment of the ingest (default: this process's, so it reads the same settings). */
  env?: NodeJS.ProcessEnv;
  /** Nice value of the ingest process (0–19; higher yields more CPU to answering). Default 10. */
  priority?: number;
  /** Quiet time after the last corpus change before an ingest starts. Default 5 s. */
  debounceMs?: number;
  logger: ReindexLogger;
  /** Called after an ingest published a new generation: the server swaps it in. */
  onPublished: () => unknown;
}

/** How one ingest run ended. */
export interface ReindexOutcome {
  reason: string;
  /** Exit code of the ingest (0: a new generation was published). */
  code: number | null;
  signal: NodeJS.Signals | null;
  milliseconds: number;
  /** Why the ingest failed, as it said itself; null when it died without saying (a crash). */
  failure: string | null;
  /** The corpus file it was reading when it ended (on failure: the likely cause). */
  file: string | null;
}

/** How an ingest process ended. */
export type IngestProcessOutcome = Omit<ReindexOutcome, 'reason'>;

export interface IngestProcessOptions {
  corpusDir: string;
  indexDir: string;
  lexicalOnly?: boolean | undefined;
  script?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Nice value (0–19). */
  priority: number;
  /** Each line the ingest prints; without it, its output goes straight to this process's stdout and stderr. */
  onLine?: ((line: string) => void) | undefined;
  /** Each progress report the ingest sends (read, chunked, embedded, published). */
  onProgress?: ((progress: IngestProgress) => void) | undefined;
}

const defaultScript = path.resolve(import.meta.dirname, '..', 'ingest', 'cli.ts');

/**
 * Events, whoever asked for the run: `start` (its reason) when an ingest process starts, `progress`
 * as it reports, `end` (its outcome) after it exited and a published generation was swapped in.
 */
export class Reindexer extends EventEmitter<{ start: [string]; progress: [IngestProgress]; end: [ReindexOutcome] }> {
  private child: ChildProcess | null = null;
  private current: Promise<ReindexOutcome> | null = null;
  private queued: Promise<ReindexOutcome> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private watcher: fs.FSWatcher | null = null;
  private closed = false;

  constructor(private readonly options: ReindexerOptions) {
    super();
  }

  /** Whether an ingest is running now. */
  get running(): boolean {
    return this.child !== null;
  }

  /**
   * Runs an ingest now, or right after the one in progress (requests made meanwhile share that
   * second run). Resolves when the run has finished and, when it published, the swap was asked.
   */
  run(reason: string): Promise<ReindexOutcome> {
    if (this.closed) return Promise.reject(new Error('the reindexer is closed'));
    if (!this.current) {
      this.current = this.spawn(reason).finally(() => {
        this.current = null;
      });
      return this.current;
    }
    // One queued run covers every request made during the current one: it will read the corpus
    // as it is when it starts.
    this.queued ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.run(reason);
      });
    return this.queued;
  }

  /** Asks for a run after `debounceMs` without further requests (e.g. on each corpus change). */
  request(reason: string): void {
    if (this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.run(reason).catch((error: unknown) => this.options.logger.warn({ err: error }, 're-ingest failed'));
    }, this.options.debounceMs ?? 5000);
    this.debounce.unref();
  }

  /** Re-ingests whenever files under the corpus folder change (debounced). */
  watch(): void {
    if (this.watcher || this.closed) return;
    const onChange = (_event: string, file: string | Buffer | null): void => {
      const name = file === null ? '' : String(file);
      // Editors' swap files and dot-files are not articles (the readers skip them too).
      if (name.split(/[\\/]/).some((part) => part.startsWith('.') || part.startsWith('~$'))) return;
      this.request(`corpus changed${name ? ` (${name})` : ''}`);
    };
    try {
      this.watcher = fs.watch(this.options.corpusDir, { recursive: true }, onChange);
    } catch {
      // Recursive watching is not available everywhere; the top folder is what most people edit.
      this.watcher = fs.watch(this.options.corpusDir, onChange);
    }
    this.watcher.on('error', (error) => this.options.logger.warn({ err: error, corpus: this.options.corpusDir }, 'cannot watch the corpus folder'));
    this.watcher.unref();
  }

  /**
   * Stops watching and ends a running ingest (its half-built generation is discarded, the live one
   * stays). An ingest busy in a long synchronous step cannot see SIGTERM, so after `killAfterMs`
   * it is killed outright; the next ingest cleans up what it left.
   */
  async close(killAfterMs = 5000): Promise<void> {
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.watcher?.close();
    const running = this.current;
    const child = this.child;
    if (!running || !child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await running.catch(() => undefined);
    clearTimeout(timer);
  }

  private spawn(reason: string): Promise<ReindexOutcome> {
    const { logger } = this.options;
    logger.info({ reason, corpus: this.options.corpusDir }, 're-ingest started');
    const { child, finished } = startIngestProcess({
      ...this.options,
      priority: this.options.priority ?? 10,
      onLine: (line) => logger.info({ ingest: line }, 're-ingest progress'),
      onProgress: (progress) => this.emit('progress', progress),
    });
    this.child = child;
    this.emit('start', reason);
    return finished.then(
      async (ended) => {
        this.child = null;
        const outcome: ReindexOutcome = { reason, ...ended };
        if (outcome.code !== 0) {
          logger.warn(outcome, `re-ingest failed${describeFailure(outcome)}; the current index stays live`);
          this.emit('end', outcome);
          return outcome;
        }
        logger.info(outcome, 're-ingest published a new generation');
        try {
          await this.options.onPublished();
        } catch (error) {
          logger.warn({ err: error }, 'the new generation could not be swapped in');
        }
        this.emit('end', outcome);
        return outcome;
      },
      (error: unknown) => {
        this.child = null;
        this.emit('end', { reason, code: null, signal: null, milliseconds: 0, failure: error instanceof Error ? error.message : String(error), file: null });
        throw error;
      },
    );
  }
}

/** How a failed ingest ended, for a log line: `: <its message>` or ` (killed by SIGABRT while reading x.docx)`. */
export function describeFailure(outcome: Pick<ReindexOutcome, 'code' | 'signal' | 'failure' | 'file'>): string {
  if (outcome.failure) return `: ${outcome.failure}`;
  const how = outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`;
  return ` (${how}${outcome.file ? ` while reading ${outcome.file}` : ''})`;
}

/**
 * Runs `ingest/cli.ts` (or `script`) in a child process at the given priority. The child reports
 * each file before reading it, so when it dies without a word (out of memory, a native crash) the
 * outcome still names the file it was on. Resolves when the child has exited and its output and
 * messages have all arrived.
 */
export function startIngestProcess(options: IngestProcessOptions): { child: ChildProcess; finished: Promise<IngestProcessOutcome> } {
  const started = Date.now();
  const args = ['--corpus', options.corpusDir, '--index', options.indexDir, ...(options.lexicalOnly ? ['--lexical-only'] : [])];
  const child = fork(options.script ?? defaultScript, args, {
    execArgv: ['--import', 'tsx'],
    env: options.env ?? process.env,
    stdio: options.onLine ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    // Lower the ingest's priority before it starts its worker threads (they inherit it).
    if (child.pid !== undefined && options.priority !== 0) os.setPriority(child.pid, options.priority);
  } catch {
    // Not permitted here: the ingest still runs, just at the same priority.
  }
  const onLine = options.onLine;
  if (onLine) {
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) onLine(line.trim());
      });
    }
  }
  let file: string | null = null;
  let failure: string | null = null;
  child.on('message', (message: IngestChildMessage) => {
    if (message?.type === 'reading' && typeof message.file === 'string') file = message.file;
    else if (message?.type === 'failed' && typeof message.message === 'string') failure = message.message;
    else if (message?.type === 'progress' && message.progress) options.onProgress?.(message.progress);
  });
  const finished = new Promise<IngestProcessOutcome>((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': by then every line and message of the child has been read.
    child.once('close', (code, signal) => resolve({ code, signal, milliseconds: Date.now() - started, failure, file: code === 0 ? null : file }));
  });
  return { child, finished };
}
