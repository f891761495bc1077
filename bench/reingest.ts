/**
 * "Re-ingest while serving": search requests at a steady rate against a running server, first
 * idle, then while the server re-ingests the same corpus in a child process and swaps the new
 * generation in. The client is this (bench) process, so event-loop stalls in the server show up
 * in the latencies.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ReingestServerMessage, ReingestServerTask } from './reingest-server.ts';
import { summarize, type Summary } from './stats.ts';

export interface ReingestResult {
  corpusLabel: string;
  chunks: number;
  requestsPerSecond: number;
  idle: Summary;
  during: Summary;
  ingestMs: number;
  swapLoadMs: number;
  maxEventLoopDelayMs: number;
  p99EventLoopDelayMs: number;
  errors: number;
}

/** Runs the scenario; `task.indexDir` must hold a generation already. */
export async function runReingest(options: {
  task: ReingestServerTask;
  corpusLabel: string;
  queries: string[];
  requestsPerSecond: number;
  idleSeconds: number;
  log: (line: string) => void;
}): Promise<ReingestResult> {
  const { task, queries, requestsPerSecond, log } = options;
  fs.writeFileSync(task.idfFile, JSON.stringify(task.idf));
  const child = fork(path.resolve(import.meta.dirname, 'reingest-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const events: ReingestServerMessage[] = [];
  const waiters: ((message: ReingestServerMessage) => void)[] = [];
  child.on('message', (message: ReingestServerMessage) => {
    if (message.type === 'log') {
      if (/started|published|failed|re-ingest:/.test(message.line)) log(`  server: ${message.line.slice(0, 200)}`);
      return;
    }
    events.push(message);
    for (const waiter of waiters.splice(0)) waiter(message);
  });
  const next = (type: ReingestServerMessage['type']): Promise<ReingestServerMessage> =>
    new Promise((resolve, reject) => {
      const found = events.find((event) => event.type === type);
      if (found) return resolve(found);
      const onExit = (): void => reject(new Error('the bench server exited'));
      child.once('exit', onExit);
      const wait = (message: ReingestServerMessage): void => {
        if (message.type === 'error') reject(new Error(message.error));
        else if (message.type === type) {
          child.off('exit', onExit);
          resolve(message);
        } else waiters.push(wait);
      };
      waiters.push(wait);
    });
  child.send(task);
  try {
    const { port } = (await next('listening')) as Extract<ReingestServerMessage, { type: 'listening' }>;
    const base = `http://127.0.0.1:${port}/api/search?k=10&q=`;
    let errors = 0;
    let phase: 'warmup' | 'idle' | 'during' | 'stop' = 'warmup';
    const samples: Record<'idle' | 'during', number[]> = { idle: [], during: [] };
    let sent = 0;
    const inFlight = new Set<Promise<void>>();
    const fire = (): void => {
      const query = queries[sent++ % queries.length]!;
      const at = phase;
      const started = performance.now();
      const request = fetch(base + encodeURIComponent(query))
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) errors++;
          else if (at === 'idle' || at === 'during') samples[at].push(performance.now() - started);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    };
    // Open loop: requests go out on schedule whether or not earlier ones have answered, so a
    // stalled server shows as latency instead of as fewer requests.
    const interval = 1000 / requestsPerSecond;
    let scheduled = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      while (scheduled <= now && phase !== 'stop') {
        fire();
        scheduled += interval;
      }
    }, Math.max(1, Math.floor(interval / 2)));
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(3000);
    phase = 'idle';
    log(`  idle phase: ${options.idleSeconds} s at ${requestsPerSecond} searches/s`);
    await sleep(options.idleSeconds * 1000);
    phase = 'during';
    log('  re-ingest requested');
    child.send({ type: 'reingest' });
    const done = (await next('ingest-done')) as Extract<ReingestServerMessage, { type: 'ingest-done' }>;
    const swapped = (await next('swapped')) as Extract<ReingestServerMessage, { type: 'swapped' }>;
    await sleep(3000);
    phase = 'stop';
    clearInterval(ticker);
    await Promise.allSettled([...inFlight]);
    if (done.code !== 0) throw new Error(`the re-ingest exited with ${done.code}`);
    return {
      corpusLabel: options.corpusLabel,
      chunks: swapped.chunks,
      requestsPerSecond,
      idle: summarize(samples.idle),
      during: summarize(samples.during),
      ingestMs: done.ingestMs,
      swapLoadMs: Math.round(swapped.swapLoadMs),
      maxEventLoopDelayMs: Math.round(swapped.maxEventLoopDelayMs * 10) / 10,
      p99EventLoopDelayMs: Math.round(swapped.p99EventLoopDelayMs * 10) / 10,
      errors,
    };
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  }
}
